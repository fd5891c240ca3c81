"""The paper's claims at laptop scale, with seeds: runs the experiments and records them in figures/claims.json.

    python tools/claims.py curriculum --tokens 8192 --seeds 0 1 2     # claim 1 (training arms; ~3 CPU minutes each)
    python tools/claims.py infill --n 30 --seeds 0 1 2                # claims 2 and 3 (the shipped model)
    python tools/claims.py groupsize --seeds 0 1 2                    # claim 4 (the shipped model)
    python tools/claims.py verdicts                                   # intervals and verdicts -> figures/claims.json

Each experiment writes runs/claims_<name>.json as it goes (a killed run keeps what it measured; rerun to resume) and
`verdicts` turns them into one entry per claim: arms, seeds, metric, per-seed values, means, 95% intervals, verdict
and the command. The per-passage / per-seed files of the last claim 2-4 runs (stage-7 model) are kept in figures/claims_raw/
(copy them to runs/ to recompute the verdicts; those of the stage-6 model in figures/claims_raw/stage6/; claim 1 and 5
runs were not kept). Parallel processes: `infill --part a` and `infill --part b --no-greedy` write separate files that
`verdicts` merges by key. Data: the embedded Shakespeare corpus; held-out rows and passages from the validation plays
(training arms) or the test plays (shipped model), never trained on. Model: the embedded SmolLM2-135M (training arms)
or models/a3-smollm2-135m-shakespeare (shipped model).
"""
import argparse, json, math, os, platform, random, statistics, time
from pathlib import Path
import torch

RUNS, OUT = Path("runs"), Path("figures/claims.json")
MACHINE = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
SHIPPED = "models/a3-smollm2-135m-shakespeare (stage 7, 2.78M tokens, commit 05b1544)"
GROUPINGS = (("ar", None), ("contiguous", 4), ("permuted", 4), ("permuted", 8))

def _load(name): p = RUNS/f"claims_{name}.json"; return json.loads(p.read_text()) if p.exists() else {}
def _load_parts(name):
    "Merge runs/claims_<name>.json with the parts (claims_<name>_<part>.json) that parallel processes wrote."
    d = _load(name)
    for p in sorted(RUNS.glob(f"claims_{name}_*.json")):
        for k, v in json.loads(p.read_text()).items():
            if isinstance(v, dict) and isinstance(d.get(k), dict): d[k] = {**d[k], **v}
            elif k == "command" and k in d and v not in d[k]: d[k] += f" & {v}"
            else: d.setdefault(k, v)
    return d
def _save(name, d): RUNS.mkdir(exist_ok=True); (RUNS/f"claims_{name}.json").write_text(json.dumps(d, indent=1) + "\n")

# ---------------------------------------------------------------- claim 1: the curriculum
ARMS = {"full curriculum": None, "skip stages 1-2": [0, 1], "stage 1 only": "ar", "adaptive transitions": "adaptive"}
# claim 5: the full curriculum's stages, each phase left once its smoothed loss stops improving; the steps it did not use
# go to the last phase (carry_over), so the total budget equals the fixed schedule's. Short patience: phases are short here.
ADAPTIVE = dict(enabled=True, patience=2, threshold=0.01, min_steps=2, smoothing=0.5, carry_over=True)

def curriculum(a):
    import yaml
    from a3_nb.train import load_config, build_rows, train, evaluate
    from a3_nb.hub import load_base
    from a3_nb.train import resolve_precision
    prec = resolve_precision(a.precision, cpu=True)
    d = _load("curriculum"); d.setdefault("runs", {})
    if d.get("tokens") not in (None, a.tokens): raise SystemExit(f"runs/claims_curriculum.json holds {d['tokens']}-token arms; move it away first")
    d.update(tokens=a.tokens, rows=a.rows, machine=MACHINE, precision=prec,
             model=f"smollm2-135m (embedded), LoRA r32, lr 1e-3, {'bf16 autocast' if prec == 'bf16' else 'fp32'}, w = 0",
             command=f"python tools/claims.py curriculum --tokens {a.tokens} --rows {a.rows} --seeds {' '.join(map(str, a.seeds))} --precision {a.precision} --arms " + " ".join(f"'{x}'" for x in a.arms))
    _, tok = load_base("smollm2-135m")
    ecfg = load_config("configs/smollm2-135m-shakespeare.yaml", [f"data.eval_rows={a.rows}", "data.max_tokens=4096"])
    _, rows = build_rows(ecfg, tok)
    u = a.tokens // 16
    for seed in a.seeds:
        for arm in a.arms:
            how, key = ARMS[arm], f"{arm} | seed {seed}"
            if key in d["runs"]: continue
            cfg = yaml.safe_load(Path("configs/smollm2-135m-shakespeare.yaml").read_text())
            cfg["stages"] = [dict(strategy="ar", tokens=u, name="1: AR"),
                             dict(strategy="contiguous", group_sizes=[2, 4], tokens=2 * u, name="2: contiguous 2→4"),
                             dict(strategy="permuted", group_sizes=[4, 8], tokens=a.tokens - 3 * u, name="3: permuted 4→8")]
            if how == "ar": cfg["stages"] = [dict(strategy="ar", tokens=a.tokens, name="1: AR only")]
            elif how == "adaptive": cfg["adaptive"] = dict(ADAPTIVE)
            elif how: cfg["skip_stages"] = how
            run = RUNS/"claims_curriculum"/key.replace(" ", "").replace("|", "_")
            over = [f"mixed_precision='{prec}'", f"seed={seed}", f"output_dir={run}", "save_every=0", "save_stage_end=false",
                    "eval_every=0", "progress=false", "data.eval_rows=4", "warmup_steps=2", "keep_last=1"]
            torch.set_grad_enabled(True); t0 = time.time()
            tr = train(load_config(cfg, over)); wall = time.time() - t0
            torch.set_grad_enabled(False)
            m = tr.acc.unwrap_model(tr.model).eval()
            res = {f"{s}{'' if n is None else n}": evaluate(m, rows, s, n, batch_size=4, seed=1234 + seed) for s, n in GROUPINGS}
            from a3_nb.train import read_log
            phases = [(r["strategy"], r["group_size"], r["steps"], r.get("reason")) for r in read_log(run) if r["kind"] == "phase"]
            d["runs"][key] = dict(arm=arm, seed=seed, wall_seconds=wall, tokens=tr.state.tokens, phases=phases, **res)
            print(key, d["runs"][key], flush=True); _save("curriculum", d)
            import shutil; shutil.rmtree(run, ignore_errors=True)
            del tr, m

# ---------------------------------------------------------------- claims 2 and 3: infilling on the shipped model
INFILL = {  # label -> (model, infill_predict options); every A3 arm with the causal context layout
    "base, prefix only": ("base", dict(method="ar_prefix")),
    "A3, prefix only": ("a3", dict(method="a3_prefix", context="causal")),
    "A3 groupwise l2r": ("a3", dict(method="a3", sampler="groupwise", group_size=1, order="l2r", context="causal")),
    "A3 groupwise random": ("a3", dict(method="a3", sampler="groupwise", group_size=1, order="random", context="causal")),
    "A3 dynamic entropy": ("a3", dict(method="a3", sampler="dynamic", criterion="entropy", mode="adaptive", context="causal")),
    "A3 dynamic confidence": ("a3", dict(method="a3", sampler="dynamic", criterion="confidence", mode="adaptive", context="causal")),
    "A3 dynamic entropy faithful": ("a3", dict(method="a3", sampler="dynamic", criterion="entropy", mode="faithful", context="causal")),
}

def _models():
    from a3_nb.text import load_a3
    from a3_nb.hub import load_base
    a3, tok, _ = load_a3("models/a3-smollm2-135m-shakespeare")
    return dict(a3=a3, base=load_base("smollm2-135m")[0].eval()), tok

def infill(a):
    from a3_nb.eval import shakespeare_passages, infill_predict, middle_nll
    from rouge_score import rouge_scorer
    sc = rouge_scorer.RougeScorer(["rougeL"])
    name = f"infill_{a.part}" if a.part else "infill"
    d = _load(name); d.setdefault("rougeL", {}); d.setdefault("seconds", {})
    d.update(n=a.n, machine=MACHINE, model=f"{SHIPPED} vs smollm2-135m (base)", temperature=1.0,
             command=f"python tools/claims.py infill --n {a.n} --seeds {' '.join(map(str, a.seeds))}" + (" --no-greedy" if a.no_greedy else "") + (f" --part {a.part}" if a.part else ""))
    models, tok = _models()
    ps = shakespeare_passages(a.n, split="test", seed=3)
    if "nll" not in d and not a.no_greedy:
        rows = []
        for p in ps:
            both = middle_nll(models["a3"], models["base"], tok, p["prefix"], p["middle"], p["suffix"], context="causal")
            pre = middle_nll(models["a3"], None, tok, p["prefix"], p["middle"], "", context="causal")
            rows.append(dict(a3_prefix_suffix=both["a3"], base_prefix=both["base"], a3_prefix=pre["a3"]))
        d["nll"] = {k: [r[k] for r in rows] for k in rows[0]}; _save(name, d)
    for seed in ([] if a.no_greedy else ["greedy"]) + list(a.seeds):
        for label, (which, kw) in INFILL.items():
            key = f"{label} | {seed}"
            if key in d["rougeL"]: continue
            gen = torch.Generator().manual_seed(seed) if seed != "greedy" else None
            samp = {} if seed == "greedy" else dict(do_sample=True, temperature=1.0, generator=gen)
            t0 = time.time()
            if kw.get("order") == "random" and gen is None: gen = torch.Generator().manual_seed(0)
            k2 = dict(kw, **samp); k2.update(generator=gen) if gen is not None else None
            preds = infill_predict(models[which], tok, ps, sep="\n", progress=False, **k2)   # the base model: `ar_continue` with the same options
            d["seconds"][key] = (time.time() - t0) / len(ps)
            d["rougeL"][key] = [100 * sc.score(p["middle"], q)["rougeL"].fmeasure for p, q in zip(ps, preds)]
            print(key, round(statistics.mean(d["rougeL"][key]), 2), f"{d['seconds'][key]:.2f} s/passage", flush=True)
            _save(name, d)

# ---------------------------------------------------------------- claim 4: group size
def groupsize(a):
    from a3_nb.train import load_config, build_rows, evaluate
    from a3_nb.eval import shakespeare_passages, sample_continuations, judge_perplexity
    from a3_nb.text import encode_pieces
    d = _load("groupsize"); d.setdefault("nll", {}); d.setdefault("ppl", {}); d.setdefault("seconds", {}); d.setdefault("calls", {})
    d.update(rows=a.rows, n=a.n, tokens=a.gen_tokens, machine=MACHINE, model=f"{SHIPPED}; judge smollm2-135m (base)",
             command=f"python tools/claims.py groupsize --rows {a.rows} --n {a.n} --seeds {' '.join(map(str, a.seeds))}")
    models, tok = _models()
    ecfg = load_config("configs/smollm2-135m-shakespeare.yaml", [f"data.eval_rows={a.rows}", "data.max_tokens=4096"])
    _, rows = build_rows(ecfg, tok)
    ps = shakespeare_passages(a.n, split="test", seed=4)
    prompts = [[models["a3"].anchor_token_id] + encode_pieces(tok, ["\n".join(p["lines"][:2]) + "\n"])[0] for p in ps]
    calls = [0]
    h = models["a3"].backbone.base_model.register_forward_hook(lambda *x: calls.__setitem__(0, calls[0] + 1))
    for seed in a.seeds:
        for s in (1, 2, 4, 8):
            key = f"s={s} | seed {seed}"
            if key not in d["nll"]: d["nll"][key] = evaluate(models["a3"], rows, "contiguous", s, batch_size=4, seed=1234 + seed)
            if key not in d["ppl"]:
                calls[0] = 0; t0 = time.time()
                conts = sample_continuations(models["a3"], tok, prompts, a.gen_tokens, method="groupwise", group_size=s, seed=seed,
                                             progress=False, context="causal")
                d["seconds"][key] = (time.time() - t0) / len(prompts); d["calls"][key] = calls[0] / len(prompts)
                d["ppl"][key] = judge_perplexity(models["base"], prompts, conts)["ppl"]
            print(key, d["nll"][key], d["ppl"][key], d["seconds"][key], flush=True); _save("groupsize", d)
    h.remove()

# ---------------------------------------------------------------- verdicts
def t_interval(xs):
    "Mean and 95% t-interval across seeds."
    m = statistics.mean(xs)
    if len(xs) < 2: return m, m, m
    t = {2: 12.71, 3: 4.303, 4: 3.182, 5: 2.776}.get(len(xs), 2.262)
    h = t * statistics.stdev(xs) / math.sqrt(len(xs)); return m, m - h, m + h

def bootstrap(xs, n=2000, seed=0):
    "Mean and 95% bootstrap interval over items."
    r = random.Random(seed); m = statistics.mean(xs)
    bs = sorted(statistics.mean(r.choices(xs, k=len(xs))) for _ in range(n)); return m, bs[int(0.025 * n)], bs[int(0.975 * n) - 1]

def verdict(lo, hi, better_if="lower"):
    "For a difference (claimed-better arm minus the other): reproduced if the interval is on the claimed side of 0."
    if better_if == "lower": return "reproduced" if hi < 0 else "not reproduced" if lo > 0 else "inconclusive"
    return "reproduced" if lo > 0 else "not reproduced" if hi < 0 else "inconclusive"

def verdicts(a):
    out = json.loads(OUT.read_text()) if OUT.exists() else {}
    c = _load("curriculum")
    if c.get("runs"):
        seeds = sorted({r["seed"] for r in c["runs"].values()})
        ran = [arm for arm in ARMS if any(r["arm"] == arm for r in c["runs"].values())]
        per = {arm: {g: [c["runs"][f"{arm} | seed {s}"][g] for s in seeds if f"{arm} | seed {s}" in c["runs"]]
                     for g in ("ar", "contiguous4", "permuted4", "permuted8")} for arm in ran}
        arms = [arm for arm in ran if arm != "adaptive transitions"]  # claim 5's arm
        diffs = {}
        for other in ("skip stages 1-2", "stage 1 only"):
            dd = [c["runs"][f"full curriculum | seed {s}"]["permuted8"] - c["runs"][f"{other} | seed {s}"]["permuted8"]
                  for s in seeds if f"{other} | seed {s}" in c["runs"] and f"full curriculum | seed {s}" in c["runs"]]
            if dd: m, lo, hi = t_interval(dd); diffs[f"full curriculum - {other}"] = dict(values=dd, mean=m, interval=[lo, hi], verdict=verdict(lo, hi))
        out["1_curriculum"] = dict(claim="the curriculum beats skipping to stage 3 at equal tokens (paper, Table 3)",
            arms=arms, seeds=seeds, metric="held-out query-stream NLL (nats/token), validation plays; lower is better",
            per_seed={a: per[a] for a in arms}, mean={arm: {g: t_interval(v)[0] for g, v in per[arm].items() if v} for arm in arms},
            interval={arm: {g: list(t_interval(v)[1:]) for g, v in per[arm].items() if v} for arm in arms},
            differences_permuted8=diffs, verdict=diffs.get("full curriculum - skip stages 1-2", {}).get("verdict", "inconclusive"),
            interval_kind="95% t-interval across seeds (paired by seed for differences)",
            tokens_per_arm=c["tokens"], model=c["model"], machine=c["machine"], command=c["command"])
    if c.get("runs") and "adaptive transitions" in ran:
        dd = {g: [c["runs"][f"adaptive transitions | seed {s}"][g] - c["runs"][f"full curriculum | seed {s}"][g] for s in seeds
                  if f"adaptive transitions | seed {s}" in c["runs"] and f"full curriculum | seed {s}" in c["runs"]] for g in ("ar", "permuted8")}
        diffs = {g: dict(values=v, mean=t_interval(v)[0], interval=list(t_interval(v)[1:]), verdict=verdict(*t_interval(v)[1:])) for g, v in dd.items() if len(v) > 1}
        arms5 = ["adaptive transitions", "full curriculum"]
        out["5_adaptive_transitions"] = dict(claim="adaptive stage transitions may improve on the fixed schedule (paper: future work)",
            arms=arms5, seeds=seeds, metric="held-out query-stream NLL (nats/token), validation plays; lower is better",
            per_seed={a: per[a] for a in arms5}, mean={a: {g: t_interval(v)[0] for g, v in per[a].items() if v} for a in arms5},
            interval={a: {g: list(t_interval(v)[1:]) for g, v in per[a].items() if v} for a in arms5},
            differences_adaptive_minus_fixed=diffs, verdict=diffs.get("permuted8", {}).get("verdict", "inconclusive"),
            phases={f"seed {s}": c["runs"][f"adaptive transitions | seed {s}"].get("phases") for s in seeds if f"adaptive transitions | seed {s}" in c["runs"]},
            controller=ADAPTIVE, interval_kind="95% t-interval across seeds (paired by seed)",
            tokens_per_arm=c["tokens"], model=c["model"], machine=c["machine"], command=c["command"])
    i = _load_parts("infill")
    if i.get("rougeL"):
        seeds = sorted({k.split(" | ")[1] for k in i["rougeL"] if not k.endswith("greedy")})
        def arm_stats(label):
            vals = [i["rougeL"][f"{label} | {s}"] for s in seeds if f"{label} | {s}" in i["rougeL"]]
            per_seed = [statistics.mean(v) for v in vals]
            per_passage = [statistics.mean(col) for col in zip(*vals)] if vals else []
            g = i["rougeL"].get(f"{label} | greedy")
            return dict(per_seed=per_seed, mean=statistics.mean(per_passage) if per_passage else None,
                        interval=list(bootstrap(per_passage)[1:]) if per_passage else None,
                        greedy=statistics.mean(g) if g else None, seconds_per_passage=i["seconds"].get(f"{label} | {seeds[0]}") if seeds else None)
        arms = {label: arm_stats(label) for label in INFILL}
        def diff(x, y):
            vx = [statistics.mean(col) for col in zip(*[i["rougeL"][f"{x} | {s}"] for s in seeds])]
            vy = [statistics.mean(col) for col in zip(*[i["rougeL"][f"{y} | {s}"] for s in seeds])]
            m, lo, hi = bootstrap([p - q for p, q in zip(vx, vy)]); return dict(mean=m, interval=[lo, hi], verdict=verdict(lo, hi, "higher"))
        nll = {k: dict(zip(("mean", "lo", "hi"), bootstrap(v))) for k, v in i["nll"].items()}
        dn = bootstrap([p - q for p, q in zip(i["nll"]["a3_prefix_suffix"], i["nll"]["base_prefix"])])
        have = lambda *ls: all(f"{l} | {s}" in i["rougeL"] for l in ls for s in seeds)
        d2 = diff("A3 groupwise l2r", "base, prefix only") if have("A3 groupwise l2r", "base, prefix only") else None
        ratio = arms["A3 groupwise l2r"]["mean"] / arms["base, prefix only"]["mean"] if d2 else None
        out["2_infill_vs_ar"] = dict(claim="A3 infilling with prefix and suffix beats AR prefix-only (paper: ROCStories ROUGE-L 18.6 vs 10.5, 1.77x)",
            arms=["A3 groupwise l2r", "base, prefix only", "A3, prefix only"], seeds=seeds, metric="middle-line ROUGE-L (temperature-1 samples), test plays",
            per_seed={k: arms[k]["per_seed"] for k in ("A3 groupwise l2r", "base, prefix only", "A3, prefix only")},
            mean={k: arms[k]["mean"] for k in ("A3 groupwise l2r", "base, prefix only", "A3, prefix only")},
            interval={k: arms[k]["interval"] for k in ("A3 groupwise l2r", "base, prefix only", "A3, prefix only")},
            greedy={k: arms[k]["greedy"] for k in ("A3 groupwise l2r", "base, prefix only", "A3, prefix only")},
            difference=d2, ratio=ratio, nll_gold_middle=nll,
            nll_difference_a3_minus_base=dict(mean=dn[0], interval=[dn[1], dn[2]], verdict=verdict(dn[1], dn[2])),
            verdict=(d2 or {}).get("verdict", "inconclusive"), interval_kind="95% bootstrap over passages (per-passage mean over seeds)",
            n_passages=i["n"], model=i["model"], machine=i["machine"], command=i["command"])
        dyn = [l for l in ("A3 dynamic entropy", "A3 dynamic confidence", "A3 dynamic entropy faithful") if have(l)]
        gw = [l for l in ("A3 groupwise l2r", "A3 groupwise random") if have(l)]
        if dyn and gw:
            best_dyn = max(dyn, key=lambda l: arms[l]["mean"]); best_gw = max(gw, key=lambda l: arms[l]["mean"])
            d3 = diff(best_dyn, best_gw)
            out["3_dynamic_vs_groupwise"] = dict(claim="dynamic resampling beats groupwise sampling (paper: conditional-generation perplexity)",
                arms=dyn + gw, seeds=seeds, metric="middle-line ROUGE-L (temperature-1 samples), test plays; wall seconds per passage",
                per_seed={l: arms[l]["per_seed"] for l in dyn + gw}, mean={l: arms[l]["mean"] for l in dyn + gw},
                interval={l: arms[l]["interval"] for l in dyn + gw}, greedy={l: arms[l]["greedy"] for l in dyn + gw},
                seconds_per_passage={l: arms[l]["seconds_per_passage"] for l in dyn + gw},
                difference={f"{best_dyn} - {best_gw}": d3}, verdict=d3["verdict"],
                interval_kind="95% bootstrap over passages (per-passage mean over seeds)", note="the paper measures perplexity of conditional generation; this is infilling ROUGE-L",
                n_passages=i["n"], model=i["model"], machine=i["machine"], command=i["command"])
    g = _load("groupsize")
    if g.get("nll"):
        seeds = sorted({int(k.split("seed ")[1]) for k in g["nll"]})
        S = (1, 2, 4, 8)
        col = lambda d, s: [d[f"s={s} | seed {x}"] for x in seeds if f"s={s} | seed {x}" in d]
        nll = {s: col(g["nll"], s) for s in S}; ppl = {s: col(g["ppl"], s) for s in S}
        rises = lambda d: all(statistics.mean(d[a]) < statistics.mean(d[b]) for a, b in zip(S, S[1:]) if d[a] and d[b])
        dd = [b - a for a, b in zip(col(g["ppl"], 1), col(g["ppl"], 8))]
        lo, hi = t_interval(dd)[1:] if len(dd) > 1 else (None, None)
        out["4_group_size"] = dict(claim="perplexity rises with group size", arms=[f"s={s}" for s in S], seeds=seeds,
            metric="held-out NLL under contiguous groups of s (validation rows); generative perplexity judged by the base model (test prompts)",
            per_seed={"nll": {f"s={s}": nll[s] for s in S}, "gen_ppl": {f"s={s}": ppl[s] for s in S}},
            mean={"nll": {f"s={s}": t_interval(nll[s])[0] for s in S if nll[s]}, "gen_ppl": {f"s={s}": t_interval(ppl[s])[0] for s in S if ppl[s]}},
            interval={"nll": {f"s={s}": list(t_interval(nll[s])[1:]) for s in S if nll[s]}, "gen_ppl": {f"s={s}": list(t_interval(ppl[s])[1:]) for s in S if ppl[s]}},
            calls_per_prompt={f"s={s}": statistics.mean(col(g["calls"], s)) for s in S if col(g["calls"], s)},
            seconds_per_prompt={f"s={s}": statistics.mean(col(g["seconds"], s)) for s in S if col(g["seconds"], s)},
            verdict="reproduced" if rises(nll) and rises(ppl) and lo is not None and lo > 0 else "inconclusive" if lo is None or lo <= 0 else "not reproduced",
            interval_kind="95% t-interval across seeds (grouping seeds for NLL, sampling seeds for perplexity)",
            note="the paper's judge was a larger model; ours is the base SmolLM2-135M",
            model=g["model"], machine=g["machine"], command=g["command"])
    OUT.write_text(json.dumps(out, indent=1) + "\n"); print(json.dumps({k: v["verdict"] for k, v in out.items()}, indent=1))

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("curriculum"); c.add_argument("--tokens", type=int, default=8192); c.add_argument("--rows", type=int, default=16)
    c.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2]); c.add_argument("--arms", nargs="+", default=list(ARMS), choices=list(ARMS))
    c.add_argument("--precision", default="auto", choices=["auto", "bf16", "no"], help="auto: bf16 where this CPU runs it faster")
    i = sub.add_parser("infill"); i.add_argument("--n", type=int, default=30); i.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    i.add_argument("--no-greedy", action="store_true", help="skip the greedy pass and the gold-middle NLL (another process does them)")
    i.add_argument("--part", default="", help="write runs/claims_infill_<part>.json, so parallel processes do not overwrite each other")
    g = sub.add_parser("groupsize"); g.add_argument("--rows", type=int, default=16); g.add_argument("--n", type=int, default=16)
    g.add_argument("--gen-tokens", type=int, default=24); g.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    sub.add_parser("verdicts")
    for p in (c, i, g): p.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    if hasattr(a, "threads"): torch.set_num_threads(a.threads)
    torch.set_grad_enabled(False)
    dict(curriculum=curriculum, infill=infill, groupsize=groupsize, verdicts=verdicts)[a.cmd](a)

if __name__ == "__main__":
    main()
