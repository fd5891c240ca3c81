"""Greedy middle-line ROUGE-L of the shipped A3 model (prefix + suffix) vs the base model (prefix only), per passage,
on several independent sets of test-play passages, and the pooled A3 / base ratio with a paired bootstrap interval.

    python tools/infill_pooled.py run --passage-seed 0 --n 100     # one set (run sets in parallel processes)
    python tools/infill_pooled.py summary                          # pool the sets -> figures/infill_pooled.json

Passage set 0 is the offline benchmark's (`a3 eval`, figures/offline_eval.json), set 3 the claims notebook's. Arms:
base prefix only; A3 groupwise s = 1 left to right, causal context (the eval's "A3 causal ctx, s=1"); A3 dynamic
(entropy, adaptive), causal context. All greedy, so a rerun gives the same numbers."""
import argparse, json, os, platform, random, statistics, time
from pathlib import Path
import torch

RUNS, OUT = Path("runs"), Path("figures/infill_pooled.json")
MODEL = "models/a3-smollm2-135m-shakespeare"
ARMS = {"A3 causal ctx, s=1": dict(method="a3", sampler="groupwise", group_size=1, order="l2r", context="causal"),
        "A3 causal ctx, dynamic (entropy, adaptive)": dict(method="a3", sampler="dynamic", criterion="entropy", mode="adaptive", context="causal")}
BASE = "base, prefix only"

def run(a):
    from rouge_score import rouge_scorer
    from a3_nb.text import load_a3
    from a3_nb.hub import load_base
    from a3_nb.eval import shakespeare_passages, infill_predict
    torch.set_num_threads(a.threads); torch.set_grad_enabled(False)
    sc = rouge_scorer.RougeScorer(["rougeL"])
    a3, tok, _ = load_a3(MODEL); base = load_base("smollm2-135m")[0].eval()
    ps = shakespeare_passages(a.n, split="test", seed=a.passage_seed)
    preds, secs = {}, {}
    for label, (m, kw) in {BASE: (base, dict(method="ar_prefix")), **{k: (a3, v) for k, v in ARMS.items()}}.items():
        t0 = time.time(); preds[label] = infill_predict(m, tok, ps, sep="\n", progress=False, **kw); secs[label] = (time.time() - t0) / len(ps)
    rl = {k: [100 * sc.score(p["middle"], q)["rougeL"].fmeasure for p, q in zip(ps, v)] for k, v in preds.items()}
    for k, v in rl.items(): print(f"set {a.passage_seed} | {k}: ROUGE-L {statistics.mean(v):.2f}, {secs[k]:.2f} s/passage", flush=True)
    RUNS.mkdir(exist_ok=True)
    (RUNS/f"infill_pooled_{a.passage_seed}.json").write_text(json.dumps(dict(
        passage_seed=a.passage_seed, n=a.n, rougeL=rl, seconds_per_passage=secs,
        passages=[dict(title=p["title"], middle=p["middle"]) for p in ps], predictions=preds,
        machine=f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {a.threads} thread(s)",
        command=f"python tools/infill_pooled.py run --passage-seed {a.passage_seed} --n {a.n}"), indent=1) + "\n")

def ratio_interval(num, den, n=4000, seed=0):
    "Ratio of means and its 95% paired bootstrap interval (passages resampled)."
    rng = random.Random(seed); k = len(num); rs = []
    for _ in range(n):
        ix = [rng.randrange(k) for _ in range(k)]
        d = sum(den[i] for i in ix); rs.append(sum(num[i] for i in ix) / d if d else float("inf"))
    rs.sort(); return sum(num) / sum(den), rs[int(0.025 * n)], rs[int(0.975 * n) - 1]

def summary(a):
    sets = [json.loads(p.read_text()) for p in sorted(RUNS.glob("infill_pooled_*.json"))]
    if not sets: raise SystemExit("no runs/infill_pooled_*.json yet: run `python tools/infill_pooled.py run --passage-seed S` first")
    out = dict(model=f"{MODEL} (A3) vs smollm2-135m (base)", metric="greedy middle-line ROUGE-L (x100), test plays",
               interval_kind="95% paired bootstrap over passages (ratio of means)", goal="A3 / base >= 1.5", sets={}, pooled={})
    arms = list(ARMS)
    for s in sets:
        out["sets"][f"passage set {s['passage_seed']}"] = dict(n=s["n"], command=s["command"], machine=s["machine"],
            mean={k: statistics.mean(v) for k, v in s["rougeL"].items()}, seconds_per_passage=s["seconds_per_passage"],
            ratio={k: ratio_interval(s["rougeL"][k], s["rougeL"][BASE]) for k in arms})
    pool = {k: [x for s in sets for x in s["rougeL"][k]] for k in [BASE] + arms}
    out["pooled"] = dict(n=len(pool[BASE]), mean={k: statistics.mean(v) for k, v in pool.items()},
                         ratio={k: ratio_interval(pool[k], pool[BASE]) for k in arms})
    OUT.write_text(json.dumps(out, indent=1) + "\n"); print(json.dumps(out["pooled"], indent=1))

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0]); sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run"); r.add_argument("--passage-seed", type=int, default=0); r.add_argument("--n", type=int, default=100)
    r.add_argument("--threads", type=int, default=1)
    sub.add_parser("summary")
    a = ap.parse_args(); dict(run=run, summary=summary)[a.cmd](a)
