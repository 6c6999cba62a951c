#!/usr/bin/env python3
"""Times numpy's matmul on the shapes and forms of nn-bench's SmallMatMulBenchmark, one BLAS thread.

A shape is m_k_n_form: C is m x n with inner dimension k; form AB (both C-contiguous), AtB (A is the
transposed view of a C-contiguous k x m array, as in the backward's A^T G) or ABt (B is the transposed
view of a C-contiguous n x k array, as in x W^T and G B^T). Timing as in matmul_numpy.py (JMH-like
iterations in a child process started with OPENBLAS_NUM_THREADS set).

    python3 nn-bench/scripts/small_matmul_numpy.py --out small-numpy.json
"""

import argparse
import json
import sys

from bench_common import add_timing_options, run_child, time_like_jmh, timing_arguments

SHAPES = ["32_30_200_AB", "32_200_27_AB", "200_32_27_AtB", "32_27_200_ABt", "30_32_200_AtB", "32_200_30_ABt",
          "64_64_64_AB", "64_64_64_ABt", "96_96_96_AB", "96_96_96_ABt", "128_128_128_AB", "128_128_128_ABt"]


def operands(shape, rng):
    m, k, n, form = shape.split("_")
    m, k, n = int(m), int(k), int(n)
    a = rng.uniform(-1, 1, (k, m)).T if form == "AtB" else rng.uniform(-1, 1, (m, k))
    b = rng.uniform(-1, 1, (n, k)).T if form == "ABt" else rng.uniform(-1, 1, (k, n))
    return a, b, m, k, n


def measure(shapes, warmup, iterations, seconds):
    import numpy as np

    rng = np.random.default_rng(42)
    results = []
    for shape in shapes:
        a, b, m, k, n = operands(shape, rng)
        c = np.empty((m, n))
        scores = time_like_jmh(lambda: np.matmul(a, b, out=c), warmup, iterations, seconds)
        results.append({"shape": shape, "us_per_op": sum(scores) / len(scores), "iterations_us": scores})
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, nargs="+", default=[1])
    parser.add_argument("--shapes", nargs="+", default=SHAPES)
    add_timing_options(parser, warmup=1.0, iterations=3, per="shape")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        json.dump(measure(args.shapes, args.warmup, args.iterations, args.seconds), sys.stdout)
        return
    rows = []
    for threads in args.threads:
        for result in run_child(__file__, threads, ["--shapes", *args.shapes, *timing_arguments(args)]):
            result["threads"] = threads
            rows.append(result)
    print("{:>8} {:>18} {:>10}".format("threads", "shape", "us/op"))
    for row in rows:
        print("{:>8} {:>18} {:>10.2f}".format(row["threads"], row["shape"], row["us_per_op"]))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"results": rows}, f, indent=1)


if __name__ == "__main__":
    main()
