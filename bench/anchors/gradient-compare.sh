#!/usr/bin/env bash
# Microseconds per gradient, before and after, side by side: runs GradientTiming (eight schools,
# GARCH(1,1) T = 100, the 5,000-row regression) from two benchmark jars, alternating, ROUNDS times
# each, pinned to one CPU, and prints every line with the load average beside it.
#
# Usage: [CPU=0] bench/anchors/gradient-compare.sh BEFORE.jar AFTER.jar [ROUNDS]
#   Build each jar with `./mvnw -q -B package -pl bench -am -DskipTests` on the commit to compare
#   (the jar is bench/target/benchmarks.jar) and copy it aside.
set -euo pipefail
before="$1"
after="$2"
rounds="${3:-2}"
cpu="${CPU:-0}"
for r in $(seq 1 "$rounds"); do
  for side in before after; do
    jar="$before"
    [ "$side" = after ] && jar="$after"
    echo "# round $r, $side, load $(cut -d' ' -f1-3 /proc/loadavg)"
    taskset -c "$cpu" java -cp "$jar" dev.credence.bench.anchors.GradientTiming | sed "s/^/$side /"
  done
done
