"""Does the content-keys backend's unrepeated key/value heads (`enable_gqa`) change the A3 *training* step on a CPU?

    python tools/train_gqa_ab.py --model smollm2-135m --B 4 --L 256 --rounds 4 --out figures/train_gqa_ab.json

Three arms, interleaved, after one warm-up each: the A3 step with content keys as it runs (`enable_gqa`), the same with
the key/value heads copied per query head as transformers' SDPA path does (`repeat_kv`), and the backbone's plain AR
step. fp32, `--threads` threads, glibc's allocator tuned as the trainer tunes it; medians of `--rounds`.
"""
import argparse, json, time
from pathlib import Path
from unittest import mock
import torch
import a3_nb.backbone as bb
from a3_nb.bench import build_base, wrap, train_batch, a3_step, ar_step, machine_info, summarize
from a3_nb.train import tune_malloc

def repeat_kv_step(m, x, g):
    "The A3 step with `_grouped_heads` answering False: transformers' SDPA path, which copies the shared heads."
    with mock.patch.object(bb, "_grouped_heads", lambda *a: False): a3_step(m, x, g, "a3_sdpa")

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--model", default="smollm2-135m"); p.add_argument("--B", type=int, default=4); p.add_argument("--L", type=int, default=256)
p.add_argument("--rounds", type=int, default=4); p.add_argument("--threads", type=int, default=2); p.add_argument("--out", default=None)
a = p.parse_args()
torch.set_num_threads(a.threads); tune_malloc()
base = build_base(a.model).train(); m = wrap(base, attn="a3_sdpa").train()
x, g = train_batch(base.config.vocab_size, a.B, a.L)
arms = {"a3_enable_gqa": lambda: a3_step(m, x, g, "a3_sdpa"), "a3_repeat_kv": lambda: repeat_kv_step(m, x, g), "ar": lambda: ar_step(base, x)}
def seconds(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t
for f in arms.values(): f()
runs = {k: [] for k in arms}
for _ in range(a.rounds):
    for k, f in arms.items(): runs[k].append(seconds(f))
med = {k: summarize(v)["median"] for k, v in runs.items()}
res = dict(command=f"python tools/train_gqa_ab.py --model {a.model} --B {a.B} --L {a.L} --rounds {a.rounds} --threads {a.threads}"
           + (f" --out {a.out}" if a.out else ""), machine=machine_info("cpu"), seconds_median=med, seconds_runs=runs,
           enable_gqa_over_ar=med["a3_enable_gqa"] / med["ar"], repeat_kv_over_ar=med["a3_repeat_kv"] / med["ar"],
           enable_gqa_over_repeat_kv=med["a3_enable_gqa"] / med["a3_repeat_kv"])
print(json.dumps({k: v for k, v in res.items() if k not in ("machine", "seconds_runs")}, indent=1))
if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
