"""Exact NLL of held-out middle lines under four layouts (A: context = one group 0; B: context tokens in causal singleton groups; C: base model, prefix only; D: A3, AR grouping over the passage).

    python tools/context_layout_probe.py models/a3-smollm2-135m-shakespeare 8
"""
import torch, sys
from a3_nb.sample import load_a3
from a3_nb.eval import infill_example, sequence_logprob, shakespeare_passages
from a3_nb.demo import adapters_off
torch.set_grad_enabled(False)
m, tok, _ = load_a3(sys.argv[1])
ps = shakespeare_passages(int(sys.argv[2]), 0)
res = {k: [] for k in "A B C D".split()}
for p in ps:
    e = infill_example(tok, p["prefix"], p["middle"], p["suffix"], 0, "\n")
    ids = torch.tensor([e["ids"]]); n = e["n_blank"]; bl = e["blank"]; L = ids.shape[1]
    gA = torch.zeros_like(ids); gA[0, bl] = torch.arange(1, n + 1)
    gB = torch.zeros_like(ids); ctx = [i for i in range(L) if not (bl.start <= i < bl.stop)]
    gB[0, ctx] = torch.arange(len(ctx)); gB[0, bl] = torch.arange(len(ctx), len(ctx) + n)
    gD = torch.arange(L)[None]
    tm = torch.zeros_like(ids, dtype=torch.bool); tm[0, bl] = True
    res["A"].append(-sequence_logprob(m, ids, gA).mean.item())
    res["B"].append(-sequence_logprob(m, ids, gB, target_mask=tm).mean.item())
    res["D"].append(-sequence_logprob(m, ids, gD, target_mask=tm).mean.item())
    pids = torch.tensor([e["prefix_ids"] + e["middle_ids"]]); gp = torch.zeros_like(pids); gp[0, len(e["prefix_ids"]):] = torch.arange(1, n + 1)
    with adapters_off(m) as b: res["C"].append(-sequence_logprob(b, pids, gp).mean.item())
    print({k: round(v[-1], 3) for k, v in res.items()}, flush=True)
print("mean", {k: round(sum(v) / len(v), 3) for k, v in res.items()})
