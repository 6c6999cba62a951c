#!/usr/bin/env python3
"""Times a chain of scalar operations through a minimal micrograd-style engine in pure Python: the
reference for nn-bench's AutogradChainBenchmark.

The engine below is written here in the spirit of karpathy/micrograd's engine.py (a Value holds data,
grad, a _backward closure and its parents; backward() sorts the graph topologically and runs the
closures in reverse), reduced to the two operations the chain needs. The topological sort is
iterative (a recursive one overflows Python's stack on a 10,000-node chain).

The chain: x <- x*a + b, STEPS times (2*STEPS nodes), then x.backward(), gradients to x0, a and b.
Timing follows JMH: warm up for about --warmup seconds, then --iterations iterations of about
--seconds each; an iteration's score is its average time per chain; the score is the mean.

    python3 nn-bench/scripts/scalar_chain_python.py --out chain-python.json
    python3 nn-bench/scripts/scalar_chain_python.py --cpu-time   # CPU time of this process, not wall time

--cpu-time is the counterpart of gradschool.bench.AutogradChainCpuTime: on a machine shared with other
work, the CPU time a process got is what its code cost, while its wall time includes waiting for a core.
"""

import argparse
import json
import platform
import sys
import time

from bench_common import add_timing_options, time_like_jmh

STEPS = 5000  # keep equal to AutogradChainBenchmark.STEPS


class Value:
    """A scalar with a gradient and the recipe to pass its gradient on to its parents."""

    __slots__ = ("data", "grad", "_backward", "_prev", "_op")

    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = _children  # a tuple: ordered, unlike micrograd's set
        self._op = _op

    def __add__(self, other):
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad   # d(a+b)/da = 1
            other.grad += out.grad  # d(a+b)/db = 1
        out._backward = _backward
        return out

    def __mul__(self, other):
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad  # d(ab)/da = b
            other.grad += self.data * out.grad  # d(ab)/db = a
        out._backward = _backward
        return out

    def backward(self):
        # Topological order by an iterative depth-first search: a node comes after all its parents.
        order, visited = [], set()
        stack = [(self, False)]
        while stack:
            node, parents_done = stack.pop()
            if parents_done:
                order.append(node)
                continue
            if node in visited:
                continue
            visited.add(node)
            stack.append((node, True))
            for parent in node._prev:
                if parent not in visited:
                    stack.append((parent, False))
        # Seed dL/dL = 1 and apply the chain rule from the output back to the leaves.
        self.grad = 1.0
        for node in reversed(order):
            node._backward()


def chain():
    x0, a, b = Value(0.5), Value(0.999), Value(0.001)
    x = x0
    for _ in range(STEPS):
        x = x * a + b
    x.backward()
    return a.grad + b.grad + x0.grad


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_timing_options(parser, warmup=3.0, iterations=5, per="run")
    parser.add_argument("--cpu-time", action="store_true", help="time with the process's CPU time, not wall time")
    args = parser.parse_args()
    clock = time.process_time if args.cpu_time else time.perf_counter
    scores = time_like_jmh(chain, args.warmup, args.iterations, args.seconds, clock)
    us_per_chain = sum(scores) / len(scores)
    result = {"python": "{} {}".format(platform.python_implementation(), platform.python_version()),
              "clock": "process CPU time" if args.cpu_time else "wall time",
              "steps": STEPS, "nodes": 2 * STEPS, "us_per_chain": us_per_chain,
              "ns_per_node": us_per_chain * 1e3 / (2 * STEPS), "iterations_us": scores}
    print("{}: {:.0f} us per chain of {} nodes = {:.0f} ns per node".format(
        result["python"], us_per_chain, 2 * STEPS, result["ns_per_node"]))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
