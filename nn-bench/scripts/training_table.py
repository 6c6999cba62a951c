#!/usr/bin/env python3
"""Turns the results of one or more training rounds (run_training_rounds.sh) into the markdown tables
of nn-bench/results/training.md.

    python3 nn-bench/scripts/training_table.py ROUND_DIR [ROUND_DIR ...]

Each ROUND_DIR holds jmh.json (JMH -rf json of AutogradChainBenchmark, MlpStepBenchmark and
MlpOverheadBenchmark), mlp-numpy.json (mlp_numpy.py --out) and chain-python.json
(scalar_chain_python.py --out). Each ratio is computed within a round (both sides measured minutes
apart on the same machine); a cell shows the median over rounds and, in brackets, the lowest and
highest round.

Within a round, each score is the MEDIAN of its measured iterations (JMH's rawData; the numpy and
Python scripts' iterations_us), not JMH's mean: on a shared two-core machine one iteration now and then
runs several times slower because another process took the core, and the median ignores it.
"""

import json
import os
import statistics
import sys

from bench_common import cell, jmh_results

NODES = 10000  # AutogradChainBenchmark.NODES


def load_round(directory):
    scores = {}
    for name, result in jmh_results(directory):
        params = result.get("params", {})
        key = (name, params.get("batch") or params.get("sites"))
        raw = [x for fork in result["primaryMetric"]["rawData"] for x in fork]
        scores[key] = statistics.median(raw)  # microseconds
    with open(os.path.join(directory, "mlp-numpy.json")) as f:
        for result in json.load(f)["results"]:
            # "numpy" is the fair reference, the in-place Adam (older files have only the notebook one)
            kind = "numpy-notebook" if result.get("adam") == "notebook" else "numpy"
            scores[(kind, result["threads"], str(result["batch"]))] = statistics.median(result["iterations_us"])
    with open(os.path.join(directory, "chain-python.json")) as f:
        scores[("python-chain",)] = statistics.median(json.load(f)["iterations_us"])
    return scores


def main():
    rounds = [load_round(d) for d in sys.argv[1:]]
    if not rounds:
        sys.exit(__doc__)

    def each(function):
        out = []
        for r in rounds:
            try:
                out.append(function(r))
            except KeyError:
                out.append(None)
        return out

    print("{} round(s); median (lowest–highest round)\n".format(len(rounds)))
    print("Autograd cost per node: chain of x <- x·a + b, {} nodes, forward + backward\n".format(NODES))
    print("| engine | ns per node | speed-up over the Python scalar engine |")
    print("|---|---|---|")
    python = lambda r: r[("python-chain",)]
    print("| micrograd-style scalar engine, CPython | {} | 1× |".format(
        cell(each(lambda r: python(r) * 1e3 / NODES), 0)))
    for sites in ("none", "recording"):
        key = ("AutogradChainBenchmark.chain", sites)
        print("| gradschool, creation sites: {} | {} | {} |".format(
            sites, cell(each(lambda r: r[key] * 1e3 / NODES), 0),
            cell(each(lambda r: python(r) / r[key]), 2, "×")))

    print("\nMLP step 784→128→64→10 (forward + backward + Adam), ms per step\n")
    print("| batch | gradschool (autograd) | gradschool (tensors, hand-written backward) | numpy 1 thread (in-place Adam) | numpy default threads (in-place Adam) |")
    print("|---|---|---|---|---|")
    for batch in ("64", "256"):
        print("| {} | {} | {} | {} | {} |".format(
            batch,
            cell(each(lambda r: r[("MlpStepBenchmark.step", batch)] / 1e3), 2),
            cell(each(lambda r: r[("MlpOverheadBenchmark.tensorStep", batch)] / 1e3), 2),
            cell(each(lambda r: r[("numpy", "1", batch)] / 1e3), 2),
            cell(each(lambda r: r[("numpy", "default", batch)] / 1e3), 2)))

    print("\nnumpy with the notebook-style Adam (about ten temporaries per parameter), ms per step, for reference\n")
    print("| batch | numpy 1 thread, notebook Adam | numpy default threads, notebook Adam |")
    print("|---|---|---|")
    for batch in ("64", "256"):
        print("| {} | {} | {} |".format(
            batch,
            cell(each(lambda r: r[("numpy-notebook", "1", batch)] / 1e3), 2),
            cell(each(lambda r: r[("numpy-notebook", "default", batch)] / 1e3), 2)))

    print("\nRatios (time / time; below 1 means gradschool is faster; numpy = the in-place Adam)\n")
    print("| batch | autograd / numpy 1 thread | autograd / numpy default | tensors / numpy 1 thread | autograd overhead (autograd / tensors − 1) |")
    print("|---|---|---|---|---|")
    for batch in ("64", "256"):
        step = lambda r: r[("MlpStepBenchmark.step", batch)]
        tensors = lambda r: r[("MlpOverheadBenchmark.tensorStep", batch)]
        print("| {} | {} | {} | {} | {} |".format(
            batch,
            cell(each(lambda r: step(r) / r[("numpy", "1", batch)]), 2, "×"),
            cell(each(lambda r: step(r) / r[("numpy", "default", batch)]), 2, "×"),
            cell(each(lambda r: tensors(r) / r[("numpy", "1", batch)]), 2, "×"),
            cell(each(lambda r: 100 * (step(r) / tensors(r) - 1)), 0, " %")))


if __name__ == "__main__":
    main()
