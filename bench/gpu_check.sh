#!/usr/bin/env bash
# One-command GPU check for a3_nb (issue 9). From the repository root, on a machine with an NVIDIA GPU:
#     bash bench/gpu_check.sh OUTDIR
# Needs only what the GPU image has (python3 with torch, transformers, triton, accelerate, matplotlib);
# no network, no nbdev/fastcore/gguf/datasets (bench/shims stands in for fastcore.test and nbdev.showdoc).
# Sections (each with its own timeout; a failure in one still lets the others write their files):
#   0 env     (60 s max, ~10 s)  nvidia-smi, versions, which a3_nb modules import here
#   1 cells   (110 s) the `#| cuda` cells of nbs/*.ipynb, with their notebooks' export/import cells (bench/run_cuda_cells.py) -> OUTDIR/cuda_cells.json
#   2 bench   (<= 300 s, what is left of 345 s) a3 bench --device cuda --quick                                   -> OUTDIR/bench_cuda_quick.json,
#                     bench_cuda_quick_ratios.png, bench_cuda_quick_memory.png, bench_table.md
# Everything printed also goes to OUTDIR/log.txt. Without a GPU it runs the CPU fallback (cells: --dry; bench:
# --device cpu --quick with a short budget) so the script itself can be tested anywhere.
# Total: <= ~6 min on an H100/H200 (plus the machine's start). At most 6 files land in OUTDIR.
set -u -o pipefail
OUT=${1:?usage: bash bench/gpu_check.sh OUTDIR}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
cd "$(dirname "$0")/.."
exec > >(tee -a "$OUT/log.txt") 2>&1
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 MPLBACKEND=Agg TOKENIZERS_PARALLELISM=false \
       HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_TELEMETRY=1
PY=${PYTHON:-python3}
T0=$(date +%s)
if [ -n "${A3_GPU_CHECK_DEVICE:-}" ]; then DEVICE=$A3_GPU_CHECK_DEVICE
elif $PY -c "import torch,sys; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null; then DEVICE=cuda; else DEVICE=cpu; fi
echo "=== a3_nb gpu_check: $(date -u +%FT%TZ) repo=$PWD out=$OUT device=$DEVICE commit=$(git rev-parse --short HEAD 2>/dev/null || echo ?)"

section() {  # section NAME LIMIT_S CMD...: run with a timeout, log its exit code, never abort the script
  local name=$1 limit=$2; shift 2
  local s0=$(date +%s)
  echo; echo "=== [$name] start $(date -u +%T) (limit ${limit}s): $*"
  set -x; timeout --kill-after=15 "$limit" "$@"; local rc=$?; { set +x; } 2>/dev/null
  echo "=== [$name] exit $rc after $(( $(date +%s) - s0 ))s$([ $rc = 124 ] && echo ' (TIMED OUT)')"
  SUMMARY="$SUMMARY$name: exit $rc, $(( $(date +%s) - s0 ))s"$'\n'
}
SUMMARY=""

section env 60 bash -c '
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm,clocks.max.mem --format=csv 2>&1 || echo "no nvidia-smi"
  '"$PY"' - <<PYEOF
import importlib, platform, sys
print("python", platform.python_version(), sys.executable)
for m in ("torch", "transformers", "triton", "accelerate", "matplotlib", "tokenizers", "fastcore", "nbdev", "gguf", "datasets"):
    try: print(f"  {m:13s}", getattr(importlib.import_module(m), "__version__", "?"))
    except Exception as e: print(f"  {m:13s} MISSING ({type(e).__name__})")
import torch
if torch.cuda.is_available(): print("  gpu", torch.cuda.get_device_name(), torch.cuda.get_device_capability())
for m in ("a3_nb.groups", "a3_nb.masks", "a3_nb.hub", "a3_nb.model", "a3_nb.sample", "a3_nb.bench", "a3_nb.cli",
          "a3_nb.data", "a3_nb.train", "a3_nb.eval", "a3_nb.viz"):
    try: importlib.import_module(m); print(f"  import {m:14s} ok")
    except Exception as e: print(f"  import {m:14s} FAILED: {type(e).__name__}: {e}")
PYEOF'

# What `a3 bench --device DEV --quick --out OUT --budget S` runs, without the CLI: a3_nb.cli builds its parsers
# with fastcore, which the GPU image lacks. The results record that command line.
BENCH='import sys; from a3_nb.bench import run_bench, table_markdown
dev, out, budget = sys.argv[1:4]
res = run_bench(dev, True, out, budget=float(budget), argv=["--device", dev, "--quick", "--out", out, "--budget", budget])
print(table_markdown(res))'

if [ "$DEVICE" = cuda ]; then
  TOTAL=${A3_GPU_CHECK_TOTAL:-345}   # seconds for the whole script; a shorter lease can pass less
  CELLS=$(( TOTAL / 3 )); [ $CELLS -gt 110 ] && CELLS=110
  section cells $CELLS $PY bench/run_cuda_cells.py --timeout $(( CELLS - 10 )) --out "$OUT/cuda_cells.json"
  LEFT=$(( TOTAL - ($(date +%s) - T0) )); [ $LEFT -gt 300 ] && LEFT=300; [ $LEFT -lt 60 ] && LEFT=60
  section bench $LEFT $PY -c "$BENCH" cuda "$OUT" $(( LEFT - 25 ))
else
  section cells 60 $PY bench/run_cuda_cells.py --dry --out "$OUT/cuda_cells.json"
  section bench ${A3_GPU_CHECK_CPU_LIMIT:-300} $PY -c "$BENCH" cpu "$OUT" ${A3_GPU_CHECK_CPU_BUDGET:-240}
fi

echo; echo "=== summary ($(( $(date +%s) - T0 ))s total, device $DEVICE)"; printf "%s" "$SUMMARY"
[ -f "$OUT/bench_table.md" ] && cat "$OUT/bench_table.md"
ls -la "$OUT"
sleep 2  # let tee flush log.txt
exit 0
