"""Full-size CPU training rows of `a3 bench` without the rest of the full suite (which needs ~1 h on a contended
2-core machine): A3 vs AR step time and peak memory for the 4-layer 256-wide and 12-layer 384-wide random Llamas
at B×L = 8×256, one torch thread, one memory repeat.  Usage: python bench/cpu_train_rows.py OUTDIR"""
import sys, torch
torch.set_num_threads(1)
from a3_nb.bench import bench_config, run_bench, table_markdown
out = sys.argv[1] if len(sys.argv) > 1 else "bench_out"
cfg = bench_config("cpu", quick=False)
cfg["train"] = [t for t in cfg["train"] if t[0] in ("small", "12x384")]
cfg["mem_repeats"] = 1
res = run_bench("cpu", False, out, sections=("train",), cfg=cfg, argv=["(python bench/cpu_train_rows.py: small + 12x384 train rows, --threads 1)"])
print(table_markdown(res))
