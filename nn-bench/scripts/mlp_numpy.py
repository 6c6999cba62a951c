#!/usr/bin/env python3
"""Times one training step of the 784 -> 128 -> 64 -> 10 ReLU network with softmax cross-entropy and
Adam, written from scratch in numpy (float64): the reference for nn-bench's MlpStepBenchmark.

The style is the seed notebooks': weights of shape (out, in), Z = X @ W.T + b, a hand-written backward
pass, Adam with the paper's names. Two Adams, timed separately and labelled in the output:

  in-place   (the fair reference, the headline figure) updates m, v and p through out= buffers: no
             temporaries, as a numpy user who cared about speed would write it;
  notebook   the notebook's m_hat = m / (1 - beta1**t) ... style, which makes about ten full-size
             temporaries per parameter per step (most of its step time at batch 64).

Both compute the same numbers: --check runs N steps with each from the same weights and exits 1 unless
every parameter agrees to 1e-15 (they agree bit for bit: the in-place one does the same operations in
the same order). One step = forward, loss, backward, Adam update - what
MlpStepBenchmark.step and Trainer do per batch. Inputs are uniform in [0, 1) and labels uniform in
0..9 from a fixed seed (the time does not depend on the values).

numpy hands the matmuls to its BLAS (OpenBLAS in the pip wheels), which reads its thread count from the
environment when numpy is imported, so each thread count runs in a fresh Python process with
OPENBLAS_NUM_THREADS (and its siblings) set; "default" leaves the environment alone (OpenBLAS then
uses every core: 2 here). Timing follows JMH: warm up for about --warmup seconds, then --iterations
iterations of about --seconds each; an iteration's score is its average time per step; the score is
the mean over iterations.

    python3 nn-bench/scripts/mlp_numpy.py --out mlp-numpy.json
    python3 nn-bench/scripts/mlp_numpy.py --check
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
    """Adam (Kingma and Ba, 2015) the notebook way: m, v running moments; bias-corrected mHat, vHat."""

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


class InPlaceAdam(Adam):
    """The same Adam with every array operation writing into a buffer (out=): no temporaries. The
    operations and their order are the notebook's, so the numbers are the same to the last bit."""

    def __init__(self, np, params, **kwargs):
        super().__init__(np, params, **kwargs)
        self.buffer = [np.empty_like(p) for p in params]
        self.step_buffer = [np.empty_like(p) for p in params]

    def step(self, grads):
        np = self.np
        self.t += 1
        bias1 = 1 - self.beta1 ** self.t
        bias2 = 1 - self.beta2 ** self.t
        for p, g, m, v, tmp, delta in zip(self.params, grads, self.m, self.v, self.buffer, self.step_buffer):
            m *= self.beta1
            np.multiply(g, 1 - self.beta1, out=tmp)
            m += tmp                                   # m = beta1*m + (1 - beta1)*g
            v *= self.beta2
            np.multiply(g, 1 - self.beta2, out=tmp)
            tmp *= g
            v += tmp                                   # v = beta2*v + (1 - beta2)*g*g
            np.divide(v, bias2, out=tmp)
            np.sqrt(tmp, out=tmp)
            tmp += self.eps                            # sqrt(v_hat) + eps
            np.divide(m, bias1, out=delta)
            np.multiply(delta, self.lr, out=delta)     # lr * m_hat (the notebook's self.lr * m_hat)
            delta /= tmp
            p -= delta


ADAMS = {"in-place": InPlaceAdam, "notebook": Adam}


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


def measure(batches, adams, warmup, iterations, seconds):
    """Runs in the child process: returns [{batch, adam, us_per_step, iterations_us}]."""
    import numpy as np

    results = []
    for batch in batches:
        for adam_name in adams:
            rng = np.random.default_rng(42)
            params = make_network(np, rng)
            adam = ADAMS[adam_name](np, params)
            X = rng.uniform(0, 1, (batch, WIDTHS[0]))
            y_onehot = np.eye(WIDTHS[-1])[rng.integers(0, WIDTHS[-1], batch)]
            scores = time_like_jmh(lambda: train_step(np, params, adam, X, y_onehot), warmup, iterations, seconds)
            results.append({"batch": batch, "adam": adam_name, "us_per_step": sum(scores) / len(scores),
                            "iterations_us": scores})
    return results


def check(steps, tolerance=1e-15):
    """Trains N steps with each Adam from the same weights and data; returns the largest difference."""
    import numpy as np

    finals = {}
    for adam_name in ADAMS:
        rng = np.random.default_rng(7)
        params = make_network(np, rng)
        adam = ADAMS[adam_name](np, params)
        X = rng.uniform(0, 1, (64, WIDTHS[0]))
        y_onehot = np.eye(WIDTHS[-1])[rng.integers(0, WIDTHS[-1], 64)]
        for _ in range(steps):
            train_step(np, params, adam, X, y_onehot)
        finals[adam_name] = params
    worst = max(float(np.max(np.abs(a - b))) for a, b in zip(finals["in-place"], finals["notebook"]))
    print("in-place vs notebook Adam after {} steps: largest parameter difference {:.1e} ({} to {:.0e})".format(
        steps, worst, "same" if worst <= tolerance else "DIFFERENT", tolerance))
    return worst <= tolerance


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", nargs="+", default=["1", "default"], help="1, 2, ... or default")
    parser.add_argument("--batches", type=int, nargs="+", default=BATCHES)
    parser.add_argument("--adams", nargs="+", default=list(ADAMS), choices=list(ADAMS),
                        help="which Adam(s) to time: in-place (the fair reference) and/or notebook")
    parser.add_argument("--check", type=int, nargs="?", const=20, metavar="STEPS",
                        help="check that both Adams give the same parameters after STEPS steps (20)")
    add_timing_options(parser, warmup=3.0, iterations=5, per="batch size")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.check:
        sys.exit(0 if check(args.check) else 1)
    if args.child:
        json.dump(measure(args.batches, args.adams, args.warmup, args.iterations, args.seconds), sys.stdout)
        return

    rows = []
    for threads in args.threads:
        for result in run_child(__file__, threads, ["--batches", *map(str, args.batches), "--adams", *args.adams,
                                                    *timing_arguments(args)]):
            result["threads"] = threads
            rows.append(result)

    import numpy as np
    print("numpy", np.__version__)
    print("{:>8} {:>6} {:>24} {:>10}".format("threads", "batch", "Adam", "ms/step"))
    for row in rows:
        label = "in-place (fair)" if row["adam"] == "in-place" else "notebook-style"
        print("{:>8} {:>6} {:>24} {:>10.3f}".format(row["threads"], row["batch"], label, row["us_per_step"] / 1e3))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"numpy": np.__version__, "results": rows}, f, indent=1)


if __name__ == "__main__":
    main()
