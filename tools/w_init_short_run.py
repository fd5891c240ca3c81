"""The query vector's init after a short training run: held-out loss at init and after N steps, several seeds per `w_init`.

    python tools/w_init_short_run.py --seeds 0 1 2 3 4 --steps 8 --out figures/w_init_short_run.json

Each run: the shipped recipe (configs/smollm2-135m-shakespeare.yaml: the embedded SmolLM2-135M, LoRA r=32, lr 1e-3,
bf16 autocast where this CPU runs it faster), `a3_kwargs.w_init` set to the option, `seed` set to the seed (it draws
`w` for the random inits and the data order for all), then `--steps` optimizer steps of 4 x 128 tokens on permuted
groups of 8 (constant lr after 2 warm-up steps). Held-out: the first `--rows` packed rows of the validation plays,
AR grouping and permuted groups of 8 (fixed grouping seed), before and after. Writes as it goes (a killed run resumes).
"""
import argparse, json, time
from pathlib import Path
import torch
from a3_nb.train import load_config, Trainer, build_rows, evaluate, resolve_precision

INITS = ("zeros", "mean_embedding", "normal", "official")
p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4]); p.add_argument("--steps", type=int, default=8)
p.add_argument("--rows", type=int, default=8); p.add_argument("--inits", nargs="+", default=list(INITS), choices=INITS)
p.add_argument("--threads", type=int, default=None); p.add_argument("--out", default="runs/w_init_short_run.json")
a = p.parse_args()
if a.threads: torch.set_num_threads(a.threads)
prec = resolve_precision("auto", cpu=True)
out = Path(a.out); res = json.loads(out.read_text()) if out.exists() else {}
res.update(steps=a.steps, rows=a.rows, precision=prec, split="validation", runs=res.get("runs", {}),
           command="python tools/w_init_short_run.py --seeds " + " ".join(map(str, a.seeds)) + f" --steps {a.steps} --rows {a.rows} --out {a.out}")
rows = None
for seed in a.seeds:
    for init in a.inits:
        key = f"{init} | seed {seed}"
        if key in res["runs"]: continue
        cfg = load_config("configs/smollm2-135m-shakespeare.yaml", [
            f"a3_kwargs={{w_init: {init}}}", f"seed={seed}", f"mixed_precision='{prec}'", "schedule=constant", "warmup_steps=2",
            f"stages=[{{strategy: permuted, group_sizes: [8], steps: {a.steps}, name: short}}]", "data.eval_rows=4",
            f"output_dir=runs/w_init_short/{init}-{seed}", "save_every=0", "save_stage_end=false", "eval_every=0", "progress=false"])
        t0 = time.time(); tr = Trainer(cfg)
        if rows is None: rows = build_rows(load_config(cfg, [f"data.eval_rows={a.rows}", "data.max_tokens=4096"]), tr.tokenizer)[1]
        m = tr.acc.unwrap_model(tr.model)
        ev = lambda: dict(ar=evaluate(m, rows, "ar", None, 4), permuted8=evaluate(m, rows, "permuted", 8, 4))
        before = ev(); torch.set_grad_enabled(True); tr.fit(); after = ev()
        res["runs"][key] = dict(init=init, seed=seed, before=before, after=after, seconds=time.time() - t0)
        print(key, res["runs"][key], flush=True)
        out.parent.mkdir(parents=True, exist_ok=True); out.write_text(json.dumps(res, indent=1) + "\n")
        import shutil; shutil.rmtree(cfg.output_dir, ignore_errors=True); del tr, m

import statistics as S
summ = {}
for init in INITS:
    rs = [r for r in res["runs"].values() if r["init"] == init]
    if not rs: continue
    summ[init] = {f"{w}_{g}": dict(mean=S.mean(x[w][g] for x in rs), sd=S.stdev(x[w][g] for x in rs) if len(rs) > 1 else 0.0,
                                   values=[x[w][g] for x in rs]) for w in ("before", "after") for g in ("ar", "permuted8")}
    summ[init]["seeds"] = [x["seed"] for x in rs]
res["summary"] = summ; out.write_text(json.dumps(res, indent=1) + "\n")
for init, d in summ.items():
    print(f"{init:>15} n={len(d['seeds'])}  " + "  ".join(f"{k} {v['mean']:.2f}±{v['sd']:.2f}" for k, v in d.items() if k != "seeds"))
