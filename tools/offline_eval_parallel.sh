#!/bin/bash
# The offline benchmark of the shipped model, in two parallel one-thread processes, then merged.
cd "$(dirname "$0")/.."  # run from a clone, with the venv active
mkdir -p runs; M=${M:-models/a3-smollm2-135m-shakespeare}; OUT=${OUT:-figures/offline_eval}  # override: M=folder OUT=prefix bash ...
COMMON="--model $M --n 100 --gen-n 20 --gen-tokens 24 --n-uncond 8 --threads 1 --quiet --reuse-base figures/offline_eval_stages1-3.json"
a3 eval $COMMON --methods "base, prefix only (AR)" "A3 groupwise s=1" "A3 groupwise s=4" "A3 causal ctx, s=1" "A3 causal ctx, s=4" \
  --gen-methods "base AR" "A3 groupwise s=1" "A3 causal ctx, s=1" "A3 causal ctx, s=4" --out runs/eval_p1.json > runs/eval_p1.log 2>&1 &
a3 eval $COMMON --skip-nll --methods "A3, prefix only" "A3 dynamic (entropy, adaptive)" "A3 causal ctx, dynamic (entropy, adaptive)" \
  --gen-methods "A3 groupwise s=2" "A3 groupwise s=4" "A3 groupwise s=8" --out runs/eval_p2.json > runs/eval_p2.log 2>&1 &
wait
a3 eval --merge runs/eval_p1.json runs/eval_p2.json --out $OUT.json --figure $OUT.png > runs/eval_merge.log 2>&1
echo done
