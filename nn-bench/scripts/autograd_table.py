#!/usr/bin/env python3
"""Turns the rounds of run_autograd_rounds.sh into the tables of nn-bench/results/autograd-overhead.md.

    python3 nn-bench/scripts/autograd_table.py ROUND_DIR [ROUND_DIR ...]

Each ROUND_DIR holds jmh-after.json (and, if a before build was measured, jmh-before.json): JMH's
-rf json output of AutogradChainBenchmark; and chain-python.json (scalar_chain_python.py --out).
Within a round each score is the MEDIAN of its measured iterations (a shared machine now and then
takes the core away for one iteration); every ratio is taken within a round; a cell shows the median
over the rounds and, in brackets, the lowest and highest round.
"""

import json
import os
import statistics
import sys

from bench_common import cell

NODES = 10000  # AutogradChainBenchmark.NODES
BUILDS = ("before", "after")
CONFIGS = (("chain", "none"), ("forward", "none"), ("chain", "recording"), ("forward", "recording"))


def load_round(directory):
    """ns per node for each (build, method, sites) and ("python",) in one round."""
    scores = {}
    for build in BUILDS:
        path = os.path.join(directory, "jmh-{}.json".format(build))
        if not os.path.exists(path):
            continue
        with open(path) as f:
            for result in json.load(f):
                method = result["benchmark"].split(".")[-1]
                raw = [x for fork in result["primaryMetric"]["rawData"] for x in fork]
                scores[(build, method, result["params"]["sites"])] = statistics.median(raw) * 1e3 / NODES
    with open(os.path.join(directory, "chain-python.json")) as f:
        scores[("python",)] = statistics.median(json.load(f)["iterations_us"]) * 1e3 / NODES
    for build in BUILDS:
        for sites in ("none", "recording"):
            path = os.path.join(directory, "cpu-{}-{}.json".format(build, sites))
            if os.path.exists(path):
                with open(path) as f:
                    scores[("cpu", build, sites)] = statistics.median(json.load(f)["ns_per_node"])
    path = os.path.join(directory, "cpu-python.json")
    if os.path.exists(path):
        with open(path) as f:
            scores[("cpu", "python")] = statistics.median(json.load(f)["iterations_us"]) * 1e3 / NODES
    return scores


def main(directories):
    rounds = [load_round(d) for d in directories]
    builds = [b for b in BUILDS if any((b, "chain", "none") in r for r in rounds)]
    print("ns per node ({} rounds; median, lowest–highest round):\n".format(len(rounds)))
    print("| benchmark | " + " | ".join(builds) + " |")
    print("|---|" + "---|" * len(builds))
    print("| micrograd-style engine, CPython (forward + backward) | " + " | ".join(
        cell([r[("python",)] for r in rounds], 0) for _ in builds) + " |")
    for method, sites in CONFIGS:
        label = "{} (`sites` = `{}`)".format("forward + backward" if method == "chain" else "forward only", sites)
        print("| " + label + " | " + " | ".join(
            cell([r.get((b, method, sites)) for r in rounds], 1) for b in builds) + " |")
    print("\nRatios, within each round:\n")
    print("| ratio | median (lowest–highest round) |")
    print("|---|---|")
    for b in builds:
        print("| Python engine / gradschool {}, forward + backward, no sites (speed-up over micrograd) | {} |".format(
            b, cell([r[("python",)] / r[(b, "chain", "none")] for r in rounds if (b, "chain", "none") in r], 1, "×")))
    if "before" in builds:
        for method, sites in CONFIGS:
            values = [r[("after", method, sites)] / r[("before", method, sites)] for r in rounds
                      if ("after", method, sites) in r and ("before", method, sites) in r]
            print("| after / before, {} `{}` | {} |".format(method, sites, cell(values, 2, "×")))
    if any(("cpu", "python") in r for r in rounds):
        print("\nCPU time, forward + backward, ns per node (AutogradChainCpuTime; scalar_chain_python.py --cpu-time):\n")
        print("| engine | ns per node | Python engine / this, within each round |")
        print("|---|---|---|")
        python = [r.get(("cpu", "python")) for r in rounds]
        print("| micrograd-style engine, CPython | {} | 1× |".format(cell(python, 0)))
        for b in builds:
            for sites in ("none", "recording"):
                values = [r.get(("cpu", b, sites)) for r in rounds]
                ratios = [r[("cpu", "python")] / r[("cpu", b, sites)] for r in rounds
                          if ("cpu", "python") in r and ("cpu", b, sites) in r]
                print("| gradschool {}, `sites` = `{}` | {} | {} |".format(b, sites, cell(values, 1), cell(ratios, 2, "×")))
        if "before" in builds:
            for sites in ("none", "recording"):
                values = [r[("cpu", "after", sites)] / r[("cpu", "before", sites)] for r in rounds
                          if ("cpu", "after", sites) in r and ("cpu", "before", sites) in r]
                print("| CPU time after / before, `sites` = `{}` | {} | |".format(sites, cell(values, 2, "×")))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
