"""Unknown-length infilling on the shipped A3 model: how often exact likelihood picks the blanked line's length, and ROUGE-L.

    python tools/auto_length_probe.py --n 40 --max-len 20 --out figures/auto_length.json --fig figures/auto_length.png

Held-out passages of the test plays (never trained on): five verse lines, the middle one blanked, text
`prefix + "\n" + <blank> + "\n" + suffix`. For every candidate length 1..`--max-len` the blank is filled greedily
(`infill(..., lengths=n)`, causal context, s = 1, all candidates of a passage in one batch) and the filled text scored
exactly: log P(fill and the text after it | text before), left to right under the query stream (the same scores
`infill(lengths="auto")` computes; a few passages are checked against it). Criteria: joint, per-token mean, and
joint + log length prior (a histogram of verse-line lengths in tokens over the train split). Baselines: the oracle
length (the gold line's) and one fixed length (the prior's median). Reported: exact and within-2 accuracy of the
chosen length, and ROUGE-L of the filled line against the gold line.
"""
import argparse, json, math, os, platform, random, re, statistics, time
from pathlib import Path
import torch

def line_length_prior(tok, ds, n_lines=4000, seed=0):
    "{length in tokens: count} over verse lines of the train split, as `encode_pieces` tokenizes a middle line."
    from a3_nb.text import encode_pieces
    lines = [l.strip() for t in ds["train"]["text"] for l in t.split("\n") if len(l.strip()) >= 20 and not l.strip().isupper()]
    random.Random(seed).shuffle(lines)
    hist = {}
    for l in lines[:n_lines]:
        n = len(encode_pieces(tok, ["x\n", l, "\nx"])[1]); hist[n] = hist.get(n, 0) + 1
    return hist

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="models/a3-smollm2-135m-shakespeare"); ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--max-len", type=int, default=20); ap.add_argument("--check", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2); ap.add_argument("--out", default=None); ap.add_argument("--fig", default=None)
    a = ap.parse_args()
    torch.set_num_threads(a.threads); torch.set_grad_enabled(False)
    from a3_nb.text import load_a3, infill, encode_pieces
    from a3_nb.text import _length_scores  # the scores infill(lengths='auto') compares
    from a3_nb.eval import shakespeare_passages, rouge
    from a3_nb.hub import shakespeare_corpus
    m, tok, _ = load_a3(a.model)
    ds = shakespeare_corpus()
    hist = line_length_prior(tok, ds)
    cands = list(range(1, a.max_len + 1))
    tot = sum(hist.get(v, 0) for v in cands)
    logprior = {v: math.log(hist.get(v, 0) / tot + 1e-6) for v in cands}
    fixed = min(int(statistics.median([v for v, c in hist.items() for _ in range(c)])), a.max_len)
    ps = shakespeare_passages(a.n, split="test", seed=2)
    rows, t0 = [], time.time()
    for i, p in enumerate(ps):
        text = p["prefix"] + "\n<blank>\n" + p["suffix"]
        gold = len(encode_pieces(tok, [p["prefix"] + "\n", p["middle"], "\n" + p["suffix"]])[1])
        fills, traces = infill(m, tok, [text] * len(cands), lengths=[[v] for v in cands], return_trace=True)
        L = max(len(t.output_ids) for t in traces)
        y = torch.zeros(len(cands), L, dtype=torch.long); am = torch.zeros_like(y); start = []
        for b, t in enumerate(traces):
            y[b, :len(t.output_ids)] = t.output_ids; am[b, :len(t.output_ids)] = 1
            start.append(int((~t.known_mask).nonzero()[0]))
        joint, mean = (_length_scores(m, y, am, start, cands, c, None).tolist() for c in ("joint", "mean"))
        prior = [j + logprior[v] for j, v in zip(joint, cands)]
        middle = [tok.decode(t.output_ids[s:s + v].tolist(), skip_special_tokens=True).strip() for t, s, v in zip(traces, start, cands)]
        pick = {"joint": cands[max(range(len(cands)), key=joint.__getitem__)], "mean": cands[max(range(len(cands)), key=mean.__getitem__)],
                "prior": cands[max(range(len(cands)), key=prior.__getitem__)], "oracle": min(gold, a.max_len), "fixed": fixed}
        if i < a.check:   # the library's own choice must be the same as this script's
            for crit in ("joint", "mean"):
                (t,) = infill(m, tok, text, lengths="auto", max_blank_len=a.max_len, length_criterion=crit, return_trace=True)[1]
                assert int((~t.known_mask).sum()) == pick[crit], (crit, pick)
        rows.append(dict(title=p["title"], gold=gold, middle=p["middle"], pick=pick, fills={k: middle[v - 1] for k, v in pick.items()},
                         joint=joint, mean=mean))
        print(i, gold, pick, f"{time.time() - t0:.0f}s", flush=True)
    res = dict(model=a.model, n=a.n, max_len=a.max_len, fixed_length=fixed, prior=hist, rows=rows, seconds=time.time() - t0,
               machine=f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
               command=f"python tools/auto_length_probe.py --n {a.n} --max-len {a.max_len}", methods={})
    for k in ("joint", "mean", "prior", "oracle", "fixed"):
        err = [r["pick"][k] - r["gold"] for r in rows]
        res["methods"][k] = dict(exact=100 * sum(e == 0 for e in err) / len(err), within2=100 * sum(abs(e) <= 2 for e in err) / len(err),
                                 mean_error=sum(err) / len(err), rougeL=rouge([r["fills"][k] for r in rows], [r["middle"] for r in rows])["rougeL"])
    print(json.dumps(res["methods"], indent=1))
    if a.out: Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
    if a.fig: plot(res, a.fig)

def plot(res, path):
    import matplotlib; matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(1, 2, figsize=(11, 3.8))
    gold = [r["gold"] for r in res["rows"]]
    for k, mk in (("joint", "o"), ("mean", "s"), ("prior", "^")):
        ax[0].scatter(gold, [r["pick"][k] for r in res["rows"]], marker=mk, alpha=0.6, label=k)
    lim = [0, res["max_len"] + 1]; ax[0].plot(lim, lim, "k:", lw=0.8)
    ax[0].set(xlabel="gold length (tokens)", ylabel="chosen length", title="chosen vs gold blank length"); ax[0].legend(fontsize=8)
    ks = list(res["methods"]); ms = res["methods"]
    xs = range(len(ks))
    ax[1].bar([x - 0.2 for x in xs], [ms[k]["within2"] for k in ks], 0.4, label="length within ±2 (%)")
    ax[1].bar([x + 0.2 for x in xs], [ms[k]["rougeL"] for k in ks], 0.4, label="ROUGE-L")
    ax[1].set_xticks(list(xs)); ax[1].set_xticklabels(ks); ax[1].legend(fontsize=8); ax[1].set_title("by length choice")
    fig.suptitle(f"Unknown-length infilling, {res['model']}, {res['n']} test passages; {res['command']}", fontsize=8)
    fig.tight_layout(); fig.savefig(path, dpi=110); plt.close(fig)

if __name__ == "__main__":
    main()
