#!/usr/bin/env bash
# The wavenet-names training step (WavenetStepCpuTime) by CPU time, in interleaved rounds against an older
# build: per round, the BEFORE_JAR's step, then this build's.
#
#   mvn -B -q -ntp -pl nn-bench -am package -DskipTests
#   BEFORE_JAR=/tmp/before/nn-bench/target/benchmarks.jar nn-bench/scripts/run_wavenet_rounds.sh [ROUNDS]
#
# The BEFORE_JAR needs WavenetStepCpuTime.java copied into its source tree before it is built.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
java=(java --add-modules jdk.incubator.vector)
for round in $(seq 1 "$rounds"); do
  echo "== round $round ($(uptime | sed 's/.*load/load/'))"
  if [ -n "${BEFORE_JAR:-}" ]; then
    "${java[@]}" -cp "$BEFORE_JAR" gradschool.bench.WavenetStepCpuTime 4 0.5 2>&1 | grep '^wavenet' | sed 's/^/before /'
  fi
  "${java[@]}" -cp nn-bench/target/benchmarks.jar gradschool.bench.WavenetStepCpuTime 4 0.5 2>&1 | grep '^wavenet' | sed 's/^/after /'
done
