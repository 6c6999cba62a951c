#!/usr/bin/env bash
# Runs the matmul comparison: for each round, numpy (1 and 2 threads) and then the JMH benchmarks
# (MatMulBenchmark and NaiveMatMulBenchmark, one fork), so that numpy and Java are measured minutes
# apart on the same machine; then prints the tables for docs/performance.md.
#
#   mvn -B -q -ntp -pl nn-bench -am package -DskipTests
#   nn-bench/scripts/run_matmul_rounds.sh [ROUNDS] [OUT_DIR]      # defaults: 2 rounds, target/matmul-rounds
#
# One round takes about 5 minutes: JMH with 1 fork, 2 warm-up and 3 measured iterations of 1 s for
# each of the 39 (benchmark, n) pairs, plus about a minute of numpy. Set JAVA to choose the JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
out=${2:-nn-bench/target/matmul-rounds}
java=${JAVA:-java}
mkdir -p "$out"
"$java" -version 2>&1 | head -1 > "$out/java-version.txt"
for round in $(seq 1 "$rounds"); do
  dir="$out/round-$round"
  mkdir -p "$dir"
  echo "== round $round: numpy" >&2
  python3 nn-bench/scripts/matmul_numpy.py --out "$dir/numpy.json" > "$dir/numpy.txt"
  echo "== round $round: JMH" >&2
  "$java" --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar MatMulBenchmark \
      -jvm "$(command -v "$java")" -f 1 -wi 2 -w 1s -i 3 -r 1s -rf json -rff "$dir/jmh.json" > "$dir/jmh.txt" 2>&1
done
python3 nn-bench/scripts/matmul_table.py "$out"/round-*
