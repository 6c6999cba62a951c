#!/usr/bin/env bash
# Measures the autograd cost per node: AutogradChainBenchmark (10,000 scalar nodes, forward and
# forward + backward, with and without creation sites) against the micrograd-style Python engine
# (scalar_chain_python.py), in interleaved rounds — each round runs the Python reference and JMH,
# alternating which goes first, so both sides of each ratio are measured minutes apart. With
# BEFORE_JAR set it also runs an older build's benchmarks jar in every round (before/after ratios).
# Each round also times the same chain by CPU time (gradschool.bench.AutogradChainCpuTime and
# scalar_chain_python.py --cpu-time): on a crowded machine wall time is mostly waiting for a core.
# Then prints the tables for nn-bench/results/autograd-overhead.md.
#
#   mvn -B -q -ntp -pl nn-bench -am package -DskipTests
#   nn-bench/scripts/run_autograd_rounds.sh [ROUNDS] [OUT_DIR]   # defaults: 3 rounds, nn-bench/target/autograd-rounds
#   BEFORE_JAR=/tmp/before.jar nn-bench/scripts/run_autograd_rounds.sh 5 /tmp/autograd-rounds
#
# One round takes about 2 minutes per jar on a quiet machine (JMH: 3 warm-up and 5 measured
# iterations of 0.5 s for each of 4 configurations; CPU time: 2 × 6 s; Python: 2 × 7 s), far longer
# on a crowded one.
# Environment: JAVA chooses the JVM (default: java on the PATH); JAR the benchmarks jar (default:
# nn-bench/target/benchmarks.jar). The jars are copied into OUT_DIR first, so that a rebuild during
# the run does not change the code under test between rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
out=${2:-nn-bench/target/autograd-rounds}
java=${JAVA:-java}
mkdir -p "$out"
cp "${JAR:-nn-bench/target/benchmarks.jar}" "$out/after.jar"
builds=(after)
if [ -n "${BEFORE_JAR:-}" ]; then
  cp "$BEFORE_JAR" "$out/before.jar"
  builds=(before after)
fi
"$java" -version 2>&1 | head -1 > "$out/java-version.txt"

run_python() {
  echo "== round $1: Python ($(uptime | sed 's/.*load/load/'))" >&2
  python3 nn-bench/scripts/scalar_chain_python.py --warmup 2 --iterations 5 --seconds 1 \
      --out "$2/chain-python.json" > "$2/chain-python.txt"
  python3 nn-bench/scripts/scalar_chain_python.py --cpu-time --warmup 1 --iterations 5 --seconds 1 \
      --out "$2/cpu-python.json" > "$2/cpu-python.txt"
}

run_jmh() { # round dir build
  # JMH refuses to start while another JMH run holds /tmp/jmh.lock (someone else benchmarking on this
  # machine): wait and retry rather than measure alongside it; give up after about 20 minutes.
  for attempt in $(seq 1 40); do
    echo "== round $1: JMH, $3 ($(uptime | sed 's/.*load/load/'))" >&2
    if "$java" -jar "$out/$3.jar" '^gradschool.bench.AutogradChainBenchmark' \
        -jvm "$(command -v "$java")" -f 1 -wi 3 -w 500ms -i 5 -r 500ms \
        -rf json -rff "$2/jmh-$3.json" > "$2/jmh-$3.txt" 2>&1; then
      return 0
    fi
    if ! grep -q "Unable to acquire the JMH lock" "$2/jmh-$3.txt"; then
      echo "JMH failed in round $1; the end of $2/jmh-$3.txt:" >&2
      tail -20 "$2/jmh-$3.txt" >&2
      exit 1
    fi
    echo "   another JMH run holds /tmp/jmh.lock; retrying in 30 s (attempt $attempt)" >&2
    sleep 30
  done
  echo "JMH lock still held after 40 attempts; giving up" >&2
  exit 1
}

run_cpu_time() { # round dir build: the CPU-time harness (from the after jar) against the build's classes
  echo "== round $1: CPU time, $3 ($(uptime | sed 's/.*load/load/'))" >&2
  for sites in none recording; do
    "$java" -cp "$out/$3.jar:$out/after.jar" gradschool.bench.AutogradChainCpuTime "$sites" chain \
        | tail -1 > "$2/cpu-$3-$sites.json"
  done
}

run_all_jmh() { # round dir; alternates the order of the builds from round to round
  if [ $(($1 % 2)) -eq 1 ]; then order=("${builds[@]}"); else order=($(printf '%s\n' "${builds[@]}" | tac)); fi
  for build in "${order[@]}"; do
    run_jmh "$1" "$2" "$build"
    run_cpu_time "$1" "$2" "$build"
  done
}

for round in $(seq 1 "$rounds"); do
  dir="$out/round-$round"
  mkdir -p "$dir"
  if [ $((round % 2)) -eq 1 ]; then
    run_python "$round" "$dir"
    run_all_jmh "$round" "$dir"
  else
    run_all_jmh "$round" "$dir"
    run_python "$round" "$dir"
  fi
done
echo "== done ($(uptime | sed 's/.*load/load/'))" >&2
cat "$out/java-version.txt"
python3 nn-bench/scripts/autograd_table.py "$out"/round-*
