#!/usr/bin/env bash
# What a new user waits for and downloads, for one commit of this repository:
#   1. the first `./credence demo` on a fresh machine (empty Maven cache: HOME and -Duser.home point
#      at an empty folder), timed as a whole and with the bytes it put in the cache;
#   2. `./credence backends` started warm, N times (the launcher, the JVM and the command);
#   3. the distribution's archives (core zip and the djl and nd4j packs), when the commit has them.
# Usage: bench/adoption.sh [REF] [N]     REF defaults to HEAD, N to 10.
# Compare two commits by running it twice in one sitting, e.g. `bench/adoption.sh af978df` and
# `bench/adoption.sh main`; the machine's load is printed beside every time.
set -euo pipefail
ref="${1:-HEAD}"
runs="${2:-10}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git -C "$repo" worktree add -q --detach "$work/src" "$ref"
trap 'git -C "$repo" worktree remove --force "$work/src"; rm -rf "$work"' EXIT
mkdir -p "$work/home"
commit="$(git -C "$work/src" rev-parse --short HEAD)"
echo "commit $commit ($ref); load: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. First run on a fresh machine.
start=$(date +%s.%N)
(cd "$work/src" && HOME="$work/home" JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
    ./credence demo --output "$work/demo" > "$work/demo.log" 2>&1) || {
  echo "first ./credence demo failed; its last lines:"; tail -20 "$work/demo.log"; exit 1; }
end=$(date +%s.%N)
cache_mb=$(du -sm "$work/home/.m2" | cut -f1)
printf 'first ./credence demo: %.1f s, Maven cache %s MB; load: %s\n' \
    "$(echo "$end - $start" | bc)" "$cache_mb" "$(cut -d' ' -f1-3 /proc/loadavg)"

# 2. Warm start-up of `credence backends` (one untimed run first, so the build and CDS are done).
(cd "$work/src" && HOME="$work/home" JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
    ./credence backends > /dev/null 2>&1)
times=()
for _ in $(seq "$runs"); do
  s=$(date +%s.%N)
  (cd "$work/src" && HOME="$work/home" JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
      ./credence backends > /dev/null 2>&1)
  e=$(date +%s.%N)
  times+=("$(echo "$e - $s" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    '{t[NR]=$1; sum+=$1} END {printf "./credence backends warm, %d runs: min %.2f s, median %.2f s, mean %.2f s; load: %s\n", n, t[1], t[int((n+1)/2)], sum/n, load}'

# 3. Archive sizes, where the commit builds a distribution.
if [ -d "$work/src/distribution" ]; then
  (cd "$work/src" && HOME="$work/home" JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
      ./mvnw -q -B package -pl distribution,pack-djl,pack-nd4j -am -Dmaven.test.skip=true \
      -Dspotless.check.skip=true -Dinvoker.skip=true > "$work/package.log" 2>&1) || {
    echo "packaging failed; its last lines:"; tail -20 "$work/package.log"; exit 1; }
  for f in "$work"/src/distribution/target/credence-*.zip "$work"/src/pack-*/target/*.zip; do
    [ -f "$f" ] && printf '%s: %.2f MB\n' "$(basename "$f")" "$(echo "$(stat -c %s "$f") / 1000000" | bc -l)"
  done
else
  echo "no distribution module at $commit"
fi
