"""Query-stream loss at initialisation for each `w_init`, several seeds, on held-out rows of the embedded model.

    python tools/w_init_study.py --seeds 5 --rows 8 --out figures/w_init_study.json

Rows: the first `--rows` packed 128-token rows of the validation plays; groupings AR and permuted 8 (fixed seed).
Deterministic inits (zeros, mean_embedding) need one seed.
"""
import argparse, json, time
from pathlib import Path
import torch
from a3_nb.hub import load_base
from a3_nb.model import A3ForCausalLM
from a3_nb.train import load_config, build_rows, evaluate
from a3_nb.demo import base_ar_loss

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--seeds", type=int, default=5); p.add_argument("--rows", type=int, default=8); p.add_argument("--out", default=None)
a = p.parse_args()
torch.set_grad_enabled(False); t0 = time.time()
base, tok = load_base("smollm2-135m")
cfg = load_config("configs/smollm2-135m-shakespeare.yaml", [f"data.eval_rows={a.rows}", "data.max_tokens=4096"])
_, rows = build_rows(cfg, tok)
m = A3ForCausalLM.from_causal_lm(base, tokenizer=tok).eval()
res = dict(base_ar=base_ar_loss(m, rows, 4), inits={})
for init in ("zeros", "mean_embedding", "normal", "official"):
    m.config.w_init = init; out = []
    for seed in range(1 if init in ("zeros", "mean_embedding") else a.seeds):
        torch.manual_seed(seed); m.init_query_embed()
        out.append(dict(seed=seed, ar=evaluate(m, rows, "ar", None, 4), permuted8=evaluate(m, rows, "permuted", 8, 4)))
        print(init, out[-1], flush=True)
    res["inits"][init] = out
res.update(rows=len(rows), split="validation", seconds=time.time() - t0,
           command=f"python tools/w_init_study.py --seeds {a.seeds} --rows {a.rows}" + (f" --out {a.out}" if a.out else ""))
print(json.dumps(res, indent=1))
if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
