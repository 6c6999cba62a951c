"""Prints the tables of nn-bench/results/elementwise-dispatch.md from run_elementwise_rounds.sh's output.

    python3 nn-bench/scripts/elementwise_table.py OUT_DIR REFERENCE OTHER...

A score is the median of a run's measured iterations (ns per call). A ratio is OTHER / REFERENCE
within one round; the table gives the median ratio over the rounds and the lowest and highest.
"""
import glob
import json
import os
import statistics
import sys


def scores(path):
    result = {}
    for entry in json.load(open(path)):
        name = entry["benchmark"].rsplit(".", 1)[1]
        shape = entry.get("params", {}).get("shape", "")
        if name.endswith("Scalars"):
            shape = "()"
        raw = [x for fork in entry["primaryMetric"]["rawData"] for x in fork]
        result[(name, shape)] = statistics.median(raw)
    return result


def main():
    out, reference, others = sys.argv[1], sys.argv[2], sys.argv[3:]
    labels = [reference] + others
    rounds = []
    for d in sorted(glob.glob(os.path.join(out, "round-*"))):
        per_label = {}
        for label in labels:
            merged = {}
            for part in ("matrix", "scalars"):
                path = os.path.join(d, f"{label}-{part}.json")
                if os.path.exists(path):
                    merged.update(scores(path))
            per_label[label] = merged
        if all(per_label[label] for label in labels):
            rounds.append(per_label)
    keys = sorted(rounds[0][reference], key=lambda k: (k[0], int(k[1].split("x")[0]) if "x" in k[1] else 0))
    header = "| benchmark | shape | " + " | ".join(f"{label} (ns)" for label in labels) + " | " \
        + " | ".join(f"{o} / {reference}" for o in others) + " |"
    print(f"{len(rounds)} rounds; ns: median over rounds; ratio: median (lowest-highest) of per-round ratios\n")
    print(header)
    print("|" + "---|" * (2 + len(labels) + len(others)))
    for key in keys:
        cells = [f"{statistics.median(r[label][key] for r in rounds):,.0f}" for label in labels]
        for other in others:
            ratios = [r[other][key] / r[reference][key] for r in rounds]
            cells.append(f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})")
        print(f"| `{key[0]}` | {key[1]} | " + " | ".join(cells) + " |")


main()
