"""Browser test of the offline docs (tools/build_docs.py) in headless Chromium through Playwright.

Builds _docs/ into a temporary folder (nbdev processing of every notebook + nbconvert; minutes on a busy
2-core machine the first time, faster with the _proc/ cache), opens index.html and every notebook's page,
and checks the titles, the navigation bar, the README figure and that no page fell back to the raw
notebook. Screenshots go to ``$A3_SCREENSHOT_DIR`` (default: pytest's tmp_path).

Skips (with the reason) when ``/usr/bin/chromium`` (Debian package ``chromium``; or ``$A3_CHROMIUM``) or the
``playwright`` package is missing. Never run ``playwright install`` (it downloads a browser).

    pytest -q tests/test_docs_browser.py
"""
import json, os, subprocess, sys
from pathlib import Path

import pytest

from _browser import need_browser, launch

REPO = Path(__file__).resolve().parents[1]



def _notebooks():
    return sorted(p for p in (REPO / "nbs").glob("*.ipynb") if not p.name.startswith(("_", ".")))


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    need_browser()
    out = tmp_path_factory.mktemp("docs")
    nbs = _notebooks()   # the notebooks present when the build starts
    r = subprocess.run([sys.executable, str(REPO / "tools" / "build_docs.py"), "--out", str(out)],
                       cwd=REPO, capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, f"tools/build_docs.py failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return out, json.loads((out / "build.json").read_text()), nbs


@pytest.fixture
def shots(tmp_path):
    d = Path(os.environ.get("A3_SCREENSHOT_DIR", tmp_path))
    d.mkdir(parents=True, exist_ok=True)
    return d


def test_build_has_every_page_without_errors(docs):
    out, info, nbs = docs
    assert info["errors"] == {}, "nbdev processing failed for: " + ", ".join(
        f"{k}: {v.splitlines()[-1] if v else ''}" for k, v in info["errors"].items())
    assert set(info["pages"]) >= {p.stem + ".html" for p in nbs}
    assert (out / "figures" / "fig1_masks.png").exists()


def test_pages_render_in_chromium(docs, shots):
    from playwright.sync_api import sync_playwright
    out, info, nbs = docs
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((out / "index.html").as_uri())
        assert "a3_nb" in page.title()
        assert page.inner_text("#a3-page-title") == "a3_nb"
        assert "Quick start" in page.inner_text("body")
        # the README figure is loaded (not a broken image)
        assert page.eval_on_selector("img[src*='fig1_masks']", "i => i.complete && i.naturalWidth > 0")
        nav = page.eval_on_selector_all(".a3-nav a", "as => as.map(a => a.getAttribute('href'))")
        assert sorted(nav) == sorted(info["pages"]) and set(nav) >= {p.stem + ".html" for p in nbs}
        page.screenshot(path=str(shots / "docs_index.png"), full_page=False)
        for nb in nbs:
            html = nb.stem + ".html"
            page.goto((out / html).as_uri())
            title = info["pages"][html]
            assert page.inner_text("#a3-page-title") == title, html
            assert title in page.title(), html
            assert page.query_selector("#a3-docs-error") is None, f"{html} fell back to the raw notebook"
            n_cells = page.eval_on_selector_all(".jp-Cell", "cs => cs.length")
            assert n_cells >= 2, f"{html} shows {n_cells} cells"
            page.screenshot(path=str(shots / f"docs_{nb.stem}.png"))
        assert not errors, errors
        browser.close()
    print(f"screenshots in {shots}")
