#!/usr/bin/env python3
"""Turns a Java Flight Recording of a training loop into a per-op profile: each execution sample (Java
and native) is charged to the op that was running — the autograd Function's forward or backward
(e.g. Tanh.backward) and the outermost Tensor method under it (e.g. Tensor.mul) — and the table lists
the share of samples per op, largest first.

    java --add-modules jdk.incubator.vector -XX:StartFlightRecording=delay=20s,duration=25s,filename=step.jfr,settings=profile \\
        -cp nn-bench/target/benchmarks.jar gradschool.bench.MakemoreLosses --loop 45
    python3 nn-bench/scripts/jfr_ops.py step.jfr [--top 25]
"""

import argparse
import collections
import re
import subprocess

FRAME = re.compile(r"^\s+([\w.$]+)\.([\w$<>]+)\(")


def samples(path):
    """Yields each sample's stack as a list of (class, method), innermost first."""
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample", path],
                          check=True, capture_output=True, text=True).stdout
    stack, inside = [], False
    for line in text.splitlines():
        if "stackTrace = [" in line:
            stack, inside = [], True
        elif inside and line.strip() == "]":
            inside = False
            yield stack
        elif inside:
            match = FRAME.match(line)
            if match:
                stack.append((match.group(1), match.group(2)))


def short(name):
    return name.rsplit(".", 1)[-1]


def op_of(stack):
    """The op a stack belongs to: 'Function.forward/backward: Tensor.method', or the first gradschool frame."""
    function = next((short(c) + "." + m for c, m in stack
                     if c.startswith("gradschool.autograd.functions.") and m in ("forward", "backward")), None)
    tensor = None
    for i, (c, m) in enumerate(stack):
        if c == "gradschool.core.Tensor":
            tensor = m
            for c2, m2 in stack[i + 1:]:           # the outermost Tensor method of this run of frames
                if c2 != "gradschool.core.Tensor":
                    break
                tensor = m2
            break
    if function or tensor:
        return "{}: Tensor.{}".format(function or "(no Function)", tensor or "?")
    first = next((short(c) + "." + m for c, m in stack if c.startswith("gradschool.")), None)
    return first or (short(stack[0][0]) + "." + stack[0][1] if stack else "?")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    counts = collections.Counter(op_of(stack) for stack in samples(args.recording))
    total = sum(counts.values())
    print("{} samples".format(total))
    print("| op | share of samples |")
    print("|---|---|")
    for op, count in counts.most_common(args.top):
        print("| {} | {:.1f}% |".format(op, 100 * count / total))


if __name__ == "__main__":
    main()
