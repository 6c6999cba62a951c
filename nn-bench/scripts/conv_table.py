#!/usr/bin/env python3
"""Prints the convolution tables for nn-bench/results/convolution.md from rounds of ConvolutionBenchmark
(JMH -rf json) and conv_numpy.py (--out) results, given as pairs:

    python3 nn-bench/scripts/conv_table.py jmh1.json numpy1.json jmh2.json numpy2.json ...

Each JMH score is the median of its measured iterations; each ratio is taken within one round, and the
table shows the median over rounds with the lowest and highest round in brackets.
GFLOPS = 6·N·Cout·Cin·k²·Hout·Wout / time (forward + the two backward products).
"""

import json
import statistics
import sys

from conv_numpy import flops


def rounds(paths):
    for jmh_path, numpy_path in zip(paths[0::2], paths[1::2]):
        jmh = {}
        for result in json.load(open(jmh_path)):
            name = result["benchmark"].split(".")[-1]
            raw = [x for fork in result["primaryMetric"]["rawData"] for x in fork]
            jmh[(name, result["params"]["shape"])] = statistics.median(raw)
        numpy = {(r["threads"], r["shape"]): statistics.median(r["iterations_us"])
                 for r in json.load(open(numpy_path))["results"]}
        yield jmh, numpy


def summary(values):
    return "{:.2f} ({:.2f}–{:.2f})".format(statistics.median(values), min(values), max(values))


def main():
    data = list(rounds(sys.argv[1:]))
    shapes = sorted({shape for jmh, _ in data for (_, shape) in jmh}, key=flops)
    threads = sorted({t for _, numpy in data for (t, _) in numpy})
    print("| shape N_Cin_Cout_H_k_pad | GFLOP/pass | gradschool conv ms | matmul kernel ms | "
          + " | ".join("numpy {}T ms".format(t) for t in threads) + " |")
    print("|---" * (4 + len(threads)) + "|")
    for shape in shapes:
        cells = [summary([jmh[("conv2dForwardBackward", shape)] / 1e3 for jmh, _ in data]),
                 summary([jmh[("matmulKernel", shape)] / 1e3 for jmh, _ in data])]
        cells += [summary([numpy[(t, shape)] / 1e3 for _, numpy in data]) for t in threads]
        print("| {} | {:.3f} | {} |".format(shape, flops(shape) / 1e9, " | ".join(cells)))
    print()
    print("| shape | conv GFLOPS | matmul GFLOPS | conv / matmul GFLOPS | "
          + " | ".join("gradschool time / numpy {}T time".format(t) for t in threads) + " |")
    print("|---" * (4 + len(threads)) + "|")
    for shape in shapes:
        conv = [jmh[("conv2dForwardBackward", shape)] for jmh, _ in data]
        kernel = [jmh[("matmulKernel", shape)] for jmh, _ in data]
        cells = [summary([flops(shape) / (c * 1e3) for c in conv]),
                 summary([flops(shape) / (k * 1e3) for k in kernel]),
                 summary([k / c for c, k in zip(conv, kernel)])]
        cells += [summary([jmh[("conv2dForwardBackward", shape)] / numpy[(t, shape)] for jmh, numpy in data])
                  for t in threads]
        print("| {} | {} |".format(shape, " | ".join(cells)))


if __name__ == "__main__":
    main()
