#!/usr/bin/env python3
"""The makemore MLP training step in numpy (float64) with the backward pass written by hand: the fair
"fast numpy" reference for nn-bench's MakemoreStepBenchmark.

The network is the one of Karpathy's makemore lessons (Bengio et al. 2003): a character embedding C
(27x10), 3 characters of context joined into 30 numbers, a tanh layer of 200 units, 27 logits, softmax
cross-entropy over a batch of 32, plain SGD. The backward pass is written out as in "Becoming a
backprop ninja": no autograd, each gradient a line of numpy.

Two jobs:

  --check   writes weights and one batch to an .npz file, runs the same steps in gradschool
            (gradschool.bench.MakemoreLosses, from the benchmarks jar) and compares the losses after
            1, 2 and 10 steps with numpy's; exits 1 if they differ by more than --tolerance.
  (timing)  times the step like JMH's avgt mode in a fresh process with OPENBLAS_NUM_THREADS=1
            (and its siblings), and prints ms per step; --out writes JSON.

    python3 nn-bench/scripts/makemore_numpy.py --check --jar nn-bench/target/benchmarks.jar
    python3 nn-bench/scripts/makemore_numpy.py --out makemore-numpy.json
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

from bench_common import add_timing_options, run_child, time_like_jmh, timing_arguments

VOCABULARY, EMBEDDING, CONTEXT, HIDDEN, BATCH = 27, 10, 3, 200, 32
LEARNING_RATE = 0.1


def make_weights(np, seed):
    """Weights initialised as in makemore part 3, and one batch of context characters and targets."""
    rng = np.random.default_rng(seed)
    return {
        "C": rng.standard_normal((VOCABULARY, EMBEDDING)),
        "W1": rng.standard_normal((CONTEXT * EMBEDDING, HIDDEN)) * (5 / 3) / (CONTEXT * EMBEDDING) ** 0.5,
        "b1": rng.standard_normal(HIDDEN) * 0.01,
        "W2": rng.standard_normal((HIDDEN, VOCABULARY)) * 0.01,
        "b2": np.zeros(VOCABULARY),
        "X": rng.integers(0, VOCABULARY, (BATCH, CONTEXT)).astype(np.float64),
        "Y": rng.integers(0, VOCABULARY, BATCH).astype(np.float64),
    }


class MakemoreStep:
    """One training step; the parameters are updated in place."""

    def __init__(self, np, weights, lr=LEARNING_RATE):
        self.np = np
        self.params = [weights[k].copy() for k in ("C", "W1", "b1", "W2", "b2")]
        self.X = weights["X"].astype(np.int64)
        self.Y = weights["Y"].astype(np.int64)
        self.rows = np.arange(BATCH)
        self.lr = lr

    def step(self):
        np = self.np
        C, W1, b1, W2, b2 = self.params
        X, Y, n = self.X, self.Y, BATCH
        # forward
        emb = C[X]                                   # (32, 3, 10)
        embcat = emb.reshape(n, -1)                  # (32, 30)
        h = np.tanh(embcat @ W1 + b1)                # (32, 200)
        logits = h @ W2 + b2                         # (32, 27)
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        sums = e.sum(axis=1, keepdims=True)
        loss = -(shifted[self.rows, Y] - np.log(sums[:, 0])).mean()
        # backward
        dlogits = e / sums                           # softmax
        dlogits[self.rows, Y] -= 1
        dlogits /= n
        dh = dlogits @ W2.T
        dW2 = h.T @ dlogits
        db2 = dlogits.sum(axis=0)
        dhpre = (1.0 - h * h) * dh
        dembcat = dhpre @ W1.T
        dW1 = embcat.T @ dhpre
        db1 = dhpre.sum(axis=0)
        dC = np.zeros_like(C)
        np.add.at(dC, X, dembcat.reshape(emb.shape))
        # SGD, in place
        for p, g in zip(self.params, (dC, dW1, db1, dW2, db2)):
            p -= self.lr * g
        return float(loss)


def check(np, args):
    """Writes the weights, runs gradschool on them, compares the losses; returns the process's exit code."""
    weights = make_weights(np, args.seed)
    ours = MakemoreStep(np, weights)
    numpy_losses = [ours.step() for _ in range(args.steps)]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "makemore-weights.npz")
        np.savez(path, **weights)
        command = [args.java, "-cp", args.jar, "gradschool.bench.MakemoreLosses", path, str(args.steps),
                   repr(LEARNING_RATE)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    java_losses = [float(line) for line in output.split()]
    worst = 0.0
    print("{:>5} {:>22} {:>22} {:>10}".format("step", "numpy", "gradschool", "|diff|"))
    for step in sorted({1, 2, args.steps}):
        a, b = numpy_losses[step - 1], java_losses[step - 1]
        worst = max(worst, abs(a - b))
        print("{:>5} {:>22} {:>22} {:>10.1e}".format(step, repr(a), repr(b), abs(a - b)))
    worst_all = max(abs(a - b) for a, b in zip(numpy_losses, java_losses))
    verdict = "same" if worst_all <= args.tolerance else "DIFFERENT"
    print("largest difference over all {} steps: {:.1e} ({} to {:.0e})".format(
        args.steps, worst_all, verdict, args.tolerance))
    return 0 if worst_all <= args.tolerance else 1


def measure(warmup, iterations, seconds):
    """Runs in the child process: returns {us_per_step, iterations_us}."""
    import numpy as np

    step = MakemoreStep(np, make_weights(np, 1))
    scores = time_like_jmh(step.step, warmup, iterations, seconds)
    return {"us_per_step": sum(scores) / len(scores), "iterations_us": scores}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare the losses with gradschool's")
    parser.add_argument("--jar", default="nn-bench/target/benchmarks.jar")
    parser.add_argument("--java", default="java")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2147483647)
    parser.add_argument("--tolerance", type=float, default=1e-15)
    add_timing_options(parser, warmup=2.0, iterations=5, per="run")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    import numpy as np
    if args.check:
        sys.exit(check(np, args))
    if args.child:
        json.dump(measure(args.warmup, args.iterations, args.seconds), sys.stdout)
        return
    result = run_child(__file__, 1, timing_arguments(args))
    print("numpy", np.__version__, "one thread: {:.3f} ms per step".format(result["us_per_step"] / 1e3))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"numpy": np.__version__, "threads": 1, **result}, f, indent=1)


if __name__ == "__main__":
    main()
