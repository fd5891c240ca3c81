"""bf16 autocast vs fp32 training on this CPU: tokens/s and loss on the same batches (same config, same seed).

    python tools/precision_probe.py                 # runs both arms (~3 min on 2 cores), writes figures/precision_probe.json
    python tools/precision_probe.py --from-logs A B # only summarise two logs made by the commands below

Each arm is `a3 train --config configs/smollm2-135m-shakespeare-span.yaml --output-dir DIR stages.0.tokens=6144
eval_every=1000 save_every=1000` (12 steps of 4 x 128 span rows from the stage-4 adapter), with `mixed_precision=bf16`
for one arm. Step 1 (warm-up) is left out of the speed.
"""
import argparse, json, os, platform, statistics, subprocess, sys
from pathlib import Path

CMD = ["a3", "train", "--config", "configs/smollm2-135m-shakespeare-span.yaml", "stages.0.tokens=6144", "eval_every=1000", "save_every=1000"]
p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--from-logs", nargs=2, metavar=("BF16_LOG", "FP32_LOG")); p.add_argument("--out", default="figures/precision_probe.json")
a = p.parse_args()
if a.from_logs: logs = dict(zip(("bf16", "fp32"), map(Path, a.from_logs)))
else:
    logs = {}
    for arm, extra in (("bf16", ["mixed_precision=bf16"]), ("fp32", ["mixed_precision=no"])):
        d = Path(f"runs/precision_probe_{arm}"); subprocess.run(CMD + ["--output-dir", str(d)] + extra, check=True); logs[arm] = d/"log.jsonl"
from a3_nb.train import read_log  # the project's one log reader
rec = {k: [r for r in read_log(v) if r["kind"] == "train"] for k, v in logs.items()}
speed = {k: statistics.median(r["tokens_per_s"] for r in v[1:]) for k, v in rec.items()}
diffs = [abs(x["loss"] - y["loss"]) for x, y in zip(rec["bf16"], rec["fp32"])]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
flags = next((l for l in open("/proc/cpuinfo") if l.startswith("flags")), "")
res = dict(command=" ".join(CMD) + " --output-dir DIR [mixed_precision=bf16]", steps=len(diffs),
           tokens_per_s_median=speed, speedup=speed["bf16"] / speed["fp32"], max_abs_loss_diff=max(diffs),
           mean_abs_loss_diff=statistics.mean(diffs), losses={k: [r["loss"] for r in v] for k, v in rec.items()},
           machine=f"{cpu}, {os.cpu_count()} cores, " + ("AMX-BF16" if "amx_bf16" in flags else "AVX512-BF16" if "avx512_bf16" in flags else "no bf16 units"),
           model="models/a3-smollm2-135m-shakespeare (stage-4 adapter, LoRA r32) on the embedded SmolLM2-135M")
Path(a.out).write_text(json.dumps(res, indent=1) + "\n"); print(json.dumps({k: v for k, v in res.items() if k != "losses"}, indent=1))
