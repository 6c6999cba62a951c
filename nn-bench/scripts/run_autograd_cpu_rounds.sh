#!/usr/bin/env bash
# The cost per autograd node by CPU time only, in interleaved rounds: each round runs the
# micrograd-style Python engine (scalar_chain_python.py --cpu-time), then gradschool.bench.AutogradChainCpuTime
# from each jar given, the order of the jars alternating from round to round. Prints one line per
# measurement: round, engine, ns per node, 1-minute load average. The lighter sibling of
# run_autograd_rounds.sh (no JMH): about 25 s per round and jar on a quiet machine.
#
#   mvn -B -q -ntp -pl nn-bench -am package -DskipTests && cp nn-bench/target/benchmarks.jar /tmp/after.jar
#   nn-bench/scripts/run_autograd_cpu_rounds.sh 9 /tmp/before.jar /tmp/after.jar | tee /tmp/rounds.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=$1
shift
jars=("$@")
for r in $(seq "$rounds"); do
  python=$(python3 nn-bench/scripts/scalar_chain_python.py --cpu-time --warmup 1 --iterations 5 --seconds 1 \
      | tail -1 | sed -E 's/.*= ([0-9.]+) ns per node.*/\1/')
  echo "$r python $python $(cut -d' ' -f1 /proc/loadavg)"
  order=("${jars[@]}")
  if [ $((r % 2)) = 0 ]; then
    order=()
    for ((i = ${#jars[@]} - 1; i >= 0; i--)); do order+=("${jars[$i]}"); done
  fi
  for jar in "${order[@]}"; do
    ns=$(java -cp "$jar" gradschool.bench.AutogradChainCpuTime none chain | head -1 | sed -E 's/.*CPU time ([0-9.]+) ns.*/\1/')
    echo "$r $(basename "$jar" .jar) $ns $(cut -d' ' -f1 /proc/loadavg)"
  done
done
