"""Merge `a3 eval humaneval-infill` result files into one record, a table and a figure.

    python tools/humaneval_table.py --arm "base, prefix only=runs/he/base-ar.json" --arm "A3 python, length chosen=runs/he/a3-line.json" \
        --ref "base, prefix only" --out figures/humaneval_infill.json --figure figures/humaneval_infill.png

Every arm is scored on the tasks all arms share (a paired comparison); intervals resample whole HumanEval problems
(cluster bootstrap, `a3_nb.humaneval.bootstrap_ci(groups=...)`). Pairs in --pair "A|B" get a paired difference and ratio.
"""
import argparse, json
from pathlib import Path
from a3_nb.humaneval import summarize, paired_bootstrap_diff, paired_bootstrap_ratio, plot_pass_at_1, save_results, _problems, _passed

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arm", action="append", required=True, help="'label=results.json' (one arm each)")
    p.add_argument("--pair", action="append", default=[], help="'A|B': paired difference and ratio of arm A over arm B")
    p.add_argument("--out", required=True); p.add_argument("--figure"); p.add_argument("--title", default=None)
    a = p.parse_args(argv)
    arms, commands, models, machine = {}, {}, {}, None
    for spec in a.arm:
        label, path = spec.split("=", 1)
        rec = json.loads(Path(path).read_text())
        (res,) = rec["results"].values()
        arms[label], commands[label], models[label], machine = res["records"], rec["command"], rec["model"], rec["machine"]
    common = set.intersection(*({r["task_id"] for r in v} for v in arms.values()))
    order = [r["task_id"] for r in next(iter(arms.values())) if r["task_id"] in common]
    arms = {k: sorted((r for r in v if r["task_id"] in common), key=lambda r: order.index(r["task_id"])) for k, v in arms.items()}
    results = {k: dict(summarize(v), records=v, command=commands[k], model=models[k]) for k, v in arms.items()}
    groups = _problems(next(iter(arms.values())))
    pairs = {}
    for spec in a.pair:
        x, y = spec.split("|")
        va, vb = [_passed(r) for r in arms[x]], [_passed(r) for r in arms[y]]
        d = paired_bootstrap_diff(va, vb, groups=groups)
        try: r = paired_bootstrap_ratio(va, vb, groups=groups)
        except ValueError: r = None
        pairs[spec] = dict(diff=d, ratio=r)
    out = save_results(a.out, results, command="python tools/humaneval_table.py " + " ".join(f"--arm '{s}'" for s in a.arm), model="; ".join(f"{k}: {v}" for k, v in models.items()),
                       machine=machine)
    rec = json.loads(out.read_text()); rec["pairs"] = pairs; rec["tasks"] = len(order); out.write_text(json.dumps(rec, indent=1))
    if a.figure: plot_pass_at_1(results, a.figure, title=a.title or f"HumanEval single-line infilling, {len(order)} tasks, greedy (tools/humaneval_table.py)")
    print(f"| arm | pass@1 % [95% CI] | model calls / task | s / task |\n|---|---|---|---|")
    for k, v in results.items():
        print(f"| {k} | {100*v['pass@1']:.1f} [{100*v['ci95'][0]:.1f}, {100*v['ci95'][1]:.1f}] | {v['calls_per_task']:.1f} | {v['seconds_per_task']:.2f} |")
    for k, v in pairs.items():
        d, r = v["diff"], v["ratio"]
        print(f"{k}: diff {100*d['diff']:+.1f} pts [{100*d['lo']:+.1f}, {100*d['hi']:+.1f}]" + (f", ratio {r['ratio']:.2f}x [{r['lo']:.2f}, {r['hi']:.2f}]" if r else ""))

if __name__ == "__main__": main()
