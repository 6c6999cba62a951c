#!/usr/bin/env bash
# Runs the autograd and training comparison in interleaved rounds: each round runs the references
# (mlp_numpy.py on 1 thread and on numpy's default thread count, scalar_chain_python.py) and the JMH
# benchmarks (AutogradChainBenchmark, MlpStepBenchmark, MlpOverheadBenchmark, one fork), alternating
# which goes first, so that both sides of each ratio are measured minutes apart on the same machine;
# then prints the tables for nn-bench/results/training.md.
#
#   mvn -B -q -ntp -pl nn-bench -am package -DskipTests
#   nn-bench/scripts/run_training_rounds.sh [ROUNDS] [OUT_DIR]   # defaults: 3 rounds, nn-bench/target/training-rounds
#
# One round takes about 2.5 minutes (JMH: 3 warm-up and 5 measured iterations of 1 s for each of 6
# configurations; numpy: the same for 4; Python: 8 s).
# Environment: JAVA chooses the JVM (default: java on the PATH); JAR the benchmarks jar (default:
# nn-bench/target/benchmarks.jar). The jar is copied into OUT_DIR first, so that a rebuild during the
# run (other people work in the same tree) does not change the code under test between rounds.
# The full-epoch figures come from a separate plain harness (see gradschool.bench.MnistEpochHarness):
#   java --add-modules jdk.incubator.vector -Xmx1g -cp nn-bench/target/benchmarks.jar gradschool.bench.MnistEpochHarness data/mnist 3
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
out=${2:-nn-bench/target/training-rounds}
java=${JAVA:-java}
mkdir -p "$out"
cp "${JAR:-nn-bench/target/benchmarks.jar}" "$out/benchmarks.jar"
"$java" -version 2>&1 | head -1 > "$out/java-version.txt"

run_references() {
  echo "== round $1: numpy and Python ($(uptime | sed 's/.*load/load/'))" >&2
  python3 nn-bench/scripts/mlp_numpy.py --out "$2/mlp-numpy.json" > "$2/mlp-numpy.txt"
  python3 nn-bench/scripts/scalar_chain_python.py --out "$2/chain-python.json" > "$2/chain-python.txt"
}

run_jmh() {
  # JMH refuses to start while another JMH run holds /tmp/jmh.lock (someone else benchmarking on this
  # machine): wait and retry rather than measure alongside it; give up after about 20 minutes.
  for attempt in $(seq 1 40); do
    echo "== round $1: JMH ($(uptime | sed 's/.*load/load/'))" >&2
    if "$java" --add-modules jdk.incubator.vector -jar "$out/benchmarks.jar" \
        '^gradschool.bench.(AutogradChainBenchmark|MlpStepBenchmark|MlpOverheadBenchmark)' \
        -jvm "$(command -v "$java")" -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff "$2/jmh.json" > "$2/jmh.txt" 2>&1; then
      return 0
    fi
    if ! grep -q "Unable to acquire the JMH lock" "$2/jmh.txt"; then
      echo "JMH failed in round $1; the end of $2/jmh.txt:" >&2
      tail -20 "$2/jmh.txt" >&2
      exit 1
    fi
    echo "   another JMH run holds /tmp/jmh.lock; retrying in 30 s (attempt $attempt)" >&2
    sleep 30
  done
  echo "JMH lock still held after 40 attempts; giving up" >&2
  exit 1
}

for round in $(seq 1 "$rounds"); do
  dir="$out/round-$round"
  mkdir -p "$dir"
  if [ $((round % 2)) -eq 1 ]; then
    run_references "$round" "$dir"
    run_jmh "$round" "$dir"
  else
    run_jmh "$round" "$dir"
    run_references "$round" "$dir"
  fi
done
echo "== done ($(uptime | sed 's/.*load/load/'))" >&2
cat "$out/java-version.txt"
python3 nn-bench/scripts/training_table.py "$out"/round-*
