#!/usr/bin/env python3
"""Turns the JMH and numpy results of one or more matmul rounds into the markdown tables of
docs/performance.md.

    python3 nn-bench/scripts/matmul_table.py ROUND_DIR [ROUND_DIR ...]

Each ROUND_DIR holds jmh.json (JMH's -rf json output of MatMulBenchmark and NaiveMatMulBenchmark) and
numpy.json (matmul_numpy.py --out). GFLOPS = 2 n^3 / (time per multiplication). With several rounds,
each cell is the median over rounds and, in brackets, the lowest and highest round; each ratio is
computed within a round (numerator and denominator measured minutes apart on the same machine) and
then the median over rounds is shown.
"""

import json
import os
import sys

from bench_common import cell, jmh_results

# (label, where the score comes from, threads) in table order.
ROWS = [
    ("numpy / OpenBLAS, 1 thread", ("numpy", 1), 1),
    ("numpy / OpenBLAS, 2 threads", ("numpy", 2), 2),
    ("naive (`MatMul.naive`), 1 thread", ("jmh", "NaiveMatMulBenchmark.naive1Thread"), 1),
    ("EJML 0.44 `CommonOps_DDRM.mult`, 1 thread", ("jmh", "MatMulBenchmark.ejml1Thread"), 1),
    ("EJML 0.44 `CommonOps_MT_DDRM.mult`, 2 threads", ("jmh", "MatMulBenchmark.ejml2Threads"), 2),
    ("blocked (`MatMul.blocked`), 1 thread", ("jmh", "MatMulBenchmark.blocked1Thread"), 1),
    ("blocked, 2 threads", ("jmh", "MatMulBenchmark.blocked2Threads"), 2),
    ("Vector API (`MatMul.vectorized`), 1 thread", ("jmh", "MatMulBenchmark.vectorized1Thread"), 1),
    ("Vector API, 2 threads", ("jmh", "MatMulBenchmark.vectorized2Threads"), 2),
    ("front (`MatMul.multiply`), its own choice", ("jmh", "MatMulBenchmark.front"), None),
]


def gflops(n, microseconds):
    return 2.0 * n ** 3 / (microseconds * 1e3)


def load_round(directory):
    """Returns {(source key): {n: GFLOPS}} for one round."""
    scores = {}
    for name, result in jmh_results(directory):
        n = int(result["params"]["n"])
        scores.setdefault(("jmh", name), {})[n] = gflops(n, result["primaryMetric"]["score"])
    with open(os.path.join(directory, "numpy.json")) as f:
        for result in json.load(f)["results"]:
            scores.setdefault(("numpy", result["threads"]), {})[result["n"]] = result["gflops"]
    return scores


def main():
    rounds = [load_round(d) for d in sys.argv[1:]]
    if not rounds:
        sys.exit(__doc__)
    sizes = sorted({n for r in rounds for series in r.values() for n in series})
    header = "| implementation | " + " | ".join("n={}".format(n) for n in sizes) + " |"
    rule = "|---|" + "---|" * len(sizes)

    print("GFLOPS (median of {} round(s); lowest–highest round in brackets)\n".format(len(rounds)))
    print(header)
    print(rule)
    for label, key, _ in ROWS:
        cells = [cell([r[key][n] for r in rounds if key in r and n in r[key]], 1, missing="") for n in sizes]
        print("| {} | {} |".format(label, " | ".join(cells)))

    def ratio_table(title, denominator_of):
        print("\n" + title + "\n")
        print(header)
        print(rule)
        for label, key, threads in ROWS:
            if key[0] == "numpy" or threads is None:
                continue
            denominator = denominator_of(threads)
            if denominator == key:
                continue
            cells = []
            for n in sizes:
                ratios = [r[key][n] / r[denominator][n] for r in rounds
                          if key in r and denominator in r and n in r[key] and n in r[denominator]]
                cells.append(cell(ratios, 2, "×", missing=""))
            print("| {} | {} |".format(label, " | ".join(cells)))

    ratio_table("Ratio to numpy / OpenBLAS at the same thread count (within each round; median of rounds)",
                lambda threads: ("numpy", threads))
    ratio_table("Ratio to EJML at the same thread count (within each round; median of rounds)",
                lambda threads: ("jmh", "MatMulBenchmark.ejml1Thread" if threads == 1
                                 else "MatMulBenchmark.ejml2Threads"))
    ratio_table("Ratio to the naive loop on one thread (within each round; median of rounds)",
                lambda threads: ("jmh", "NaiveMatMulBenchmark.naive1Thread"))


if __name__ == "__main__":
    main()
