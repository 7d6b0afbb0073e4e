#!/usr/bin/env bash
# Time to the first draw of a fresh process (FirstDraw: one chain, one draw, no warm-up), per stage,
# with and without an application class-data-sharing archive (AppCDS, JDK 17 dynamic archive),
# alternating, ROUNDS times each, pinned to one CPU ($CPU, default 1).
#
# Usage: bench/anchors/first-draw.sh [SUBSET] [ROUNDS] [JAR]
#   SUBSET  comma-separated posteriordb name prefixes (default: arma,hmm_example,sblri,mesquite,kidiq)
#   JAR     default bench/target/benchmarks.jar (build it first: ./mvnw -q -B package -pl bench -am)
# The archive is made once by a training run on eight schools' sibling in the panel that is not
# measured here (low_dim_gauss_mix) with -XX:ArchiveClassesAtExit, and reused for every posterior.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
panel="$root/../shared/posteriordb"
subset="${1:-arma,hmm_example,sblri,mesquite,kidiq}"
rounds="${2:-3}"
cpu="${CPU:-1}"
jar="${3:-$root/bench/target/benchmarks.jar}"
out="$root/bench/target/first-draw"
mkdir -p "$out"
jsa="$out/credence.jsa"
rm -f "$jsa"
taskset -c "$cpu" java -XX:ArchiveClassesAtExit="$jsa" -cp "$jar" \
  dev.credence.bench.anchors.FirstDraw "$panel" low_dim_gauss_mix-low_dim_gauss_mix >/dev/null 2>&1
echo "# first draw, $(date -u +%Y-%m-%dT%H:%MZ), archive $(du -h "$jsa" | cut -f1), load $(cut -d' ' -f1-3 /proc/loadavg)"
IFS=',' read -ra wanted <<<"$subset"
for r in $(seq 1 "$rounds"); do
  for w in "${wanted[@]}"; do
    name="$(cd "$panel" && ls -d "$w"* | head -n 1)"
    for mode in plain cds; do
      flags=()
      [ "$mode" = cds ] && flags=(-XX:SharedArchiveFile="$jsa")
      line="$(taskset -c "$cpu" java "${flags[@]}" -cp "$jar" dev.credence.bench.anchors.FirstDraw "$panel" "$name")"
      echo "$mode $line load=$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
