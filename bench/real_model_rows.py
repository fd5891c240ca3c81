"""`a3 bench` rows on the real embedded SmolLM2-135M (the full suite uses random-init models of several sizes):

  * training step, A3 vs the same backbone's AR step, B×L = 4×256, fp32 and bf16 weights: time (median of 5
    interleaved rounds) and peak memory (a fresh process per arm) — `a3_nb.bench.bench_train`;
  * greedy sampling at batch 1 with the shipped A3 model (its LoRA merged, so both arms run the same dense weights):
    A3 cached groupwise s = 1 and s = 4 vs HF `generate` on its own backbone, 32 prompt tokens of a test play, 256 new
    tokens, tokens/s (median of 5 interleaved rounds) — `a3_nb.bench.time_pair`. The A3 sampler runs its few-row
    linear layers through `a3_nb.backbone.skinny_linear` (the faster of two equal matrix products on this CPU); one more
    row (no target) compares s = 1 with `generate` run inside the same `skinny_linear`, so the two gains stay apart.

Usage: python bench/real_model_rows.py OUTDIR [--sample-only]   (--sample-only: the sampling rows alone, ~4 minutes; writes OUTDIR/bench_cpu.json and OUTDIR/bench_table.md; run it on a
quiet machine: the table marks rows whose interleaved ratios spread too far as UNRELIABLE)."""
import json, sys, torch
from pathlib import Path
from a3_nb.bench import bench_config, run_bench, table_markdown, time_pair, make_row, format_table, _speedup
from a3_nb.text import load_a3
from a3_nb.sample import groupwise_sample
from a3_nb.groups import infill_groups
from a3_nb.eval import shakespeare_passages
from a3_nb.backbone import skinny_linear
args = [a for a in sys.argv[1:] if not a.startswith("--")]
out, sample_only = args[0] if args else "bench_real", "--sample-only" in sys.argv
cfg = bench_config("cpu", quick=False)
cfg["train"] = [("smollm2-135m", 4, 256, "float32"), ("smollm2-135m", 4, 256, "bfloat16")]
res = run_bench("cpu", False, None, sections=() if sample_only else ("train",), cfg=cfg,
                argv=[f"(python bench/real_model_rows.py{' --sample-only' if sample_only else ''}: SmolLM2-135M "
                      f"{'sampling' if sample_only else 'train and sampling'} rows)"])

torch.set_grad_enabled(False)
model, tok, _ = load_a3("models/a3-smollm2-135m-shakespeare")
model = model.merge_lora().eval(); base = model.backbone
text = "\n".join(shakespeare_passages(1, split="test", seed=0)[0]["lines"])
P, N = 32, 256
prompt = torch.tensor([[model.anchor_token_id] + tok(text, add_special_tokens=False)["input_ids"][:P - 1]])
ids = torch.cat([prompt, torch.zeros(1, N, dtype=torch.long)], 1)
known = torch.arange(P + N)[None] < P
gen = lambda: base.generate(input_ids=prompt, attention_mask=torch.ones_like(prompt), do_sample=False, max_new_tokens=N,
                            min_new_tokens=N, pad_token_id=tok.pad_token_id, eos_token_id=None)
def gen_skinny():
    with skinny_linear(base): return gen()
for s, target, baseline in ((1, ">= 0.85", gen), (4, ">= 3", gen), (1, None, gen_skinny)):
    gid = infill_groups(known, group_size=s)
    r = time_pair(baseline, lambda: groupwise_sample(model, ids, gid, use_cache=True), n=5, warmup=1)
    tps = lambda t: {"median": N / t["median"], "min": N / t["max"], "max": N / t["min"], "n": t["n"]}
    sp = _speedup(r, r["ratio"]["n"])   # tokens/s ratio = 1 / time ratio
    vs = "HF generate (KV cache)" + (" inside skinny_linear" if baseline is gen_skinny else "")
    res["rows"].append(make_row("sample", f"shipped A3 (merged) groupwise cached s={s} vs {vs}, batch 1", vs,
                                sp, target, tps(r["base"]), tps(r["value"]), "tok/s",
                                note=f"smollm2-135m + shipped adapter merged, fp32, {N} new tokens after {P}; ratio = tokens/s ratio"))
res["table"] = format_table(res["rows"])
o = Path(out); o.mkdir(parents=True, exist_ok=True)
(o/"bench_cpu.json").write_text(json.dumps(res, indent=1, default=str)); (o/"bench_table.md").write_text(table_markdown(res))
print(table_markdown(res))
