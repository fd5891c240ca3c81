"""Speculative any-subset decoding on the shipped A3 model: model calls per token, acceptance and wall time vs s = 1.

    python tools/speculative_bench.py --n 16 --out figures/speculative.json --fig figures/speculative.png

Two tasks on held-out passages of the test plays (never trained on), batch 1, causal context layout:
* infill: the middle line of a five-line passage, given the two lines before and after (gold length);
* continue: 32 new tokens after the passage's first two lines, left to right.
For each passage, `speculative_sample` with k drafts per step (greedy, then temperature-1 sampling) and cached
groupwise sampling with s = 1 (greedy: the same tokens, checked) run interleaved; wall time is the sum over passages
(median of `--repeats` interleaved rounds). Calls per token and acceptance (accepted / drafted) come from the traces.
"""
import argparse, json, os, platform, time
from pathlib import Path
import torch

def layouts(tok, ps, anchor, n_cont):
    from a3_nb.eval import infill_example
    from a3_nb.text import encode_pieces
    out = {"infill": [], "continue": []}
    for p in ps:
        e = infill_example(tok, p["prefix"], p["middle"], p["suffix"], anchor, "\n")
        ids = torch.tensor([e["ids"]]); g = torch.zeros_like(ids); s = e["blank"]
        g[0, s] = torch.arange(1, e["n_blank"] + 1)
        out["infill"].append((ids, g))
        pr = [anchor] + encode_pieces(tok, ["\n".join(p["lines"][:2])])[0]
        ids = torch.tensor([pr + [anchor] * n_cont]); g = torch.zeros_like(ids); g[0, len(pr):] = torch.arange(1, n_cont + 1)
        out["continue"].append((ids, g))
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="models/a3-smollm2-135m-shakespeare"); ap.add_argument("--n", type=int, default=16)
    ap.add_argument("--ks", type=int, nargs="+", default=[1, 2, 4, 8]); ap.add_argument("--cont", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=1); ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=None); ap.add_argument("--fig", default=None)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    from a3_nb.text import load_a3
    from a3_nb.sample import groupwise_sample
    from a3_nb.speculative import speculative_sample
    from a3_nb.eval import shakespeare_passages
    from a3_nb.bench import summarize
    m, tok, _ = load_a3(a.model)
    ps = shakespeare_passages(a.n, split="test", seed=1)
    tasks = layouts(tok, ps, m.anchor_token_id, a.cont)
    res = dict(model=a.model, n=a.n, ks=a.ks, cont_tokens=a.cont, threads=a.threads, repeats=a.repeats,
               machine=f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores", tasks={},
               command="python tools/speculative_bench.py " + " ".join(f"--{k} {v}" for k, v in dict(n=a.n, cont=a.cont, repeats=a.repeats, threads=a.threads).items())
               + " --ks " + " ".join(map(str, a.ks)))
    t_start = time.time()
    for task, rows in tasks.items():
        times = {"s=1": [], **{f"k={k}": [] for k in a.ks}}
        stats = {f"{mode} k={k}": dict(calls=0, tokens=0, drafted=0, accepted=0) for mode in ("greedy", "sampled") for k in a.ks}
        same = True
        for rep in range(a.repeats):
            tot = {key: 0.0 for key in times}
            for i, (ids, g) in enumerate(rows):
                t0 = time.perf_counter(); ref = groupwise_sample(m, ids, g, context="causal"); tot["s=1"] += time.perf_counter() - t0
                for k in a.ks:
                    t0 = time.perf_counter(); out, (tr,) = speculative_sample(m, ids, g, k=k, context="causal", return_trace=True)
                    tot[f"k={k}"] += time.perf_counter() - t0
                    same &= bool((out == ref).all())
                    if rep == 0:
                        st = stats[f"greedy k={k}"]
                        st["calls"] += 1 + len(tr.steps); st["tokens"] += int((g > 0).sum())
                        st["drafted"] += sum(s.drafted for s in tr.steps); st["accepted"] += sum(s.accepted for s in tr.steps)
                        gen = torch.Generator().manual_seed(i)
                        _, (tr,) = speculative_sample(m, ids, g, k=k, context="causal", do_sample=True, generator=gen, return_trace=True)
                        st = stats[f"sampled k={k}"]
                        st["calls"] += 1 + len(tr.steps); st["tokens"] += int((g > 0).sum())
                        st["drafted"] += sum(s.drafted for s in tr.steps); st["accepted"] += sum(s.accepted for s in tr.steps)
            for key in times: times[key].append(tot[key])
            print(task, rep, {k: round(v, 2) for k, v in tot.items()}, flush=True)
        for st in stats.values():
            st["calls_per_token"] = st["calls"] / st["tokens"]; st["acceptance"] = st["accepted"] / max(st["drafted"], 1)
        med = {k: summarize(v)["median"] for k, v in times.items()}
        res["tasks"][task] = dict(seconds=med, all_seconds=times, speedup={k: med["s=1"] / v for k, v in med.items() if k != "s=1"},
                                  stats=stats, greedy_equals_s1=same, tokens=sum(int((g > 0).sum()) for _, g in rows))
        print(task, json.dumps(res["tasks"][task]["speedup"]), {k: round(v["calls_per_token"], 3) for k, v in stats.items()}, flush=True)
    res["seconds"] = time.time() - t_start
    if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
    if a.fig: plot(res, a.fig)

def plot(res, path):
    import matplotlib; matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(1, 3, figsize=(13, 3.6))
    for task, r in res["tasks"].items():
        for mode, ls in (("greedy", "-"), ("sampled", "--")):
            ks = res["ks"]; st = [r["stats"][f"{mode} k={k}"] for k in ks]
            ax[0].plot(ks, [s["calls_per_token"] for s in st], "o" + ls, label=f"{task}, {mode}")
            ax[1].plot(ks, [s["acceptance"] for s in st], "o" + ls, label=f"{task}, {mode}")
        ax[2].plot(res["ks"], [r["speedup"][f"k={k}"] for k in res["ks"]], "o-", label=f"{task} (greedy)")
    ax[0].axhline(1, c="k", lw=0.8, ls=":"); ax[2].axhline(1, c="k", lw=0.8, ls=":")
    ax[0].set(title="model calls per token (s = 1: 1)", xlabel="drafts per step k"); ax[0].legend(fontsize=7)
    ax[1].set(title="draft acceptance (accepted / drafted)", xlabel="drafts per step k")
    ax[2].set(title="wall-time speed-up vs cached s = 1", xlabel="drafts per step k"); ax[2].legend(fontsize=7)
    fig.suptitle(f"speculative_sample on {res['model']}, {res['n']} test passages, batch 1, {res['machine']}; {res['command']}", fontsize=8)
    fig.tight_layout(); fig.savefig(path, dpi=110); plt.close(fig)

if __name__ == "__main__":
    main()
