#!/usr/bin/env python
"""Offline HTML docs and README for a3_nb, without Quarto.

    python tools/build_docs.py              # _docs/index.html + one page per notebook (nbdev processing + nbconvert)
    python tools/build_docs.py --execute    # run each notebook's non-slow cells first, so pages show outputs
    python tools/build_docs.py --readme     # also regenerate README.md from nbs/index.ipynb (executed)
    python tools/build_docs.py --readme --check   # fail if README.md is out of date (used by CI)

The real docs site is nbdev's Quarto site (`nbdev-docs`, where Quarto is installed; nbs/_quarto.yml and
nbs/nbdev.yml are kept up to date here and committed). This script is the offline stand-in: every notebook goes
through nbdev's own processors (show_doc tables for exported functions, directives removed, hidden cells dropped)
into _proc/, then nbconvert's HTMLExporter writes _docs/<notebook>.html with a navigation bar linking all pages.
A notebook whose nbdev processing fails is still rendered (from the raw notebook) with a red warning banner, and
listed in _docs/build.json under "errors" (tests/test_docs_browser.py fails on it).
"""
from __future__ import annotations
import argparse, concurrent.futures as cf, copy, html, json, os, re, shutil, sys, time, traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMG_RE = re.compile(r"\.\./figures/")
QUARTO_ATTR_RE = re.compile(r"\{target=\"_blank\"[^}]*\}")
SHOW_DOC_RE = re.compile(r"^\s*show_doc\(.*\)\s*$")
NB_LINK_RE = re.compile(r"\(([\w.-]+)\.ipynb(#[^)]*)?\)")


def notebooks(nbs: Path) -> list[Path]:
    "Notebooks that get a page: nbs/*.ipynb, index first, skipping names starting with '_' or '.'."
    nbs_ = sorted(p for p in nbs.glob("*.ipynb") if not p.name.startswith(("_", ".")))
    return sorted(nbs_, key=lambda p: (p.stem != "index", p.name))


def _execute(src: str, dst: str, flags: list[str]) -> str | None:
    "Run `src` like nbdev-test (cells with `flags` skipped) and save the executed notebook to `dst`; error text or None."
    import nbdev.test as T
    real_write = T.write_nb
    T.write_nb = lambda nb, fn: real_write(nb, dst)   # nbdev's `--save` writes over the source: redirect it
    try:
        ok, _ = T.test_nb(src, skip_flags=flags, save=True, showerr=False, basepath=str(ROOT))
        return None if ok else f"execution failed (run `nbdev-test {Path(src).relative_to(ROOT)}` to see why)"
    except Exception as e: return f"{type(e).__name__}: {e}"
    finally: T.write_nb = real_write


def _process(src: str, dst: str) -> str | None:
    "nbdev's docs processing of one notebook (what nbdev-proc-nbs does per file); error text or None."
    os.chdir(ROOT)
    try:
        import ast, nbdev.serve_drv, nbdev.processors as P
        from nbdev.processors import FilterDefaults
        real_do_eval = P._do_eval
        def _do_eval(cell):
            # nbdev runs every cell that contains an import (warning "Found cells containing imports and other code"),
            # so a test cell that imports and then uses names from earlier, unexecuted test cells breaks the build.
            # For these offline docs run only export/exec_doc cells, pure-import cells and show_doc cells.
            if not real_do_eval(cell): return False
            if cell.directives_.keys() & {"export", "exports", "exporti", "exec_doc"}: return True
            trees = cell.parsed_()
            return all(isinstance(t, (ast.Import, ast.ImportFrom)) for t in trees) or bool(P._show_docs(trees))
        P._do_eval = _do_eval
        nbdev.serve_drv.main((Path(src), Path(dst), FilterDefaults))
        return None
    except Exception as e:
        return f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}"


def _in_subprocess(task: str, *args: str) -> str | None:
    "Run `_execute`/`_process` in a fresh Python process (isolates each notebook's kernel); error text or None."
    import subprocess
    r = subprocess.run([sys.executable, __file__, "--worker", task, *args], capture_output=True, text=True, cwd=ROOT)
    if r.returncode == 0: return None
    return (r.stdout[-3000:] + r.stderr[-3000:]).strip() or f"{task} exited with {r.returncode}"


def _worker(task: str, src: str, dst: str, *flags: str) -> int:
    err = _execute(src, dst, list(flags)) if task == "execute" else _process(src, dst)
    if err: print(err, file=sys.stderr); return 1
    return 0


def _frontmatter(nb) -> tuple[dict, list]:
    "Title/description from the processed notebook's raw front-matter cell (or the '# Title' + '> desc' cells)."
    import yaml
    fm, cells = {}, list(nb.cells)
    if cells and cells[0].cell_type == "raw" and cells[0].source.startswith("---"):
        fm = yaml.safe_load(cells[0].source.strip().strip("-")) or {}
        cells = cells[1:]
    elif cells and cells[0].cell_type == "markdown":
        lines = cells[0].source.splitlines()
        if lines and lines[0].startswith("# "):
            fm["title"] = lines[0][2:].strip()
            fm["description"] = " ".join(l[1:].strip() for l in lines[1:] if l.startswith(">"))
            cells = cells[1:]
    return fm, cells


def _clean(nb, cells):
    "Strip what nbconvert rejects or shows wrongly: cell/output metadata, '#|' directive lines, hidden cells."
    out = []
    for c in cells:
        c = copy.deepcopy(c)
        src = c.source if isinstance(c.source, str) else "".join(c.source)
        if c.cell_type == "code":
            lines = src.splitlines()
            if any(re.match(r"#\|\s*(hide|include:\s*false)\b", l) for l in lines): continue
            src = "\n".join(l for l in lines if not l.startswith("#|")).strip("\n")
            for o in c.get("outputs", []):
                if "metadata" in o: o["metadata"] = {}
                md = o.get("data", {}).get("text/markdown")
                if md is not None:   # Quarto-only link attributes that commonmark would print literally
                    o["data"]["text/markdown"] = QUARTO_ATTR_RE.sub("", md if isinstance(md, str) else "".join(md))
        if c.cell_type in ("markdown", "raw"):
            src = IMG_RE.sub("figures/", src)
            src = NB_LINK_RE.sub(lambda m: f"({m.group(1)}.html{m.group(2) or ''})", src)
        c.source, c.metadata = src, {}
        if c.cell_type == "code" and src and all(SHOW_DOC_RE.match(l) for l in src.splitlines()):
            c.metadata = {"tags": ["remove_input"]}   # nbdev's show_doc(...) calls: show the docs, not the call
        if c.cell_type == "code" and not src and not c.get("outputs"): continue
        out.append(c)
    nb = copy.deepcopy(nb)
    nb.cells, nb.metadata = out, {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                                  "language_info": {"name": "python"}}
    return nb


STYLE = """<style>
.a3-nav{position:sticky;top:0;z-index:10;background:#1f3b57;padding:8px 16px;font:14px sans-serif}
.a3-nav a{color:#fff;margin-right:14px;text-decoration:none}.a3-nav a.cur{font-weight:bold;text-decoration:underline}
.a3-head{max-width:1100px;margin:18px auto 0 auto;padding:0 16px;font-family:sans-serif}
.a3-head h1{margin:0}.a3-head p.desc{color:#555;font-size:1.1em}
.a3-error{background:#fdd;border:2px solid #c00;padding:10px;margin:10px 0;white-space:pre-wrap;font-family:monospace}
</style>"""


def _page(body: str, title: str, desc: str, nav: str, error: str | None, page_title: str) -> str:
    "Insert our title, navigation bar and header into nbconvert's full HTML page."
    head = f"<title>{html.escape(page_title)}</title>{STYLE}"
    body = re.sub(r"<title>.*?</title>", "", body, count=1, flags=re.S).replace("</head>", head + "</head>", 1)
    banner = (f'<div class="a3-error" id="a3-docs-error">nbdev processing failed, showing the raw notebook:\n'
              f"{html.escape(error)}</div>") if error else ""
    hdr = (f'{nav}<header class="a3-head"><h1 id="a3-page-title">{html.escape(title)}</h1>'
           f'<p class="desc">{html.escape(desc)}</p>{banner}</header>')
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + hdr, body, count=1)


def build(execute: bool = False, readme: bool = False, check: bool = False, jobs: int = 2, out: Path | None = None) -> dict:
    import nbformat
    from nbconvert import HTMLExporter
    from nbdev.config import get_config
    from nbdev.quarto import refresh_quarto_yml
    os.chdir(ROOT)
    cfg = get_config()
    refresh_quarto_yml()   # keep nbs/_quarto.yml + nbs/nbdev.yml (for nbdev-docs with Quarto) in sync with pyproject.toml
    out = Path(out or cfg.doc_path); proc = ROOT / "_proc"
    nbs = notebooks(cfg.nbs_path)
    flags = [f for f in cfg.get("tst_flags", [])]
    t0 = time.time(); errors, stats = {}, {}
    with cf.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:   # each task runs in its own Python subprocess
        srcs = {p.name: p for p in nbs}
        if execute:
            (proc / "_exec").mkdir(parents=True, exist_ok=True)
            futs = {pool.submit(_in_subprocess, "execute", str(p), str(proc / "_exec" / p.name), *flags): p.name for p in nbs}
            for f in cf.as_completed(futs):
                n = futs[f]
                if err := f.result(): errors[n] = err; print(f"  exec  FAILED {n}: {err}", file=sys.stderr)
                else: srcs[n] = proc / "_exec" / n; print(f"  exec  ok     {n}")
        proc.mkdir(exist_ok=True)
        todo = [p for p in nbs if execute or not (proc / p.name).exists() or (proc / p.name).stat().st_mtime < p.stat().st_mtime]
        for p in nbs:
            if p not in todo: print(f"  proc  cached {p.name}")
        futs = {pool.submit(_in_subprocess, "process", str(srcs[p.name]), str(proc / p.name)): p.name for p in todo}
        for f in cf.as_completed(futs):
            n = futs[f]
            if err := f.result(): errors[n] = (errors.get(n, "") + "\n" + err).strip(); print(f"  proc  FAILED {n}: {err.splitlines()[0]}", file=sys.stderr)
            else: print(f"  proc  ok     {n}")
    pages = []
    for p in nbs:
        use = proc / p.name if (proc / p.name).exists() and p.name not in errors else srcs[p.name]
        nb = nbformat.read(use, as_version=4)
        fm, cells = _frontmatter(nb)
        pages.append(dict(nb=p.name, html=p.stem + ".html", title=str(fm.get("title", p.stem)),
                          description=str(fm.get("description", "")), src=use, cells=cells, raw=nb))
    shutil.rmtree(out, ignore_errors=True); out.mkdir(parents=True)
    if (ROOT / "figures").exists(): shutil.copytree(ROOT / "figures", out / "figures")
    from nbconvert.preprocessors import TagRemovePreprocessor
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(TagRemovePreprocessor(remove_input_tags={"remove_input"}), enabled=True)
    for pg in pages:
        nav = '<nav class="a3-nav">' + "".join(
            f'<a href="{q["html"]}"{" class=cur" if q is pg else ""}>{html.escape("Home" if q["nb"] == "index.ipynb" else q["title"])}</a>'
            for q in pages) + "</nav>"
        nb = _clean(pg["raw"], pg["cells"])
        if pg["nb"] == "index.ipynb":
            rows = "\n".join(f'- [{q["title"]}]({q["html"]}) (`nbs/{q["nb"]}`): {q["description"]}' for q in pages if q is not pg)
            nb.cells.append(nbformat.v4.new_markdown_cell("## All pages\n\n" + rows))
        body, _ = exporter.from_notebook_node(nb)
        title = cfg.get("title", "a3_nb") if pg["nb"] == "index.ipynb" else pg["title"]
        (out / pg["html"]).write_text(_page(body, pg["title"], pg["description"], nav, errors.get(pg["nb"]),
                                            f'{pg["title"]} – a3_nb' if pg["nb"] != "index.ipynb" else f"{title} – docs"))
        stats[pg["html"]] = pg["title"]
    info = dict(pages=stats, errors=errors, seconds=round(time.time() - t0, 1), executed=execute)
    (out / "build.json").write_text(json.dumps(info, indent=1))
    print(f"docs: {len(pages)} pages in {out} ({info['seconds']} s); {len(errors)} notebook(s) with errors")
    if readme: info["readme_ok"] = write_readme(cfg, check=check)
    return info


def readme_text(cfg) -> str:
    "README.md from nbs/index.ipynb: executed (non-slow cells), hidden cells dropped, figure paths made repo-relative."
    from fastcore.nbio import read_nb
    from execnb.shell import CaptureShell
    src = cfg.nbs_path / cfg.get("readme_nb", "index.ipynb")
    nb = read_nb(src)
    cwd = os.getcwd(); os.chdir(cfg.nbs_path)
    try:
        skip = lambda c: bool(re.search(r"#\|\s*(slow|cuda|eval:\s*false)", c.source))
        CaptureShell(str(src)).run_all(nb, exc_stop=True, preproc=skip)
    finally: os.chdir(cwd)
    fm, cells = _frontmatter(nb)
    parts = [f"# {fm.get('title', cfg.lib_name)}", f"> {fm['description']}" if fm.get("description") else "",
             f"<!-- generated from nbs/{src.name} by `python tools/build_docs.py --readme`; edit the notebook, not this file -->"]
    for c in cells:
        s = c.source
        if c.cell_type == "markdown": parts.append(IMG_RE.sub("figures/", s))
        elif c.cell_type == "code":
            lines = s.splitlines()
            if any(re.match(r"#\|\s*(hide|include:\s*false)\b", l) for l in lines): continue
            echo = not any(re.match(r"#\|\s*echo:\s*false", l) for l in lines)
            code = "\n".join(l for l in lines if not l.startswith("#|")).strip()
            if code and echo: parts.append(f"```python\n{code}\n```")
            for o in c.get("outputs", []):
                if o.get("output_type") == "stream": parts.append(f"```\n{''.join(o['text']).rstrip()}\n```")
                elif "data" in o and "text/markdown" in o["data"]: parts.append("".join(o["data"]["text/markdown"]))
                elif "data" in o and "text/plain" in o["data"]: parts.append(f"```\n{''.join(o['data']['text/plain']).rstrip()}\n```")
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def write_readme(cfg, check: bool = False) -> bool:
    new, path = readme_text(cfg), ROOT / "README.md"
    if check:
        ok = path.exists() and path.read_text() == new
        print("README.md is up to date" if ok else "README.md is out of date: run `python tools/build_docs.py --readme`")
        return ok
    path.write_text(new); print(f"wrote {path}")
    return True


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]: return _worker(*argv[1:])
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--execute", action="store_true", help="run each notebook (non-slow cells) first so pages show outputs")
    p.add_argument("--readme", action="store_true", help="also regenerate README.md from nbs/index.ipynb")
    p.add_argument("--readme-only", action="store_true", help="only (re)generate README.md")
    p.add_argument("--check", action="store_true", help="with --readme/--readme-only: fail if README.md would change")
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default: %(default)s)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: _docs)")
    a = p.parse_args(argv)
    if a.readme_only:
        from nbdev.config import get_config
        os.chdir(ROOT)
        return 0 if write_readme(get_config(), check=a.check) else 1
    info = build(execute=a.execute, readme=a.readme, check=a.check, jobs=a.jobs, out=a.out)
    return 0 if info.get("readme_ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())
