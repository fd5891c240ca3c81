"""Recipe search on this CPU: short A3 runs of SmolLM2-135M, held-out loss and infill ROUGE-L against training minutes.

    python tools/recipe_search.py --tokens 32768 --out figures/recipe_search.json --fig figures/recipe_search.png

Every arm trains from the base model with the same scaled-down curriculum (the shipped model's stage shares: AR 1/16,
contiguous 2->4 1/8, permuted 4->8 9/16, span 1/4), the same data order (seed 0), `w = 0` and the same precision, and is
scored at half and at the end of its run (`--evals 3`: also at three quarters).
Each checkpoint is scored on the validation plays (never trained on): the query-stream loss under the AR and the
permuted-8 groupings (`--rows` packed 128-token rows) and the middle-line ROUGE-L of `--passages` five-line passages
(A3 with prefix + suffix, causal context, s = 1, greedy, gold length), next to the base model's prefix-only ROUGE-L on the
same passages. The x axis is wall-clock training minutes on this machine (evaluation excluded). Results are written
after every checkpoint, so a killed run keeps what it measured; `--arms` runs a subset, and arms already in `--out` are
skipped (rerun to resume).
"""
import argparse, json, os, platform, shutil, time
from pathlib import Path
import torch

ARMS = {  # label -> config overrides on configs/smollm2-135m-shakespeare.yaml
    "LoRA r32, lr 1e-3": ["lora.r=32", "lora.alpha=64", "lr=1e-3"],
    "LoRA r32, lr 3e-4": ["lora.r=32", "lora.alpha=64", "lr=3e-4"],
    "LoRA r8, lr 1e-3": ["lora.r=8", "lora.alpha=16", "lr=1e-3"],
    "full FT, lr 5e-5": ["lora=null", "lr=5e-5"],
}

def stages(tokens):
    u = tokens // 16
    return [dict(strategy="ar", tokens=u, name="1: AR"),
            dict(strategy="contiguous", group_sizes=[2, 4], tokens=2 * u, name="2: contiguous 2→4"),
            dict(strategy="permuted", group_sizes=[4, 8], tokens=9 * u, name="3: permuted 4→8"),
            dict(strategy="span", group_sizes=[1], tokens=tokens - 12 * u, name="4: span")]

def score(m, tok, rows, passages):
    from a3_nb.train import evaluate
    from a3_nb.eval import infill_predict, rouge
    t0 = time.time()
    preds = infill_predict(m, tok, passages, method="a3", sep="\n", progress=False, sampler="groupwise", group_size=1,
                           context="causal")
    r = rouge(preds, [p["middle"] for p in passages])
    return dict(ar=evaluate(m, rows, "ar", None, 4), permuted8=evaluate(m, rows, "permuted", 8, 4),
                rougeL=r["rougeL"], rouge1=r["rouge1"], example=preds[0], eval_seconds=time.time() - t0)

def train_minutes(run, step):
    from a3_nb.train import read_log
    tr = [e for e in read_log(run) if e.get("kind") == "train"]
    t_end = max(e["time"] for e in tr if e["step"] <= step)
    first = tr[0]
    dt0 = first["tokens"] / first["tokens_per_s"]  # the first step's own duration
    return (t_end - first["time"] + dt0) / 60

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tokens", type=int, default=32768); p.add_argument("--rows", type=int, default=16)
    p.add_argument("--passages", type=int, default=30); p.add_argument("--precision", default="no")
    p.add_argument("--arms", nargs="*", default=list(ARMS)); p.add_argument("--runs", default="runs/recipe_search")
    p.add_argument("--out", default="figures/recipe_search.json"); p.add_argument("--fig", default=None)
    p.add_argument("--evals", type=int, default=2, help="checkpoints scored per arm: 2 = half and end, 3 = half, 3/4 and end")
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--merge", nargs="+", default=None, help="only merge these result files into --out (and draw --fig)")
    p.add_argument("--score", nargs=3, action="append", metavar=("LABEL", "FOLDER", "TOKENS"), default=[],
                   help="also score a saved A3 model (e.g. the shipped one) on the same rows and passages, as trained for TOKENS")
    a = p.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    if a.merge:
        res = merge(a.merge); Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
        if a.fig: plot(res, a.fig)
        return
    a.points = lambda n: {n // 2, n} if a.evals == 2 else {n // 2, 3 * n // 4, n}
    from a3_nb.train import load_config, build_rows, train
    from a3_nb.text import load_a3
    from a3_nb.hub import load_base
    from a3_nb.eval import shakespeare_passages, infill_predict, rouge
    out = Path(a.out)
    res = json.loads(out.read_text()) if out.exists() else {}
    res.update(tokens=a.tokens, rows=a.rows, passages=a.passages, precision=a.precision, machine=f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
               command="python tools/recipe_search.py " + " ".join(f"--{k} {v}" for k, v in
                        dict(tokens=a.tokens, rows=a.rows, passages=a.passages, precision=a.precision).items()))
    res.setdefault("arms", {})
    save = lambda: out.write_text(json.dumps(res, indent=1) + "\n")
    base, tok = load_base("smollm2-135m")
    ecfg = load_config("configs/smollm2-135m-shakespeare.yaml", [f"data.eval_rows={a.rows}", "data.max_tokens=4096"])
    _, rows = build_rows(ecfg, tok)
    passages = shakespeare_passages(a.passages, split="validation")
    if "base" not in res:
        torch.set_grad_enabled(False)
        preds = infill_predict(base, tok, passages, method="ar_prefix", sep="\n", progress=False)
        w0, _, _ = load_a3("smollm2-135m")
        res["base"] = dict(prefix_only_rougeL=rouge(preds, [p["middle"] for p in passages])["rougeL"],
                           untrained_a3=score(w0, tok, rows, passages))
        from a3_nb.demo import base_ar_loss
        res["base"]["base_ar"] = base_ar_loss(w0, rows, 4)
        del w0; save(); print("base", res["base"], flush=True)
    del base
    res.setdefault("models", {})
    for label, folder, ntok in a.score:
        if label in res["models"]: continue
        torch.set_grad_enabled(False)
        m, _, _ = load_a3(folder)
        res["models"][label] = dict(folder=folder, tokens=int(ntok), **score(m, tok, rows, passages)); save(); del m
        print(label, res["models"][label], flush=True)
    for label in a.arms:
        if label in res["arms"] and res["arms"][label].get("done"): continue
        run = Path(a.runs)/label.replace(" ", "").replace(",", "_")
        if run.exists(): shutil.rmtree(run)
        steps_total = a.tokens // 512
        import yaml
        d = yaml.safe_load(Path("configs/smollm2-135m-shakespeare.yaml").read_text())
        d["stages"] = stages(a.tokens); d["save_every"] = steps_total // 4
        cfg = load_config(d, ARMS[label] + [
            f"mixed_precision='{a.precision}'", f"output_dir={run}", "keep_last=10", "eval_every=0",
            "progress=false", "data.eval_rows=4", "seed=0", "warmup_steps=4"])
        torch.set_grad_enabled(True)
        t0 = time.time(); train(cfg); wall = time.time() - t0
        torch.set_grad_enabled(False)
        from a3_nb.train import list_checkpoints
        pts = []
        for ck in list_checkpoints(run):
            st = int(ck.name.split("-")[1])
            if st not in a.points(steps_total): continue
            m, _, _ = load_a3(ck/"model")
            pt = dict(step=st, tokens=st * 512, minutes=train_minutes(run, st), **score(m, tok, rows, passages))
            pts.append(pt); print(label, pt, flush=True); del m
            res["arms"][label] = dict(overrides=ARMS[label], points=pts, wall_seconds=wall, done=False); save()
        from a3_nb.train import read_log
        tps = sorted(e["tokens_per_s"] for e in read_log(run) if e.get("kind") == "train")
        res["arms"][label].update(done=True, tokens_per_s_p90=tps[int(0.9 * (len(tps) - 1))]); save()
        shutil.rmtree(run)  # checkpoints of full fine-tuning are 0.5 GB each
    if a.fig: plot(res, a.fig)

def merge(paths):
    "One result from several runs of this script on the same rows and passages (arms and scored models from each)."
    out = None
    for p in paths:
        d = json.loads(Path(p).read_text())
        if out is None: out = dict(d, arms={}, models={})
        assert d["base"] == out["base"] and d["tokens"] == out["tokens"], f"{p}: different rows, passages or budget"
        out["arms"].update({k: v for k, v in d["arms"].items() if v.get("done")}); out["models"].update(d.get("models", {}))
    out["merged_from"] = [str(p) for p in paths]
    return out

def plot(res, path):
    import matplotlib; matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(1, 3, figsize=(14, 4))
    for k, (key, title) in enumerate((("ar", "held-out loss, AR grouping"), ("permuted8", "held-out loss, permuted 8"),
                                      ("rougeL", "middle-line ROUGE-L (A3 prefix + suffix)"))):
        for label, arm in res["arms"].items():
            x = [p["tokens"] for p in arm["points"]]
            ax[k].plot(x, [p[key] for p in arm["points"]], "o-", label=f"{label} ({arm.get('tokens_per_s_p90', float('nan')):.0f} tok/s)")
        for label, m in res.get("models", {}).items():
            ax[k].plot([m["tokens"]], [m[key]], "k*", ms=10)
            ax[k].annotate(label, (m["tokens"], m[key]), fontsize=7, xytext=(-60, 6), textcoords="offset points")
        ref = res["base"]["base_ar"] if key != "rougeL" else res["base"]["prefix_only_rougeL"]
        ax[k].axhline(ref, ls="--", c="k", lw=0.8, label="base model: own AR loss / prefix-only ROUGE-L")
        if key == "rougeL": ax[k].axhline(1.5 * ref, ls=":", c="gray", label="1.5 x base (the goal)")
        else: ax[k].axhline(res["base"]["untrained_a3"][key], ls="-.", c="gray", lw=0.8, label="A3 at init (w = 0)")
        ax[k].set(title=title, xlabel="training tokens (log)", xscale="log")
    ax[0].legend(fontsize=6); ax[2].legend(fontsize=6)
    import textwrap
    fig.suptitle("\n".join(textwrap.wrap(f"Recipe search, SmolLM2-135M on Shakespeare, {res['tokens']:,} tokens per arm (tokens/s: fp32 training speed, "
                 f"90th percentile of steps, on {res['machine']}); {res['passages']} validation passages, {res['rows']} validation rows; stars: "
                 f"the shipped model after each of its runs. {res['command']}", 200)), fontsize=7)
    fig.tight_layout(); fig.savefig(path, dpi=110); plt.close(fig)

if __name__ == "__main__":
    main()
