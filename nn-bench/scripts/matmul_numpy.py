#!/usr/bin/env python3
"""Times numpy's matmul (C = A @ B, square n x n doubles) on 1 and 2 threads: the reference for
nn-bench's MatMulBenchmark.

numpy hands matmul to its BLAS (OpenBLAS in the pip wheels). The BLAS reads its thread count from the
environment once, when numpy is imported, so each thread count is measured in a fresh Python process
started with OPENBLAS_NUM_THREADS (and its siblings) set.

Timing follows the JMH run it is compared with: warm up for about --warmup seconds, then --iterations
iterations of about --seconds each; an iteration's score is its average time per multiplication, and
the reported score is the mean over iterations (JMH's "avgt"). GFLOPS = 2 n^3 / time.

    python3 nn-bench/scripts/matmul_numpy.py --out matmul-numpy.json

prints a table and, with --out, writes the scores as JSON for matmul_table.py.
"""

import argparse
import json
import sys

from bench_common import add_timing_options, run_child, time_like_jmh, timing_arguments

SIZES = [64, 128, 256, 512, 1024]


def measure(sizes, warmup, iterations, seconds):
    """Runs in the child process: returns [{n, us_per_op, iterations}] for this process's thread count."""
    import numpy as np

    results = []
    rng = np.random.default_rng(42)
    for n in sizes:
        a = rng.uniform(-1, 1, (n, n))
        b = rng.uniform(-1, 1, (n, n))
        c = np.empty((n, n))
        scores = time_like_jmh(lambda: np.matmul(a, b, out=c), warmup, iterations, seconds)
        results.append({"n": n, "us_per_op": sum(scores) / len(scores), "iterations_us": scores})
    return results


def blas_description():
    import numpy as np

    config = np.show_config(mode="dicts")
    blas = config.get("Build Dependencies", {}).get("blas", {})
    return "numpy {} / {} {}".format(np.__version__, blas.get("name", "?"), blas.get("version", "?"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    add_timing_options(parser, warmup=2.0, iterations=3, per="size")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        json.dump(measure(args.sizes, args.warmup, args.iterations, args.seconds), sys.stdout)
        return

    rows = []
    for threads in args.threads:
        for result in run_child(__file__, threads, ["--sizes", *map(str, args.sizes), *timing_arguments(args)]):
            result["threads"] = threads
            result["gflops"] = 2.0 * result["n"] ** 3 / (result["us_per_op"] * 1e3)
            rows.append(result)

    print(blas_description())
    print("{:>8} {:>6} {:>12} {:>8}".format("threads", "n", "us/op", "GFLOPS"))
    for row in rows:
        print("{:>8} {:>6} {:>12.1f} {:>8.1f}".format(row["threads"], row["n"], row["us_per_op"], row["gflops"]))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"blas": blas_description(), "results": rows}, f, indent=1)


if __name__ == "__main__":
    main()
