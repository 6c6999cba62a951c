#!/usr/bin/env python3
"""Times one training step of the 784 -> 128 -> 64 -> 10 ReLU network with softmax cross-entropy and
Adam, written from scratch in numpy (float64): the reference for nn-bench's MlpStepBenchmark.

The style is the seed notebooks': weights of shape (out, in), Z = X @ W.T + b, a hand-written backward
pass, Adam with the paper's names. One step = forward, loss, backward, Adam update - what
MlpStepBenchmark.step and Trainer do per batch. Inputs are uniform in [0, 1) and labels uniform in
0..9 from a fixed seed (the time does not depend on the values).

numpy hands the matmuls to its BLAS (OpenBLAS in the pip wheels), which reads its thread count from the
environment when numpy is imported, so each thread count runs in a fresh Python process with
OPENBLAS_NUM_THREADS (and its siblings) set; "default" leaves the environment alone (OpenBLAS then
uses every core: 2 here). Timing follows JMH: warm up for about --warmup seconds, then --iterations
iterations of about --seconds each; an iteration's score is its average time per step; the score is
the mean over iterations.

    python3 nn-bench/scripts/mlp_numpy.py --out mlp-numpy.json
"""

import argparse
import json
import sys

from bench_common import add_timing_options, run_child, time_like_jmh, timing_arguments

BATCHES = [64, 256]
WIDTHS = [784, 128, 64, 10]


def make_network(np, rng):
    """Weights (out, in) and biases (out,), uniform in +-1/sqrt(in) like PyTorch's nn.Linear."""
    params = []
    for fan_in, fan_out in zip(WIDTHS[:-1], WIDTHS[1:]):
        bound = 1.0 / np.sqrt(fan_in)
        params.append(rng.uniform(-bound, bound, (fan_out, fan_in)))
        params.append(rng.uniform(-bound, bound, fan_out))
    return params


class Adam:
    """Adam (Kingma and Ba, 2015): m, v running moments; bias-corrected mHat, vHat."""

    def __init__(self, np, params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.np, self.params = np, params
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.t = 0

    def step(self, grads):
        np = self.np
        self.t += 1
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * g * g
            m_hat = m / (1 - self.beta1 ** self.t)
            v_hat = v / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


def train_step(np, params, adam, X, y_onehot):
    W1, b1, W2, b2, W3, b3 = params
    n = X.shape[0]
    # forward
    Z1 = X @ W1.T + b1
    H1 = np.maximum(Z1, 0)
    Z2 = H1 @ W2.T + b2
    H2 = np.maximum(Z2, 0)
    logits = H2 @ W3.T + b3
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -(y_onehot * log_probs).sum() / n
    # backward
    dlogits = (np.exp(log_probs) - y_onehot) / n
    dW3 = dlogits.T @ H2
    db3 = dlogits.sum(axis=0)
    dZ2 = (dlogits @ W3) * (Z2 > 0)
    dW2 = dZ2.T @ H1
    db2 = dZ2.sum(axis=0)
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    dW1 = dZ1.T @ X
    db1 = dZ1.sum(axis=0)
    adam.step([dW1, db1, dW2, db2, dW3, db3])
    return loss


def measure(batches, warmup, iterations, seconds):
    """Runs in the child process: returns [{batch, us_per_step, iterations_us}]."""
    import numpy as np

    results = []
    for batch in batches:
        rng = np.random.default_rng(42)
        params = make_network(np, rng)
        adam = Adam(np, params)
        X = rng.uniform(0, 1, (batch, WIDTHS[0]))
        y_onehot = np.eye(WIDTHS[-1])[rng.integers(0, WIDTHS[-1], batch)]
        scores = time_like_jmh(lambda: train_step(np, params, adam, X, y_onehot), warmup, iterations, seconds)
        results.append({"batch": batch, "us_per_step": sum(scores) / len(scores), "iterations_us": scores})
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", nargs="+", default=["1", "default"], help="1, 2, ... or default")
    parser.add_argument("--batches", type=int, nargs="+", default=BATCHES)
    add_timing_options(parser, warmup=3.0, iterations=5, per="batch size")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        json.dump(measure(args.batches, args.warmup, args.iterations, args.seconds), sys.stdout)
        return

    rows = []
    for threads in args.threads:
        for result in run_child(__file__, threads, ["--batches", *map(str, args.batches), *timing_arguments(args)]):
            result["threads"] = threads
            rows.append(result)

    import numpy as np
    print("numpy", np.__version__)
    print("{:>8} {:>6} {:>12}".format("threads", "batch", "ms/step"))
    for row in rows:
        print("{:>8} {:>6} {:>12.3f}".format(row["threads"], row["batch"], row["us_per_step"] / 1e3))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"numpy": np.__version__, "results": rows}, f, indent=1)


if __name__ == "__main__":
    main()
