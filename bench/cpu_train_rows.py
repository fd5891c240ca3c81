"""Full-size CPU training rows of `a3 bench` without the rest of the full suite: A3 vs AR step time and peak memory
for the 4-layer 256-wide and 12-layer 384-wide random Llamas at B×L = 8×256 (fp32; the 12×384 model in bf16 weights
too), each A3 arm both with the content-keys attention (the default) and with the dense two-stream mask.
Usage: python bench/cpu_train_rows.py OUTDIR [THREADS]   (run it on a quiet machine; default: all cores)"""
import sys, torch
if len(sys.argv) > 2: torch.set_num_threads(int(sys.argv[2]))
from a3_nb.bench import bench_config, run_bench, table_markdown
out = sys.argv[1] if len(sys.argv) > 1 else "bench_out"
cfg = bench_config("cpu", quick=False)
cfg["train"] = [("small", 8, 256, "float32"), ("12x384", 8, 256, "float32"), ("12x384", 8, 256, "bfloat16")]
cfg["mem_repeats"] = 1
res = run_bench("cpu", False, out, sections=("train",), cfg=cfg,
                argv=[f"(python bench/cpu_train_rows.py: small + 12x384 train rows, {torch.get_num_threads()} threads)"])
print(table_markdown(res))
