#!/usr/bin/env bash
# The one-thread matmul comparison by CPU time (MatMulCpuTimeHarness, matmul_cpu_numpy.py), for a machine
# whose cores are shared by many busy processes. Per round: numpy, then each Java configuration, then the
# tables of matmul_cpu_table.py over all rounds so far.
#
#   mvn -B -q -ntp -pl nn-bench -am package -Dmaven.test.skip=true
#   nn-bench/scripts/run_matmul_cpu_rounds.sh [ROUNDS] [OUT_DIR]     # defaults: 2, nn-bench/target/matmul-cpu
#
# Environment: BEFORE_JAR, a benchmarks.jar built from an older commit (with MatMulCpuTimeHarness copied
# in), adds "before" rows; SECONDS_PER_SHAPE (default 0.4 s of CPU time measured, as much warm-up); SMALL,
# the small shapes (default: the makemore MLP's products and squares up to 160).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
out=${2:-nn-bench/target/matmul-cpu}
seconds=${SECONDS_PER_SHAPE:-0.4}
jar=nn-bench/target/benchmarks.jar
squares="128_128_128_AB 256_256_256_AB 512_512_512_AB 1024_1024_1024_AB"
small=${SMALL:-"32_30_200_AB 32_200_27_AB 200_32_27_AtB 32_27_200_ABt 30_32_200_AtB 32_200_30_ABt 64_64_64_AB 64_64_64_ABt
       96_96_96_AB 96_96_96_ABt 128_128_128_AB 128_128_128_ABt 160_160_160_AB 160_160_160_ABt"}
java=(java --add-modules jdk.incubator.vector)
harness=gradschool.bench.MatMulCpuTimeHarness
mkdir -p "$out"
for round in $(seq 1 "$rounds"); do
  file="$out/round-$round.txt"
  echo "== round $round ($(uptime | sed 's/.*load/load/'))" >&2
  {
    # shellcheck disable=SC2086
    python3 nn-bench/scripts/matmul_cpu_numpy.py "$seconds" $squares $small | sed 's/^/numpy /'
    if [ -n "${BEFORE_JAR:-}" ]; then
      "${java[@]}" -cp "$BEFORE_JAR" $harness vectorized1 "$seconds" $squares | sed 's/^/before /'
      "${java[@]}" -cp "$BEFORE_JAR" $harness front "$seconds" $small | sed 's/^/before /'
    fi
    "${java[@]}" -cp "$jar" $harness vectorized1 "$seconds" $squares | sed 's/^/after /'
    "${java[@]}" -cp "$jar" $harness front "$seconds" $small | sed 's/^/front /'
    "${java[@]}" -Dgradschool.matmul.smallBelow=0 -cp "$jar" $harness front "$seconds" $small | sed 's/^/packed /'
  } 2>&1 | grep -v '^WARNING: Using incubator modules' > "$file"
done
echo "== done ($(uptime | sed 's/.*load/load/'))" >&2
python3 nn-bench/scripts/matmul_cpu_table.py "$out"/round-*.txt
