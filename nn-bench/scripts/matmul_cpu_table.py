#!/usr/bin/env python3
"""Tables from rounds of run_matmul_cpu_rounds.sh: each argument is one round's output, lines
"CONFIG KERNEL SHAPE median_us X min_us Y batches Z". Ratios are taken within a round, then the median
over rounds is printed with the lowest and highest round in brackets.

    python3 nn-bench/scripts/matmul_cpu_table.py nn-bench/target/matmul-cpu/round-*.txt
"""

import statistics
import sys
from collections import defaultdict


def read(paths):
    data = defaultdict(lambda: defaultdict(dict))   # data[config][shape][round] = CPU µs per product
    for round_number, path in enumerate(paths):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 5 and parts[3] == "median_us":
                    data[parts[0]][parts[2]][round_number] = float(parts[4])
    return data


def cell(values, digits=2):
    if not values:
        return "–"
    return "{:.{d}f} ({:.{d}f}–{:.{d}f})".format(statistics.median(values), min(values), max(values), d=digits)


def ratios(data, top, bottom, shape):
    return [data[top][shape][r] / data[bottom][shape][r] for r in data[top][shape] if r in data[bottom][shape]]


def main():
    data = read(sys.argv[1:])
    squares = [s for s in data["numpy"] if s in data["after"]]
    small = [s for s in data["numpy"] if s in data["front"]]
    java = [c for c in ("before", "after") if c in data]
    print("One thread, square A·B: speed relative to numpy (numpy's CPU time / Java's), {} rounds".format(len(sys.argv) - 1))
    print("| n | numpy GFLOPS | " + " | ".join(java) + " | after / before (speed-up) |")
    print("|---" * (len(java) + 3) + "|")
    for s in squares:
        n = int(s.split("_")[0])
        gflops = 2 * n ** 3 / statistics.median(data["numpy"][s].values()) / 1e3
        print("| {} | {:.1f} | {} | {} |".format(n, gflops, " | ".join(cell(ratios(data, "numpy", c, s)) for c in java),
                                                cell(ratios(data, "before", "after", s)) if "before" in data else "–"))
    print()
    print("Small products through the front method: CPU µs per product (medians over rounds), ratios within rounds")
    configs = [c for c in ("before", "packed", "front") if c in data]
    print("| m_k_n_form | numpy | " + " | ".join(configs) + " | front / numpy | front / before | front / packed |")
    print("|---" * (len(configs) + 5) + "|")
    for s in small:
        print("| {} | {} | {} | {} | {} | {} |".format(
            s, cell(list(data["numpy"][s].values()), 1), " | ".join(cell(list(data[c][s].values()), 1) for c in configs),
            cell(ratios(data, "front", "numpy", s)), cell(ratios(data, "front", "before", s)) if "before" in data else "–",
            cell(ratios(data, "front", "packed", s))))


if __name__ == "__main__":
    main()
