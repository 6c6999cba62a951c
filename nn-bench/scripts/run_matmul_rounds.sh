#!/usr/bin/env bash
# Runs the matmul comparison: for each round, numpy (1 and 2 threads) and then the JMH benchmarks
# (MatMulBenchmark and NaiveMatMulBenchmark, one fork), so that numpy and Java are measured minutes
# apart on the same machine; then prints the tables for docs/performance.md.
#
#   mvn -B -q -ntp -pl nn-bench -am package -Dmaven.test.skip=true
#   nn-bench/scripts/run_matmul_rounds.sh [ROUNDS] [OUT_DIR]      # defaults: 2 rounds, nn-bench/target/matmul-rounds
#
# One round over all sizes takes about 5 minutes: JMH with 1 fork, 2 warm-up and 3 measured
# iterations of 1 s for each of the 39 (benchmark, n) pairs, plus about a minute of numpy.
# Environment: JAVA chooses the JVM (default: java on the PATH); SIZES="512 1024" limits the sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
out=${2:-nn-bench/target/matmul-rounds}
java=${JAVA:-java}
sizes=${SIZES:-64 128 256 512 1024}
mkdir -p "$out"
"$java" -version 2>&1 | head -1 > "$out/java-version.txt"
# NaiveMatMulBenchmark stops at 512; give it only the sizes it has.
naive_sizes=$(for n in $sizes; do if [ "$n" -le 512 ]; then printf '%s,' "$n"; fi; done)
for round in $(seq 1 "$rounds"); do
  dir="$out/round-$round"
  mkdir -p "$dir"
  echo "== round $round: numpy ($(uptime | sed 's/.*load/load/'))" >&2
  # shellcheck disable=SC2086
  python3 nn-bench/scripts/matmul_numpy.py --sizes $sizes --out "$dir/numpy.json" > "$dir/numpy.txt"
  echo "== round $round: JMH ($(uptime | sed 's/.*load/load/'))" >&2
  common=(-jvm "$(command -v "$java")" -f 1 -wi 2 -w 1s -i 3 -r 1s)
  "$java" --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar '^gradschool.bench.MatMulBenchmark' \
      "${common[@]}" -p n="$(echo $sizes | tr ' ' ',')" -rf json -rff "$dir/jmh-fast.json" > "$dir/jmh.txt" 2>&1 \
      || { tail -n 5 "$dir/jmh.txt" >&2; exit 1; }   # e.g. another JMH run holds /tmp/jmh.lock
  if [ -n "$naive_sizes" ]; then
    "$java" --add-modules jdk.incubator.vector -jar nn-bench/target/benchmarks.jar NaiveMatMulBenchmark \
        "${common[@]}" -p n="${naive_sizes%,}" -rf json -rff "$dir/jmh-naive.json" >> "$dir/jmh.txt" 2>&1 \
        || { tail -n 5 "$dir/jmh.txt" >&2; exit 1; }
  else
    echo "[]" > "$dir/jmh-naive.json"
  fi
  python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1])) + json.load(open(sys.argv[2])), open(sys.argv[3], "w"), indent=1)' \
      "$dir/jmh-fast.json" "$dir/jmh-naive.json" "$dir/jmh.json"
done
echo "== done ($(uptime | sed 's/.*load/load/'))" >&2
python3 nn-bench/scripts/matmul_table.py "$out"/round-*
