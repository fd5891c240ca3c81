"""Exact NLL of held-out middle lines under A3's two context layouts, next to the base model.

    python tools/context_layout_probe.py models/a3-smollm2-135m-shakespeare --n 100 --out figures/context_layout.json

For each of the first `--n` passages of `shakespeare_passages(n, 0)` (five lines of the test plays, the middle one
scored): A3 given prefix and suffix as one bidirectional group 0 (`context="group0"`, the paper's layout), A3 given
them as left-to-right singleton groups (`context="causal"`), and the base model (the same backbone with the LoRA
adapters off) given the prefix alone. Means with 95% bootstrap intervals over passages, and paired differences.
"""
import argparse, json, time
from pathlib import Path
import torch
from tqdm.auto import tqdm
from a3_nb.text import load_a3
from a3_nb.eval import middle_nll, mean_ci, shakespeare_passages
from a3_nb.model import adapters_off

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("model"); p.add_argument("--n", type=int, default=100); p.add_argument("--out", default=None)
p.add_argument("--threads", type=int, default=None)
a = p.parse_args()
if a.threads: torch.set_num_threads(a.threads)
torch.set_grad_enabled(False)
t0 = time.time()
m, tok, _ = load_a3(a.model)
rows = []
for ps in tqdm(shakespeare_passages(a.n, 0), desc="passages"):
    r = dict(group0=middle_nll(m, None, tok, ps["prefix"], ps["middle"], ps["suffix"])["a3"],
             causal=middle_nll(m, None, tok, ps["prefix"], ps["middle"], ps["suffix"], context="causal")["a3"])
    with adapters_off(m) as b: r["base"] = middle_nll(None, b, tok, ps["prefix"], ps["middle"], ps["suffix"])["base"]
    rows.append(r)
res = {k: mean_ci([r[k] for r in rows]) for k in ("group0", "causal", "base")}
res["causal_minus_group0"] = mean_ci([r["causal"] - r["group0"] for r in rows])
res["causal_minus_base"] = mean_ci([r["causal"] - r["base"] for r in rows])
res.update(n=len(rows), model=a.model, seconds=time.time() - t0, values=rows,
           command=f"python tools/context_layout_probe.py {a.model} --n {a.n}" + (f" --out {a.out}" if a.out else ""))
print(json.dumps({k: v for k, v in res.items() if k != "values"}, indent=1))
if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
