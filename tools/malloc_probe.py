"""The A3 and AR training steps with glibc's default allocator settings and with `a3_nb.train.tune_malloc`.

    python tools/malloc_probe.py --rounds 2 --steps 3 --out figures/malloc_probe.json

`mallopt` settings last for the life of a process, so each setting runs in its own fresh process, alternating
default / tuned `--rounds` times; inside one, `--steps` interleaved AR and A3 steps (SmolLM2-135M, 4x256, fp32,
content keys, after one warm-up step each). Reported: medians per process and per setting. Run it on a quiet machine.
"""
import argparse, json, statistics, subprocess, sys, time
from pathlib import Path

def one(mode:str, model:str, B:int, L:int, steps:int, threads:int) -> dict:
    "Run in a fresh process: per-step seconds of interleaved AR and A3 steps."
    import torch
    from a3_nb.train import tune_malloc
    if mode == "tuned": assert tune_malloc(), "tune_malloc needs glibc"
    from a3_nb.bench import build_base, wrap, train_batch, ar_step, a3_step
    torch.set_num_threads(threads)
    base = build_base(model); m = wrap(base, attn="a3_sdpa")
    x, g = train_batch(base.config.vocab_size, B, L)
    ar_step(base, x); a3_step(m, x, g, "a3_sdpa")
    ar, a3 = [], []
    for _ in range(steps):
        t = time.perf_counter(); ar_step(base, x); ar.append(time.perf_counter() - t)
        t = time.perf_counter(); a3_step(m, x, g, "a3_sdpa"); a3.append(time.perf_counter() - t)
    return dict(mode=mode, ar_s=ar, a3_s=a3, ratio_median=statistics.median(b / a for a, b in zip(ar, a3)))

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="smollm2-135m"); ap.add_argument("--B", type=int, default=4); ap.add_argument("--L", type=int, default=256)
    ap.add_argument("--rounds", type=int, default=2); ap.add_argument("--steps", type=int, default=3); ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=None); ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child: print(json.dumps(one(a.child, a.model, a.B, a.L, a.steps, a.threads))); return
    from a3_nb.bench import machine_info
    runs = []
    for r in range(a.rounds):
        for mode in ("default", "tuned"):
            cmd = [sys.executable, __file__, "--child", mode] + [f"--{k}={getattr(a, k)}" for k in ("model", "B", "L", "steps", "threads")]
            runs.append(json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]))
            print(mode, {k: round(statistics.median(runs[-1][k]), 2) for k in ("ar_s", "a3_s")}, "ratio", round(runs[-1]["ratio_median"], 3), flush=True)
    summ = {mode: dict(ar_s_median=statistics.median(t for r in runs if r["mode"] == mode for t in r["ar_s"]),
                       a3_s_median=statistics.median(t for r in runs if r["mode"] == mode for t in r["a3_s"]),
                       ratio_per_process=[r["ratio_median"] for r in runs if r["mode"] == mode]) for mode in ("default", "tuned")}
    res = dict(command="python tools/malloc_probe.py " + " ".join(sys.argv[1:]), machine=machine_info("cpu"),
               setting=f"{a.model}, {a.B}x{a.L}, fp32, content keys, {a.threads} threads", runs=runs, summary=summ)
    res["machine"].pop("malloc", None)  # this process tunes nothing; the children say which they ran
    print(json.dumps(summ, indent=1))
    if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")

if __name__ == "__main__":
    main()
