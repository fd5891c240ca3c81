"""Browser tests for a3_nb.viz widgets (headless Chromium through Playwright).

* ``test_static_player_html``: the static HTML of a ``GenerationPlayer`` (widget JavaScript vendored in
  a3_nb/static, no CDN, no kernel) opens in Chromium; moving the slider with the keyboard and pressing
  Play change the step on show. Runs by default when ``/usr/bin/chromium`` (Debian ``chromium``) and the
  ``playwright`` package are present, else skips with the reason.
* ``test_jupyterlab_player``: starts JupyterLab headless, runs all cells of a small notebook holding a
  player, and checks that the slider renders and drives the frames. Slower (a server and a kernel):
  runs only with ``A3_BROWSER_TESTS=1``.

Screenshots go to ``$A3_SCREENSHOT_DIR`` (default: pytest's tmp_path). Never run ``playwright install``:
the tests use the system Chromium (``$A3_CHROMIUM``, default /usr/bin/chromium).

    pytest tests/test_viz_browser.py -v                        # static HTML test (~10-20 s)
    A3_BROWSER_TESTS=1 pytest tests/test_viz_browser.py -v     # + JupyterLab (~30-60 s)
"""
import json, os, shutil, socket, subprocess, sys, textwrap, time
from dataclasses import dataclass
from pathlib import Path

import pytest

from _browser import need_browser, launch

REPO = Path(__file__).resolve().parents[1]



@pytest.fixture
def shots(tmp_path):
    d = Path(os.environ.get("A3_SCREENSHOT_DIR", tmp_path))
    d.mkdir(parents=True, exist_ok=True)
    return d


TOY = '''
import torch, numpy as np
from dataclasses import dataclass
from a3_nb.groups import infill_groups
try: from a3_nb.sample import Trace, TraceStep
except ImportError:
    @dataclass
    class TraceStep:
        step: int; positions: list; tokens: list; probs: list; entropies: list; group_ids: torch.Tensor
    @dataclass
    class Trace:
        input_ids: torch.Tensor; known_mask: torch.Tensor; steps: list; output_ids: torch.Tensor

class CharTok:
    def __init__(self, chars): self.chars = chars
    def decode(self, ids): return "".join(self.chars[i] for i in ids)
    def encode(self, s): return [self.chars.index(c) for c in s]

def toy_trace(text="#the cat sat on the mat", blanks=range(5, 19), group_size=3, seed=0):
    tok = CharTok(sorted(set(text))); ids = torch.tensor(tok.encode(text)); L = len(ids)
    known = torch.ones(L, dtype=torch.bool); known[list(blanks)] = False
    g = infill_groups(known, group_size=group_size, order="random", generator=torch.Generator().manual_seed(seed))
    rng = np.random.default_rng(seed); steps = []
    for k in range(1, int(g.max()) + 1):
        pos = (g == k).nonzero().flatten().tolist()
        pr = rng.uniform(0.2, 0.95, len(pos)).round(3).tolist()
        steps.append(TraceStep(step=k, positions=pos, tokens=ids[pos].tolist(), probs=pr,
                               entropies=[round(float(-np.log(p)), 3) for p in pr], group_ids=g.clone()))
    inp = ids.clone(); inp[~known] = 0
    return Trace(input_ids=inp, known_mask=known, steps=steps, output_ids=ids), tok
'''


def _toy():
    ns = {}
    exec(TOY, ns)
    return ns["toy_trace"]()


def _visible_label(page):
    "Text of the step label of the frame on show."
    return page.evaluate("""() => {
        const ls = [...document.querySelectorAll('.a3-step-label')].filter(e => e.offsetParent !== null);
        return ls.map(e => e.textContent);
    }""")


def test_static_player_html(tmp_path, shots):
    need_browser()
    from playwright.sync_api import sync_playwright
    from a3_nb.viz import GenerationPlayer, save_html
    tr, tok = _toy()
    n = len(tr.steps)
    player = GenerationPlayer(tr, tok, interval=300)
    page_path = save_html(player, tmp_path / "player.html", title="a3_nb GenerationPlayer")
    t0 = time.perf_counter()
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 760})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
            page.goto(page_path.as_uri())
            page.wait_for_selector(".widget-slider", timeout=30_000)
            page.wait_for_selector(".a3-step-label", timeout=30_000)
            assert _visible_label(page) == [f"Step 0 / {n}: context only"]
            assert page.locator(".a3-frame img, .widget-image").count() >= 1   # frame images are there
            page.screenshot(path=str(shots / "static_player_step0.png"))
            # keyboard: focus the slider handle, two steps right
            handle = page.locator(".widget-slider .noUi-handle").first
            handle.focus()
            page.keyboard.press("ArrowRight"); page.keyboard.press("ArrowRight")
            page.wait_for_function("() => [...document.querySelectorAll('.a3-step-label')]"
                                   ".some(e => e.offsetParent !== null && e.textContent.startsWith('Step 2 /'))",
                                   timeout=10_000)
            labels = _visible_label(page)
            assert len(labels) == 1 and labels[0].startswith(f"Step 2 / {n}: committed positions"), labels
            assert page.locator(".widget-readout").first.inner_text().strip() == "2"
            # the new tokens of step 2 are marked in the frame on show
            new = page.evaluate("() => [...document.querySelectorAll('.a3-new')].filter(e => e.offsetParent !== null).length")
            assert new == len(tr.steps[1].positions)
            page.screenshot(path=str(shots / "static_player_step2.png"))
            # Play runs the steps in the browser (no kernel): it must reach the last step
            page.locator(".widget-play button").first.click()
            page.wait_for_function(f"() => [...document.querySelectorAll('.a3-step-label')]"
                                   f".some(e => e.offsetParent !== null && e.textContent.startsWith('Step {n} /'))",
                                   timeout=20_000)
            page.screenshot(path=str(shots / "static_player_played.png"))
            assert not errors, errors
        finally:
            browser.close()
    print(f"static player test: {time.perf_counter() - t0:.1f} s in the browser; screenshots in {shots}")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]


@pytest.mark.skipif(os.environ.get("A3_BROWSER_TESTS") != "1",
                    reason="JupyterLab browser test runs only with A3_BROWSER_TESTS=1 (starts a server and a kernel)")
def test_jupyterlab_player(tmp_path, shots):
    need_browser()
    pytest.importorskip("jupyterlab", reason="jupyterlab is not installed")
    import nbformat
    from playwright.sync_api import sync_playwright
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"import sys; sys.path.insert(0, {str(REPO)!r})"),
                nbformat.v4.new_code_cell(TOY),
                nbformat.v4.new_code_cell("from a3_nb.viz import GenerationPlayer\n"
                                          "tr, tok = toy_trace()\nplayer = GenerationPlayer(tr, tok)\nplayer")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "player.ipynb")
    port, token = _free_port(), "a3-browser-test"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "cfg"), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"),
               PYTHONPATH=f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    cmd = [sys.executable, "-m", "jupyterlab", "--allow-root", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True",
           "--LabApp.extension_manager=readonly", f"--ServerApp.root_dir={tmp_path}",
           f"--LabApp.workspaces_dir={tmp_path / 'ws'}", f"--LabApp.user_settings_dir={tmp_path / 'settings'}"]
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    t0 = time.perf_counter()
    try:
        import urllib.request
        for _ in range(120):   # wait for the server
            try: urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2); break
            except Exception: time.sleep(0.5)
        else: pytest.fail(f"JupyterLab did not start; log:\n{(tmp_path / 'lab.log').read_text()[-3000:]}")
        with sync_playwright() as p:
            browser = launch(p)
            try:
                page = browser.new_page(viewport={"width": 1200, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/lab/tree/player.ipynb?token={token}")
                page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                                       " && window.jupyterapp.shell.currentWidget.sessionContext"
                                       " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                                       " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
                                       " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                                       timeout=90_000)
                page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
                page.wait_for_selector(".jp-OutputArea .widget-slider", timeout=120_000)
                page.wait_for_selector(".jp-OutputArea .a3-step-label", timeout=30_000)
                assert _visible_label(page)[0].startswith("Step 0 /")
                page.locator(".jp-OutputArea .a3-frame").first.scroll_into_view_if_needed()
                page.screenshot(path=str(shots / "jupyterlab_player_step0.png"))
                page.locator(".jp-OutputArea .widget-slider .noUi-handle").first.focus()
                page.keyboard.press("ArrowRight")
                page.wait_for_function("() => [...document.querySelectorAll('.a3-step-label')]"
                                       ".some(e => e.offsetParent !== null && e.textContent.startsWith('Step 1 /'))",
                                       timeout=15_000)
                page.screenshot(path=str(shots / "jupyterlab_player_step1.png"))
            finally:
                browser.close()
    finally:
        server.terminate()
        try: server.wait(timeout=15)
        except subprocess.TimeoutExpired: server.kill()
        log.close()
    print(f"JupyterLab player test: {time.perf_counter() - t0:.1f} s; screenshots in {shots}")
