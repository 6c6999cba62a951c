"""What the nn-bench scripts share: JMH-style timing, one child process per BLAS thread count, and the
reading and formatting of rounds for the result tables.

The scripts import it as a sibling module (python3 puts a script's own folder on sys.path):

    from bench_common import time_like_jmh
"""

import json
import os
import statistics
import subprocess
import sys
import time

# The variables the BLAS builds numpy may use read their thread count from, once, at import time.
THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def add_timing_options(parser, warmup, iterations, per):
    """Adds --warmup (seconds per `per`), --iterations, --seconds (per measured iteration) and --out."""
    parser.add_argument("--warmup", type=float, default=warmup, help="warm-up seconds per " + per)
    parser.add_argument("--iterations", type=int, default=iterations)
    parser.add_argument("--seconds", type=float, default=1.0, help="seconds per measured iteration")
    parser.add_argument("--out", help="write the results as JSON to this file")


def timing_arguments(args):
    """The timing options of parsed `args`, as command-line arguments for a child process."""
    return ["--warmup", str(args.warmup), "--iterations", str(args.iterations), "--seconds", str(args.seconds)]


def time_like_jmh(operation, warmup, iterations, seconds, clock=time.perf_counter):
    """Times operation() as JMH's "avgt" does: calls it for about `warmup` seconds, then `iterations`
    iterations of about `seconds` each. Returns each iteration's average time per call, in microseconds.
    `clock` is wall time by default; time.process_time counts only the CPU time this process got."""
    deadline = clock() + warmup
    while clock() < deadline:
        operation()
    scores = []
    for _ in range(iterations):
        count = 0
        start = clock()
        while True:
            operation()
            count += 1
            elapsed = clock() - start
            if elapsed >= seconds:
                break
        scores.append(elapsed / count * 1e6)
    return scores


def run_child(script, threads, arguments):
    """Runs `script --child ARGUMENTS` in a fresh Python process whose BLAS uses `threads` threads
    ("default" leaves the environment alone) and returns the JSON it prints."""
    env = dict(os.environ)
    for name in THREAD_ENV:
        if str(threads) == "default":
            env.pop(name, None)
        else:
            env[name] = str(threads)
    command = [sys.executable, script, "--child", *arguments]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def jmh_results(directory):
    """Yields (Class.method, result) for each result in DIRECTORY/jmh.json (JMH's -rf json output)."""
    with open(os.path.join(directory, "jmh.json")) as f:
        for result in json.load(f):
            yield ".".join(result["benchmark"].split(".")[-2:]), result


def cell(values, digits, suffix="", missing="n/a"):
    """A table cell: the median of the values that are not None and, if there are several, the lowest
    and highest in brackets; `missing` if there are none."""
    values = [v for v in values if v is not None]
    if not values:
        return missing
    text = "{:.{d}f}{}".format(statistics.median(values), suffix, d=digits)
    if len(values) > 1:
        text += " ({:.{d}f}–{:.{d}f})".format(min(values), max(values), d=digits)
    return text
