#!/usr/bin/env bash
# Times the makemore MLP step (MakemoreStepBenchmark) against the hand-written numpy step
# (makemore_numpy.py, OPENBLAS_NUM_THREADS=1) in interleaved rounds, alternating which goes first, and
# prints the medians (lowest-highest round) and the ratio gradschool / numpy per round.
#
#   mvn -B -q -ntp -pl nn-bench -am package -DskipTests
#   nn-bench/scripts/run_makemore_rounds.sh [ROUNDS] [OUT_DIR]   # defaults: 5 rounds, nn-bench/target/makemore-rounds
#
# One round takes about 1.5 minutes (JMH: one fork, WARMUPS (10) warm-up iterations of 3 s — the Vector API
# loops are slow until the JIT has compiled them, which took 10-20 s on this machine under a load of 25 —
# and 3 measured iterations of 1 s, for each jar; numpy: 2 s of
# warm-up and 3 iterations of 1 s). Environment: JAVA chooses the JVM; JAR the benchmarks jar (default
# nn-bench/target/benchmarks.jar, copied into OUT_DIR first); BEFORE_JAR, if set, a second benchmarks
# jar (e.g. built from an older commit) timed in the same rounds, for a before/after ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
out=${2:-nn-bench/target/makemore-rounds}
java=${JAVA:-java}
mkdir -p "$out"
cp "${JAR:-nn-bench/target/benchmarks.jar}" "$out/benchmarks.jar"
[ -n "${BEFORE_JAR:-}" ] && cp "$BEFORE_JAR" "$out/before.jar"

jmh() {   # jmh JAR JSON
  # JMH refuses to start while another JMH run holds /tmp/jmh.lock (someone else benchmarking on this
  # machine): wait and retry rather than measure alongside it.
  for attempt in $(seq 1 40); do
    if "$java" --add-modules jdk.incubator.vector -jar "$1" '^gradschool.bench.MakemoreStepBenchmark' \
        -jvm "$(command -v "$java")" -f 1 -wi "${WARMUPS:-10}" -w 3s -i 3 -r 1s -rf json -rff "$2" > "$2.txt" 2>&1; then
      return 0
    fi
    grep -q "Unable to acquire the JMH lock" "$2.txt" || { echo "JMH failed; the end of $2.txt:" >&2; tail -20 "$2.txt" >&2; exit 1; }
    echo "   another JMH run holds /tmp/jmh.lock; retrying in 15 s" >&2
    sleep 15
  done
  echo "JMH lock still held after 40 attempts; giving up" >&2
  exit 1
}

numpy() {
  python3 nn-bench/scripts/makemore_numpy.py --warmup 2 --iterations 3 --out "$1" > /dev/null
}

for round in $(seq 1 "$rounds"); do
  dir="$out/round-$round"
  mkdir -p "$dir"
  echo "== round $round ($(uptime | sed 's/.*load/load/'))" >&2
  if [ $((round % 2)) -eq 1 ]; then
    numpy "$dir/numpy.json"; jmh "$out/benchmarks.jar" "$dir/jmh.json"
    [ -f "$out/before.jar" ] && jmh "$out/before.jar" "$dir/jmh-before.json"
  else
    [ -f "$out/before.jar" ] && jmh "$out/before.jar" "$dir/jmh-before.json"
    jmh "$out/benchmarks.jar" "$dir/jmh.json"; numpy "$dir/numpy.json"
  fi
done

python3 - "$out" "$rounds" <<'PY'
import json, os, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def jmh(path):
    return json.load(open(path))[0]["primaryMetric"]["score"] if os.path.exists(path) else None
rows = []
for r in range(1, rounds + 1):
    d = os.path.join(out, "round-%d" % r)
    rows.append((json.load(open(os.path.join(d, "numpy.json")))["us_per_step"], jmh(os.path.join(d, "jmh.json")),
                 jmh(os.path.join(d, "jmh-before.json"))))
def cell(values, digits=1):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    return "{:.{d}f} ({:.{d}f}-{:.{d}f})".format(statistics.median(values), min(values), max(values), d=digits)
print("| implementation | us per step, median (lowest-highest round) |")
print("|---|---|")
print("| numpy, hand-written backward, 1 thread |", cell([r[0] for r in rows]), "|")
print("| gradschool |", cell([r[1] for r in rows]), "|")
if any(r[2] for r in rows):
    print("| gradschool, before (BEFORE_JAR) |", cell([r[2] for r in rows]), "|")
print()
print("gradschool / numpy, per round:", cell([r[1] / r[0] for r in rows], 2))
if any(r[2] for r in rows):
    print("before / numpy, per round:   ", cell([r[2] / r[0] for r in rows if r[2]], 2))
    print("after / before, per round:   ", cell([r[1] / r[2] for r in rows if r[2]], 2))
PY
