"""Held-out losses of a saved A3 model next to its base model, on rows of the validation plays (never trained on).

    python tools/heldout_losses.py models/a3-smollm2-135m-shakespeare --rows 32 --out figures/shipped_heldout.json

Prints (and writes) the query-stream loss under the AR, contiguous-4, permuted-4, permuted-8 and span-1 (every position;
the context left to right, blank spans last) groupings and the base
model's own left-to-right loss on the same packed rows (documents never attend to each other), in nats/token.
"""
import argparse, json, time
from pathlib import Path
import torch
from a3_nb.text import load_a3
from a3_nb.train import load_config, build_rows, evaluate
from a3_nb.demo import base_ar_loss
from a3_nb.model import adapters_off

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("model"); p.add_argument("--rows", type=int, default=32); p.add_argument("--out", default=None)
a = p.parse_args()
torch.set_grad_enabled(False)
t0 = time.time()
m, tok, _ = load_a3(a.model)
cfg = load_config("configs/smollm2-135m-shakespeare.yaml", [f"data.eval_rows={a.rows}", "data.max_tokens=4096"])
_, rows = build_rows(cfg, tok)
res = {f"{s}{'' if n is None else n}": evaluate(m, rows, s, n, batch_size=4) for s, n in
       (("ar", None), ("contiguous", 4), ("permuted", 4), ("permuted", 8), ("span", 1))}
with adapters_off(m): res["base_ar"] = base_ar_loss(m, rows, 4)
res.update(rows=len(rows), seq_len=cfg.seq_len, split="validation", model=a.model, seconds=time.time() - t0,
           command=f"python tools/heldout_losses.py {a.model} --rows {a.rows}" + (f" --out {a.out}" if a.out else ""))
print(json.dumps(res, indent=1))
if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
