"""Where the A3 training step's extra time goes: a per-operator profile of one AR step and one A3 step (content-keys
attention, the default) on the same backbone and batch, grouped into matrix multiplies, attention, the LM-head loss
and the rest, in ms and as shares of the AR step.

    python tools/step_profile.py --model smollm2-135m --B 4 --L 256 --out figures/step_profile.json

Each arm: one warm-up step, then the operator self-times of `--repeats` profiled steps (medians per group). The
ratio A3 / AR per group says which work grows by how much; the matmul row is the floor the step cannot go below
without doing less matrix work (both streams run every projection and MLP; only the query stream needs the LM head)."""
import argparse, json, statistics, time
from pathlib import Path
import torch
from torch.profiler import profile, ProfilerActivity
from a3_nb.bench import build_base, wrap, train_batch, ar_step, a3_step, machine_info
from a3_nb.train import tune_malloc

GROUPS = {"loss (LM head softmax / NLL)": ("log_softmax", "nll_loss", "cross_entropy"),  # first: log_softmax also contains "_softmax"
          "matmul": ("mm", "addmm", "bmm", "matmul", "linear"),
          "attention": ("scaled_dot_product", "flash_attention", "_efficient_attention", "softmax_backward", "_softmax")}

def group_of(op:str) -> str:
    op = op.replace("aten::", "")
    for g, keys in GROUPS.items():
        if any(k in op for k in keys): return g
    return "other (elementwise, norms, copies, embedding)"

def profile_ms(fn, repeats:int) -> dict:
    "Median over `repeats` profiled calls of the self CPU ms per operator group."
    fn()  # warm-up
    runs = []
    for _ in range(repeats):
        with profile(activities=[ProfilerActivity.CPU]) as p: fn()
        per = {}
        for e in p.key_averages(): g = group_of(e.key); per[g] = per.get(g, 0) + e.self_cpu_time_total / 1e3
        runs.append(per)
    keys = sorted({k for r in runs for k in r})
    return {k: statistics.median(r.get(k, 0.0) for r in runs) for k in keys}

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="smollm2-135m"); ap.add_argument("--B", type=int, default=4); ap.add_argument("--L", type=int, default=256)
    ap.add_argument("--dtypes", nargs="+", default=["float32", "bfloat16"]); ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--out", default="figures/step_profile.json")
    ap.add_argument("--default-malloc", action="store_true", help="keep glibc's allocator defaults (the trainer tunes them on CPU)")
    a = ap.parse_args()
    if not a.default_malloc: tune_malloc()
    out = dict(model=a.model, B=a.B, L=a.L, machine=machine_info("cpu"), repeats=a.repeats,
               command=f"python tools/step_profile.py --model {a.model} --B {a.B} --L {a.L} --out {a.out}" + (" --default-malloc" if a.default_malloc else ""), dtypes={})
    for dt in a.dtypes:
        base = build_base(a.model, dtype=getattr(torch, dt)); m = wrap(base, attn="a3_sdpa")
        x, g = train_batch(base.config.vocab_size, a.B, a.L)
        ar = profile_ms(lambda: ar_step(base, x), a.repeats)
        a3 = profile_ms(lambda: a3_step(m, x, g, "a3_sdpa"), a.repeats)  # ar_step switched the shared backbone to plain sdpa
        tot = sum(ar.values())
        rows = {k: dict(ar_ms=ar.get(k, 0.0), a3_ms=a3.get(k, 0.0), a3_share_of_ar_step=a3.get(k, 0.0) / tot,
                        ratio=a3.get(k, 0.0) / ar[k] if ar.get(k) else None) for k in sorted(set(ar) | set(a3))}
        out["dtypes"][dt] = dict(rows=rows, ar_ms=tot, a3_ms=sum(a3.values()), ratio=sum(a3.values()) / tot)
        print(f"\n{a.model} {a.B}x{a.L} {dt}: A3 / AR = {sum(a3.values()) / tot:.2f}x (profiled self time)")
        for k, r in rows.items():
            print(f"  {k:45s} AR {r['ar_ms']:8.1f} ms  A3 {r['a3_ms']:8.1f} ms  ({r['ratio'] or 0:.2f}x; {r['a3_share_of_ar_step']:.2f} AR steps)")
        del base, m
    Path(a.out).write_text(json.dumps(out, indent=1) + "\n")

if __name__ == "__main__":
    main()
