"""How fast a CPU streams linear-layer weights for few-row inputs: `F.linear` vs `a3_nb.backbone.skinny_linear`.

    python tools/linear_rows_probe.py --out figures/linear_rows_probe.json

90 `nn.Linear(576, 1536)` layers (SmolLM2-135M's MLP shape, 318 MB of fp32 weights: more than any cache, so every
call reads its weights from memory) applied in turn to inputs of 1, 2, 3, 4, 8 and 16 rows, with plain `F.linear` and
inside `skinny_linear`; next to it a plain sum over 540 MB (what the memory delivers). Milliseconds per pass over the
90 layers and GB/s of weights read; medians of `--repeats`, the two forms alternating. Run it on a quiet machine.
"""
import argparse, json, time
from pathlib import Path
import torch, torch.nn as nn
from a3_nb.backbone import skinny_linear
from a3_nb.bench import machine_info
from a3_nb.train import tune_malloc

def ms(f, repeats):
    f(); ts = []
    for _ in range(repeats):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return sorted(ts)[len(ts) // 2] * 1e3

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--repeats", type=int, default=7); p.add_argument("--threads", type=int, default=2); p.add_argument("--out", default=None)
a = p.parse_args()
torch.set_num_threads(a.threads); torch.set_grad_enabled(False); tune_malloc(); torch.manual_seed(0)
layers = nn.Sequential(*[nn.Linear(576, 1536, bias=False) for _ in range(90)])
mb = sum(l.weight.numel() for l in layers) * 4 / 1e6
big = torch.randn(135_000_000)
sum_ms = ms(lambda: big.sum(), a.repeats); del big
rows = {}
fast = skinny_linear(layers)
for n in (1, 2, 3, 4, 8, 16):
    x = torch.randn(1, n, 576)
    plain = lambda: [l(x) for l in layers]
    def skinny():
        with fast: return [l(x) for l in layers]
    r = {"F_linear_ms": ms(plain, a.repeats), "skinny_ms": ms(skinny, a.repeats)}
    r.update(F_linear_GBps=mb / r["F_linear_ms"], skinny_GBps=mb / r["skinny_ms"])
    rows[n] = r
    print(f"{n:2d} rows: F.linear {r['F_linear_ms']:6.1f} ms ({r['F_linear_GBps']:4.1f} GB/s), "
          f"skinny_linear {r['skinny_ms']:6.1f} ms ({r['skinny_GBps']:4.1f} GB/s)", flush=True)
print(f"sum over 540 MB: {sum_ms:.1f} ms ({540 / sum_ms:.1f} GB/s)")
res = dict(command="python tools/linear_rows_probe.py" + (f" --out {a.out}" if a.out else ""), machine=machine_info("cpu"),
           setting=f"90 x nn.Linear(576, 1536), {mb:.0f} MB fp32 weights, {a.threads} threads, median of {a.repeats}",
           sum_540MB_ms=sum_ms, sum_GBps=540 / sum_ms, rows=rows)
if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
