#!/usr/bin/env bash
# Times ElementwiseBenchmark in several builds of nn-bench, interleaved: in each round every build
# runs once, back to back, the order rotating from round to round; then prints the ratios to the
# first build (see elementwise_table.py). The builds are benchmarks.jar files copied aside, e.g.
#
#   (cd /tmp/perf-before && mvn -B -q -ntp -o -pl nn-bench -am package -Dmaven.test.skip=true)
#   cp /tmp/perf-before/nn-bench/target/benchmarks.jar /tmp/perf10/before.jar     # likewise after.jar
#   nn-bench/scripts/run_elementwise_rounds.sh 4 /tmp/perf10/rounds before=/tmp/perf10/before.jar after=/tmp/perf10/after.jar
#
# One build takes about a minute per round: 17 (benchmark, shape) pairs, 1 fork each, 3 warm-up and
# 5 measured iterations of 300 ms. The rank-0 benchmarks (addScalars, mulScalars) do not depend on
# the shape and run at one shape only. Environment: JAVA chooses the JVM; MATRIX (a regex of method
# names, default all but the rank-0 ones) and SHAPES (e.g. 32x16,64x64) limit the (N, C) benchmarks.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=$1
out=$2
shift 2
builds=("$@")
java=${JAVA:-java}
mkdir -p "$out"
"$java" -version 2>&1 | head -1 > "$out/java-version.txt"
common=(-f 1 -wi 3 -w 300ms -i 5 -r 300ms -jvmArgsAppend -Djmh.ignoreLock=true)
for round in $(seq 1 "$rounds"); do
  n=${#builds[@]}
  for k in $(seq 0 $((n - 1))); do
    build=${builds[$(((k + round - 1) % n))]}
    label=${build%%=*}
    jar=${build#*=}
    dir="$out/round-$round"
    mkdir -p "$dir"
    echo "== round $round: $label ($(uptime | sed 's/.*load/load/'))" >&2
    "$java" -Djmh.ignoreLock=true -jar "$jar" "ElementwiseBenchmark\\.(${MATRIX:-(add|mul)(SameShape|Bias)|mulScalarTensor})\$" \
        ${SHAPES:+-p shape="$SHAPES"} "${common[@]}" -rf json -rff "$dir/$label-matrix.json" > "$dir/$label.txt" 2>&1 \
        || { tail -n 5 "$dir/$label.txt" >&2; exit 1; }
    "$java" -Djmh.ignoreLock=true -jar "$jar" 'ElementwiseBenchmark\.(add|mul)Scalars' -p shape=32x16 \
        "${common[@]}" -rf json -rff "$dir/$label-scalars.json" >> "$dir/$label.txt" 2>&1 \
        || { tail -n 5 "$dir/$label.txt" >&2; exit 1; }
  done
done
echo "== done ($(uptime | sed 's/.*load/load/'))" >&2
python3 nn-bench/scripts/elementwise_table.py "$out" "${builds[@]%%=*}"
