"""Held-out suffix gain during training, per run: the NLL of a blanked span given the prefix only minus given prefix
and suffix (`a3_nb.train.infill_nll`, logged at every evaluation), read from training logs.

    python tools/suffix_gain_plot.py --log "A3=models/a3-smollm2-135m-python/train_log.jsonl" \
        --log "FIM=models/a3-smollm2-135m-python/controls/fim_train_log.jsonl" --out figures/python_suffix_gain.png
"""
import argparse
from pathlib import Path
from matplotlib.figure import Figure
from a3_nb.train import read_log

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--log", action="append", required=True, help="'label=train_log.jsonl'")
    p.add_argument("--out", required=True)
    a = p.parse_args(argv)
    fig = Figure(figsize=(9, 3.4)); ax1, ax2 = fig.subplots(1, 2)
    for spec in a.log:
        label, path = spec.split("=", 1)
        ev = [r for r in read_log(path) if r["kind"] == "eval" and "nll_prefix" in r]
        tok = [r["step"] for r in ev]
        if "nll_both" in ev[0]:
            ax1.plot(tok, [r["nll_both"] for r in ev], "o-", label=f"{label}: prefix + suffix")
            ax2.plot(tok, [r["suffix_gain"] for r in ev], "o-", label=label)
        ax1.plot(tok, [r["nll_prefix"] for r in ev], "x--", label=f"{label}: prefix only")
        for r in ev: print(label, r["step"], {k: round(r[k], 3) for k in ("nll_prefix", "nll_both", "suffix_gain") if k in r})
    ax1.set_xlabel("optimizer step (1,024 tokens each)"); ax1.set_ylabel("NLL of the blanked span (nats/token)"); ax1.legend(fontsize=7)
    ax2.axhline(0, color="gray", lw=.5); ax2.set_xlabel("optimizer step"); ax2.set_ylabel("suffix gain (nats/token)"); ax2.legend(fontsize=7)
    fig.suptitle("held-out Python (validation files), one span of 1-24 tokens per row, 32 rows", fontsize=8)
    fig.tight_layout(); Path(a.out).parent.mkdir(parents=True, exist_ok=True); fig.savefig(a.out, dpi=110)

if __name__ == "__main__": main()
