#!/usr/bin/env python3
"""numpy's side of MatMulCpuTimeHarness: one-thread matmul timed by the CPU time of the calling thread.

On a shared machine under heavy load the wall clock measures mostly waiting for a core; the thread's CPU
time counts only the time it ran. With OPENBLAS_NUM_THREADS=1 (set here before numpy is imported)
OpenBLAS computes on the calling thread, so time.thread_time_ns() covers its work.

    python3 nn-bench/scripts/matmul_cpu_numpy.py 2 128_128_128_AB 256_256_256_AB 32_200_27_AB

Arguments: measuring seconds per shape, then shapes m_k_n_form (AB, AtB: A is a transposed view, ABt: B
is a transposed view). Per shape: warm-up for the same seconds, then batches of at least 20 ms CPU time;
prints the median and the lowest batch's CPU microseconds per call, as the Java harness does.
"""

import os
import sys

for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[name] = "1"

import time  # noqa: E402

import numpy as np  # noqa: E402


def operands(shape, rng):
    m, k, n, form = shape.split("_")
    m, k, n = int(m), int(k), int(n)
    a = rng.uniform(-1, 1, (k, m)).T if form == "AtB" else rng.uniform(-1, 1, (m, k))
    b = rng.uniform(-1, 1, (n, k)).T if form == "ABt" else rng.uniform(-1, 1, (k, n))
    return a, b, np.empty((m, n))


def run(operation, seconds):
    per_call = []
    end = time.thread_time_ns() + seconds * 1e9
    while time.thread_time_ns() < end:
        start = time.thread_time_ns()
        calls = 0
        while True:
            operation()
            calls += 1
            now = time.thread_time_ns()
            if now - start >= 20_000_000:
                break
        per_call.append((now - start) / 1e3 / calls)
    return sorted(per_call)


def main():
    seconds = float(sys.argv[1])
    rng = np.random.default_rng(42)
    for shape in sys.argv[2:]:
        a, b, c = operands(shape, rng)
        operation = lambda: np.matmul(a, b, out=c)  # noqa: E731
        run(operation, seconds)
        per_call = run(operation, seconds)
        print("numpy {} median_us {:.3f} min_us {:.3f} batches {}".format(
            shape, per_call[len(per_call) // 2], per_call[0], len(per_call)))


if __name__ == "__main__":
    main()
