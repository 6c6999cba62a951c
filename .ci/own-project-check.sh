#!/usr/bin/env bash
# Checks README.md's "Use it in your own project" as a student meets it: copies the README's exact
# pom.xml and Main.java into a throwaway project, runs the README's own commands there against the
# gradschool snapshot in the local Maven repository, and checks what they print.
#
# Needs gradschool installed first (`mvn -B -ntp install -DskipTests`, the README's step 1; .ci/run
# does it). Exits non-zero, saying why, if a block is missing, the project does not build or run, the
# training does not end with a small loss, or the install lacks the -sources and -javadoc jars.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
readme="$root/README.md"
work="$(mktemp -d "${TMPDIR:-/tmp}/gradschool-own-project.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "own-project check: $*" >&2
  exit 1
}

# Prints the fenced block that follows the line `<!-- own-project:NAME -->` in the README.
block() {
  local text
  text="$(awk -v marker="<!-- own-project:$1 -->" '
    $0 == marker        { state = 1; next }
    state == 1 && /^```/ { state = 2; next }
    state == 2 && /^```/ { exit }
    state == 2          { print }' "$readme")"
  [ -n "$text" ] || fail "README.md has no fenced block after <!-- own-project:$1 -->"
  printf '%s\n' "$text"
}

# Runs one of the README's shell blocks in the student project, line by line as a user types them;
# its output goes to $work/NAME.log and is shown if it fails.
run_block() {
  local name="$1" log="$work/$1.log"
  block "$name" > "$work/$name.sh"
  echo "own-project check: running the README's <!-- own-project:$name --> commands:"
  sed 's/^/  $ /' "$work/$name.sh"
  local status=0
  (cd "$work/project" && bash -euo pipefail "$work/$name.sh") > "$log.raw" 2>&1 || status=$?
  sed 's/\x1b\[[0-9;]*m//g' "$log.raw" > "$log"   # Maven's colour codes, even with -B
  if [ "$status" -ne 0 ]; then
    cat "$log" >&2
    fail "the README's <!-- own-project:$name --> commands failed with status $status (output above)"
  fi
}

# Checks that a run's log ends its training with "final loss L" where L < 0.01.
check_loss() {
  local log="$work/$1.log" loss
  loss="$(sed -n 's/^final loss \([0-9.]*\)$/\1/p' "$log" | tail -n 1)"
  [ -n "$loss" ] || { cat "$log" >&2; fail "$1: no 'final loss' line in the output (above)"; }
  awk -v loss="$loss" 'BEGIN { exit !(loss < 0.01) }' \
    || { cat "$log" >&2; fail "$1: final loss $loss is not below 0.01"; }
  echo "own-project check: $1 trained, final loss $loss"
}

mkdir -p "$work/project/src/main/java"
block pom.xml > "$work/project/pom.xml"
block Main.java > "$work/project/src/main/java/Main.java"

run_block run
check_loss run
# Without --add-modules jdk.incubator.vector the library must fall back to its plain-Java kernel.
grep -qx 'matmul kernel: blocked' "$work/run.log" \
  || { cat "$work/run.log" >&2; fail "run: expected 'matmul kernel: blocked' without the Vector API flag"; }

run_block run-java
check_loss run-java
grep -Eqx 'matmul kernel: (vectorized|blocked)' "$work/run-java.log" \
  || { cat "$work/run-java.log" >&2; fail "run-java: no 'matmul kernel:' line"; }
echo "own-project check: with --add-modules jdk.incubator.vector: $(grep -x 'matmul kernel: .*' "$work/run-java.log")"

# Step 1 installed each library jar with its -sources and -javadoc jar beside it (found through the
# class path Maven wrote for the student project, so wherever the local repository is).
for module in nn-core nn-autograd nn-layers; do
  jar="$(tr ':' '\n' < "$work/project/classpath.txt" | grep "/$module-[^/]*\.jar$" | head -n 1)"
  [ -n "$jar" ] || fail "$module is not on the student project's class path"
  for kind in sources javadoc; do
    extra="${jar%.jar}-$kind.jar"
    [ -s "$extra" ] || fail "$module: no $kind jar next to $jar (mvn install should install it)"
  done
  listing="$(unzip -l "${jar%.jar}-sources.jar")"
  grep -q ' module-info\.java$' <<< "$listing" || fail "$module: the sources jar has no module-info.java"
  listing="$(unzip -l "${jar%.jar}-javadoc.jar")"
  grep -q ' [^ ]*module-summary\.html$' <<< "$listing" || fail "$module: the javadoc jar has no module summary"
done
echo "own-project check: nn-core, nn-autograd and nn-layers are installed with -sources and -javadoc jars"
echo "own-project check: passed"
