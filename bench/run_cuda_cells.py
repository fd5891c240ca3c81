"""Run the `#| cuda` cells of nbs/*.ipynb with plain Python (no Jupyter, nbdev or fastcore needed).

For each notebook that has a `#| cuda` cell, its cells run in one namespace, in notebook order: by default
("lean") the `#| export` cells, the cells that only import/define things, and the cuda cells; with `--full`
every cell nbdev-test would run with `--flags cuda` (the CPU tests too). `#| slow` / `#| eval: false` cells are
skipped, IPython `%`/`!` lines blanked. A failing ordinary cell is logged and the run goes on; a failing cuda
cell counts as a failure. Each notebook runs in its own subprocess with a timeout, notebooks in parallel.

    python bench/run_cuda_cells.py [--nbs nbs] [--out cells.json] [--timeout 120] [--dry] [NOTEBOOK ...]

`--dry` (or no CUDA) lists the cuda cells and checks that they compile, without running anything.
Exit code: 0 if every cuda cell passed (or --dry), 1 otherwise.
"""
from __future__ import annotations
import argparse, importlib.util, json, os, subprocess, sys, time, traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent

def flags(src:str) -> set[str]:
    "nbdev directives of a cell: '#| cuda' -> {'cuda'}, '#| eval: false' -> {'eval: false'}."
    out = set()
    for line in src.splitlines():
        s = line.strip()
        if s.startswith("#|"): out.add(s[2:].strip())
    return out

def code_cells(nb_path:Path) -> list[dict]:
    nb = json.loads(nb_path.read_text())
    cells = []
    for i, c in enumerate(nb["cells"]):
        if c["cell_type"] != "code": continue
        src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        f = flags(src)
        cells.append(dict(index=i, src=src, flags=sorted(f), cuda=any(x.split()[0] == "cuda" for x in f)))
    return cells

def _definitions_only(src:str) -> bool:
    "True if every top-level statement is an import, a def or a class (a setup cell, not a test)."
    import ast
    try: body = ast.parse(_clean(src)).body
    except SyntaxError: return False
    return bool(body) and all(isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in body)

def _skip(cell, slow=False, lean=True):
    f = set(cell["flags"])
    if "eval: false" in f or "eval:false" in f: return "eval: false"
    if "slow" in f and not slow: return "slow"
    if lean and not cell["cuda"] and not ({"export", "exports", "exporti"} & f) and not _definitions_only(cell["src"]):
        return "lean: test cell"
    return None

def _clean(src:str) -> str:
    "Drop IPython magics/shell lines (they are not Python)."
    return "\n".join("pass  # " + l if l.lstrip().startswith(("%", "!")) else l for l in src.splitlines())

def run_notebook(nb_path:Path, slow=False, lean=True) -> dict:
    "Execute in this process; returns a report dict."
    if os.environ.get("A3_FORCE_SHIMS"): sys.path.insert(0, str(HERE / "shims"))  # testing the shims where fastcore exists
    elif importlib.util.find_spec("fastcore") is None or importlib.util.find_spec("nbdev") is None:
        sys.path.append(str(HERE / "shims"))  # appended: a real install always wins
    os.chdir(nb_path.parent)
    ns = {"__name__": "__main__", "__file__": str(nb_path)}
    rep = dict(notebook=nb_path.name, cells=[])
    for c in code_cells(nb_path):
        why = _skip(c, slow, lean)
        entry = dict(index=c["index"], cuda=c["cuda"], flags=c["flags"])
        if why: entry.update(status="skipped", why=why); rep["cells"].append(entry); continue
        t0 = time.perf_counter()
        try:
            exec(compile(_clean(c["src"]), f"{nb_path.name}[cell {c['index']}]", "exec"), ns)
            entry.update(status="passed")
        except BaseException as e:  # SystemExit from argparse-style cells too
            entry.update(status="FAILED", error="".join(traceback.format_exception_only(type(e), e)).strip()[-600:],
                         traceback=traceback.format_exc()[-3000:])
        entry["seconds"] = round(time.perf_counter() - t0, 3)
        print(f"  {nb_path.name} cell {c['index']:3d} {'cuda ' if c['cuda'] else '     '}{entry['status']:7s} {entry['seconds']:.2f}s"
              + (f"  {entry['error'].splitlines()[0]}" if entry["status"] == "FAILED" else ""), flush=True)
        rep["cells"].append(entry)
    return rep

def summarize(rep:dict) -> dict:
    cc = [c for c in rep.get("cells", []) if c["cuda"]]
    oc = [c for c in rep.get("cells", []) if not c["cuda"]]
    return dict(cuda_passed=sum(c["status"] == "passed" for c in cc), cuda_failed=sum(c["status"] == "FAILED" for c in cc),
                cuda_total=len(cc), other_failed=sum(c["status"] == "FAILED" for c in oc))

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebooks", nargs="*", help="notebooks (default: every nbs/*.ipynb with a cuda cell)")
    p.add_argument("--nbs", default=str(HERE.parent / "nbs"))
    p.add_argument("--out", default=None, help="write the JSON report here")
    p.add_argument("--timeout", type=float, default=120, help="seconds per notebook")
    p.add_argument("--slow", action="store_true", help="also run #| slow cells")
    p.add_argument("--dry", action="store_true", help="list and compile the cuda cells only")
    p.add_argument("--full", action="store_true", help="run every non-slow cell (default: lean = export/import/def cells + cuda cells)")
    p.add_argument("--jobs", type=int, default=4, help="notebooks run in parallel")
    p.add_argument("--force", action="store_true", help="run even without CUDA (to test this script)")
    p.add_argument("--_one", default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a._one:  # child process: run one notebook, print its report as the last line
        print(json.dumps(run_notebook(Path(a._one), a.slow, not a.full)), flush=True); return 0
    nbs = [Path(n) for n in a.notebooks] or sorted(Path(a.nbs).glob("*.ipynb"))
    nbs = [n.resolve() for n in nbs if any(c["cuda"] for c in code_cells(n))]
    try:
        import torch; has_cuda = torch.cuda.is_available()
    except Exception: has_cuda = False
    dry = a.dry or not (has_cuda or a.force)
    report = dict(cuda_available=has_cuda, dry=dry, notebooks=[])
    print(f"notebooks with #| cuda cells: {[n.name for n in nbs] or 'none'}; cuda available: {has_cuda}; dry: {dry}", flush=True)
    def child(nb):
        t0 = time.perf_counter()
        env = {**os.environ, "PYTHONPATH": str(HERE.parent) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        try:
            pr = subprocess.run([sys.executable, __file__, "--_one", str(nb)] + (["--slow"] if a.slow else []) + (["--full"] if a.full else []),
                                capture_output=True, text=True, timeout=a.timeout, env=env)
            last = [l for l in pr.stdout.splitlines() if l.startswith("{")]
            rep = json.loads(last[-1]) if last else dict(notebook=nb.name, cells=[], error=f"exit {pr.returncode}: {pr.stderr[-1500:]}")
            rep["stdout"] = "\n".join(l for l in pr.stdout.splitlines() if not l.startswith("{"))[-4000:]
            if pr.stderr.strip(): rep["stderr_tail"] = pr.stderr[-1500:]
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            rep = dict(notebook=nb.name, cells=[], error=f"timed out after {a.timeout:.0f} s", stdout=out[-4000:])
        rep["seconds"] = round(time.perf_counter() - t0, 1)
        return rep
    if dry:
        reps = []
        for nb in nbs:
            rep = dict(notebook=nb.name, cells=[])
            for c in code_cells(nb):
                if not c["cuda"]: continue
                try: compile(_clean(c["src"]), nb.name, "exec"); st = "compiled (not run: dry)"
                except SyntaxError as e: st = f"FAILED: {e}"
                rep["cells"].append(dict(index=c["index"], cuda=True, flags=c["flags"], status=st))
                print(f"  {nb.name} cell {c['index']} cuda: {st}", flush=True)
            reps.append(rep)
    else:  # notebooks in parallel (each its own process and namespace)
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max(1, min(len(nbs), a.jobs))) as ex: reps = list(ex.map(child, nbs))
    for rep in reps:
        if rep.get("stdout"): print(f"--- {rep['notebook']} output:\n{rep['stdout']}", flush=True)
        rep["summary"] = summarize(rep)
        print(f"{rep['notebook']}: {rep['summary']}" + (f" ERROR {rep['error']}" if rep.get("error") else ""), flush=True)
        report["notebooks"].append(rep)
    if a.out: Path(a.out).write_text(json.dumps(report, indent=1))
    if dry: return 0
    bad = any(r.get("error") or r["summary"]["cuda_failed"] or r["summary"]["cuda_total"] == 0 for r in report["notebooks"])
    return 1 if bad else 0

if __name__ == "__main__": sys.exit(main())
