"""Where the cached sampler's time goes: A3 cached groupwise step vs the backbone's own cached decode step.

    python tools/cached_floor.py --models 12x384 smollm2-135m --out figures/cached_floor.json

For each model (fp32, batch 1, 32 prompt tokens, 256 blanks, s = 1): milliseconds per step of
  * A3 groupwise sampling with the exact content cache (`use_cache=True`; one content + one query token per step),
    as it runs (few-row linear layers through `a3_nb.backbone.skinny_linear`) and with `SKINNY_ROWS = 0` (plain `F.linear`),
    and, one change at a time, with the grouped key/value heads copied per query head as transformers' SDPA path does
    (`repeat_kv`) instead of `enable_gqa`, and with the model calls under `torch.no_grad()` instead of `inference_mode()`,
  * A3 groupwise sampling without it (`use_cache=False`; the whole row per step; timed over `--uncached-steps` steps,
    whose cost does not change from step to step, and scaled to 256),
  * a plain Hugging Face decode loop on the same backbone with a `DynamicCache`, feeding 1 and 2 tokens per step
    (the floor any cached decoder built on the stock model pays), and with a preallocated `StaticCache` (2 tokens);
    the 1- and 2-token loops again inside `skinny_linear` (the same floor with the same matrix products).
The decode loops run under `torch.inference_mode()`, as the samplers' model calls do, so the floor is the best the stock
backbone does. `--context` sets the prompt length (default 32) to see how the cache's bookkeeping scales.
Runs are interleaved, `--repeats` times; medians are reported. Run it on a quiet machine.
"""
import argparse, json, time
from pathlib import Path
import contextlib
from unittest import mock
import torch
import a3_nb.backbone as bb, a3_nb.sample as sm
from transformers import DynamicCache, StaticCache
from a3_nb.bench import build_base, wrap, machine_info, summarize
from a3_nb.sample import groupwise_sample
from a3_nb.groups import infill_groups
from a3_nb.train import tune_malloc

class _Stop(Exception): pass

def a3_step_ms(m, ids, gid, cached, steps):
    "ms per step of groupwise sampling, over the first `steps` steps (all of them when cached)."
    def cb(k, x, rows):
        if k >= steps: raise _Stop
    t = time.perf_counter()
    try: groupwise_sample(m, ids, gid, use_cache=cached, callback=None if cached else cb)
    except _Stop: pass
    return (time.perf_counter() - t) / (steps if not cached else gid.max().item()) * 1e3

def patched(obj, name, value, f):
    "`f()` with `obj.name` set to `value` (restored after)."
    with mock.patch.object(obj, name, value): return f()

stock_linear_ms = lambda f: patched(bb, "SKINNY_ROWS", 0, f)                 # every linear layer through `F.linear`
repeat_kv_ms = lambda f: patched(bb, "_grouped_heads", lambda *a: False, f)  # transformers' SDPA path (copies shared heads)
no_grad_ms = lambda f: patched(sm.torch, "inference_mode", torch.no_grad, f)  # the samplers' model calls under no_grad

def hf_step_ms(base, prompt, ntok, steps, static=False, skinny=False):
    "ms per step of a plain cached decode loop feeding `ntok` tokens per step (logits of the last one, as a decoder needs)."
    bm, P = base.base_model, prompt.shape[1]
    c = StaticCache(config=base.config, max_cache_len=P + steps * ntok) if static else DynamicCache(config=base.config)
    kw = lambda a, b: dict(cache_position=torch.arange(a, b)) if static else {}
    bm(input_ids=prompt, past_key_values=c, use_cache=True, **kw(0, P))
    ids = torch.randint(3, 200, (steps, 1, ntok), generator=torch.Generator().manual_seed(0))
    t = time.perf_counter()
    with bb.skinny_linear(base) if skinny else contextlib.nullcontext(), torch.inference_mode():
        for i in range(steps):
            o = bm(input_ids=ids[i], past_key_values=c, use_cache=True, **kw(P + i * ntok, P + (i + 1) * ntok))
            base.lm_head(o.last_hidden_state[:, -1:])
    return (time.perf_counter() - t) / steps * 1e3

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("--models", nargs="+", default=["12x384", "smollm2-135m"]); p.add_argument("--repeats", type=int, default=3)
p.add_argument("--uncached-steps", type=int, default=16); p.add_argument("--threads", type=int, default=2)
p.add_argument("--context", type=int, default=32); p.add_argument("--out", default=None)
a = p.parse_args()
torch.set_num_threads(a.threads); torch.set_grad_enabled(False); tune_malloc()  # as the trainer and `a3 bench` run
P, N = a.context, 256
res = dict(command="python tools/cached_floor.py --models " + " ".join(a.models) + f" --repeats {a.repeats} --uncached-steps "
           f"{a.uncached_steps} --threads {a.threads}" + (f" --context {a.context}" if a.context != 32 else "") + (f" --out {a.out}" if a.out else ""), machine=machine_info("cpu"),
           setting=f"fp32, batch 1, {P} prompt tokens, {N} blanks, s = 1, {a.threads} threads", models={})
for name in a.models:
    base = build_base(name).eval(); m = wrap(base).eval()
    prompt = torch.randint(3, base.config.vocab_size, (1, P), generator=torch.Generator().manual_seed(1)); prompt[:, 0] = 0
    ids = torch.cat([prompt, torch.zeros(1, N, dtype=torch.long)], 1)
    gid = infill_groups(torch.arange(P + N)[None] < P, group_size=1)
    arms = {"a3_cached": lambda: a3_step_ms(m, ids, gid, True, N),
            "a3_cached_F_linear": lambda: stock_linear_ms(lambda: a3_step_ms(m, ids, gid, True, N)),
            "a3_cached_repeat_kv": lambda: repeat_kv_ms(lambda: a3_step_ms(m, ids, gid, True, N)),
            "a3_cached_no_grad": lambda: no_grad_ms(lambda: a3_step_ms(m, ids, gid, True, N)),
            "a3_uncached": lambda: a3_step_ms(m, ids, gid, False, a.uncached_steps),
            "hf_dynamic_1tok": lambda: hf_step_ms(base, prompt, 1, N),
            "hf_dynamic_2tok": lambda: hf_step_ms(base, prompt, 2, N),
            "hf_static_2tok": lambda: hf_step_ms(base, prompt, 2, N, static=True),
            "hf_dynamic_1tok_skinny": lambda: hf_step_ms(base, prompt, 1, N, skinny=True),
            "hf_dynamic_2tok_skinny": lambda: hf_step_ms(base, prompt, 2, N, skinny=True)}
    for f in arms.values(): f()   # warm-up
    runs = {k: [] for k in arms}
    for r in range(a.repeats):
        for k, f in arms.items(): runs[k].append(f())
    med = {k: summarize(v)["median"] for k, v in runs.items()}
    row = dict(ms_per_step_median=med, ms_per_step_runs=runs,
               cached_speedup=med["a3_uncached"] / med["a3_cached"],
               cached_speedup_F_linear=med["a3_uncached"] / med["a3_cached_F_linear"],
               enable_gqa_over_repeat_kv=med["a3_cached"] / med["a3_cached_repeat_kv"],
               inference_mode_over_no_grad=med["a3_cached"] / med["a3_cached_no_grad"],
               speedup_bound_1tok=med["a3_uncached"] / med["hf_dynamic_1tok"],
               speedup_bound_1tok_skinny=med["a3_uncached"] / med["hf_dynamic_1tok_skinny"],
               cached_over_hf_2tok=med["a3_cached_F_linear"] / med["hf_dynamic_2tok"],
               cached_over_hf_2tok_skinny=med["a3_cached"] / med["hf_dynamic_2tok_skinny"])
    res["models"][name] = row
    print(name, json.dumps({k: round(v, 2) for k, v in med.items()}), f"speed-up {row['cached_speedup']:.2f}x, "
          f"(F.linear {row['cached_speedup_F_linear']:.2f}x), bound (1-token HF step) {row['speedup_bound_1tok']:.2f}x "
          f"(skinny {row['speedup_bound_1tok_skinny']:.2f}x), A3 cached / HF 2-token {row['cached_over_hf_2tok']:.2f} "
          f"(both skinny {row['cached_over_hf_2tok_skinny']:.2f})", flush=True)
if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
