#!/usr/bin/env python3
"""Times a numpy conv2d forward and backward pass written the way a student writes it, the reference for
nn-bench's ConvolutionBenchmark: im2col with numpy.lib.stride_tricks.sliding_window_view, then tensordot.

    y  = tensordot(windows(pad(x)), w)                      forward, (N, Cout, Ho, Wo)
    dW = tensordot(g, windows(pad(x)))                      weight gradient
    dX = tensordot(windows(pad(g, k-1-p)), flip(w))         input gradient: the full convolution of the
                                                            output gradient with the flipped kernel

Stride 1, dilation 1, no bias, doubles. One pass is 6·N·Cout·Cin·k²·Ho·Wo floating-point operations (three
products of 2·N·Cout·Cin·k²·Ho·Wo each), the count ConvolutionBenchmark uses.

Threads are pinned as matmul_numpy.py does: each thread count runs in a fresh Python process with
OPENBLAS_NUM_THREADS (and its siblings) set; the default is 1 thread. Timing is bench_common's
time_like_jmh (warm-up, then --iterations iterations of about --seconds each).

    python3 nn-bench/scripts/conv_numpy.py --out conv-numpy.json
"""

import argparse
import json
import sys

from bench_common import add_timing_options, run_child, time_like_jmh, timing_arguments

# (N, Cin, Cout, H=W, k, padding), the same names as ConvolutionBenchmark's @Param.
SHAPES = ["64_1_6_28_5_2", "64_6_16_14_5_0", "32_64_64_16_3_1"]


def conv_forward_backward(np, x, w, g, p):
    """Returns (y, dX, dW) for the stride-1 cross-correlation y = conv2d(x, w, padding p) and seed g."""
    from numpy.lib.stride_tricks import sliding_window_view

    k = w.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    windows = sliding_window_view(xp, (k, k), axis=(2, 3))                  # (N, Cin, Ho, Wo, k, k)
    y = np.tensordot(windows, w, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2)   # (N, Cout, Ho, Wo)
    dw = np.tensordot(g, windows, axes=([0, 2, 3], [0, 2, 3]))              # (Cout, Cin, k, k)
    q = k - 1 - p
    gp = np.pad(g, ((0, 0), (0, 0), (q, q), (q, q)))
    gwindows = sliding_window_view(gp, (k, k), axis=(2, 3))                 # (N, Cout, H, W, k, k)
    dx = np.tensordot(gwindows, w[:, :, ::-1, ::-1], axes=([1, 4, 5], [0, 2, 3])).transpose(0, 3, 1, 2)
    return y, dx, dw


def parse(shape):
    n, cin, cout, size, k, p = map(int, shape.split("_"))
    return n, cin, cout, size, k, p


def flops(shape):
    n, cin, cout, size, k, p = parse(shape)
    out = size + 2 * p - k + 1
    return 6.0 * n * cout * cin * k * k * out * out


def measure(shapes, warmup, iterations, seconds):
    """Runs in the child process: returns [{shape, us_per_op, iterations_us}]."""
    import numpy as np

    rng = np.random.default_rng(42)
    results = []
    for shape in shapes:
        n, cin, cout, size, k, p = parse(shape)
        out = size + 2 * p - k + 1
        x = rng.standard_normal((n, cin, size, size))
        w = rng.standard_normal((cout, cin, k, k))
        g = rng.standard_normal((n, cout, out, out))
        y, dx, dw = conv_forward_backward(np, x, w, g, p)
        # The three products of a bilinear map agree: <y, g> = <x, dX> = <w, dW>.
        check = [float(np.vdot(y, g)), float(np.vdot(x, dx)), float(np.vdot(w, dw))]
        if not np.allclose(check, check[0], rtol=1e-9):
            raise AssertionError("conv_numpy: gradients disagree for {}: {}".format(shape, check))
        scores = time_like_jmh(lambda: conv_forward_backward(np, x, w, g, p), warmup, iterations, seconds)
        results.append({"shape": shape, "us_per_op": sum(scores) / len(scores), "iterations_us": scores})
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, nargs="+", default=[1])
    parser.add_argument("--shapes", nargs="+", default=SHAPES)
    add_timing_options(parser, warmup=2.0, iterations=3, per="shape")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        json.dump(measure(args.shapes, args.warmup, args.iterations, args.seconds), sys.stdout)
        return

    rows = []
    for threads in args.threads:
        for result in run_child(__file__, threads, ["--shapes", *args.shapes, *timing_arguments(args)]):
            result["threads"] = threads
            result["gflops"] = flops(result["shape"]) / (result["us_per_op"] * 1e3)
            rows.append(result)

    print("{:>8} {:>18} {:>12} {:>8}".format("threads", "shape", "us/op", "GFLOPS"))
    for row in rows:
        print("{:>8} {:>18} {:>12.1f} {:>8.2f}".format(row["threads"], row["shape"], row["us_per_op"], row["gflops"]))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"results": rows}, f, indent=1)


if __name__ == "__main__":
    main()
