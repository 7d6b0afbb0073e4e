#!/usr/bin/env bash
# The posteriordb panel side by side: RStan's NUTS and Credence's NUTS on each posterior, one after
# the other, 4 chains x (1000 warm-up + 1000 draws), default settings on both sides.
#
# Usage: bench/anchors/posteriordb.sh [SUBSET] [THREADS]
#   SUBSET   comma-separated posteriordb names or name prefixes (default: every panel posterior)
#   THREADS  1 (default): both sides on one core (each process pinned to CPU 0 with taskset, so the
#            JVM's compiler and GC threads share it too); 2: Stan runs chains in 2 processes, Credence
#            on 2 threads, unpinned.
#
# Stan: sampling wall time from R, compile time measured once and cached (see posteriordb_stan.R;
# cache in $CREDENCE_STAN_CACHE, default ~/.cache/credence/stan). Credence: the whole fresh JVM
# process, as a user runs it (start, data, model, warm-up, sampling, summaries). ESS is the bulk ESS,
# minimum over the reference's parameters, on both sides; ratio = Credence ESS/s over Stan ESS/s;
# "with compile" counts Stan's compile time in its wall time (the whole job for a new model).
# Needs ../shared/anchors/setup.sh to have run (RStan). Raw output: bench/target/posteriordb/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
panel="$root/../shared/posteriordb"
subset="${1:-}"
threads="${2:-1}"
cache="${CREDENCE_STAN_CACHE:-$HOME/.cache/credence/stan}"
out="$root/bench/target/posteriordb"
mkdir -p "$out" "$cache"

names=()
for d in "$panel"/*/; do
  n="$(basename "$d")"
  if [ -z "$subset" ]; then names+=("$n"); continue; fi
  IFS=',' read -ra wanted <<<"$subset"
  for w in "${wanted[@]}"; do
    if [[ "$n" == "$w"* ]]; then names+=("$n"); break; fi
  done
done
[ "${#names[@]}" -gt 0 ] || { echo "no posterior in $panel matches '$subset'" >&2; exit 2; }

(cd "$root" && ./mvnw -q -B package -pl bench -am -DskipTests -Dspotless.check.skip=true)
jar="$root/bench/target/benchmarks.jar"
pin=()
if [ "$threads" = 1 ]; then pin=(taskset -c 0); fi

field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2" | head -n 1; }

echo "# posteriordb panel, $(date -u +%Y-%m-%dT%H:%MZ), threads $threads, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| posterior | agree C | agree S | div C/S | max R-hat C/S | min bulk ESS C/S | wall s C (process) | wall s S (sampling) | compile s S | ESS/s C | ESS/s S | ratio | ratio with compile |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
logsum=0; count=0
for n in "${names[@]}"; do
  stan_out="$("${pin[@]}" Rscript "$root/bench/anchors/posteriordb_stan.R" "$panel/$n" "$cache" 4 2000 "$threads" 2>&1 || true)"
  echo "$stan_out" > "$out/$n.stan.txt"
  stan_line="$(grep '^stan ' <<<"$stan_out" || true)"
  t0=$(date +%s.%N)
  cred_out="$("${pin[@]}" java -cp "$jar" dev.credence.bench.anchors.PosteriordbNuts "$panel" "$n" "$threads" 2>&1 || true)"
  t1=$(date +%s.%N)
  echo "$cred_out" > "$out/$n.credence.txt"
  cred_line="$(grep '^credence ' <<<"$cred_out" || true)"
  if [ -z "$cred_line" ]; then
    why="$(grep -m 1 -E 'Exception|Error' <<<"$cred_out" || tail -n 1 <<<"$cred_out")"
    printf '| %s | not run: %s ||||||||||||\n' "$n" "$(cut -c1-160 <<<"$why")"
    continue
  fi
  if [ -z "$stan_line" ]; then
    printf '| %s | Stan failed: %s ||||||||||||\n' "$n" "$(tail -n 1 <<<"$stan_out" | cut -c1-120)"
    continue
  fi
  cw=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  ce=$(field min_ess_bulk "$cred_line"); se=$(field min_ess_bulk "$stan_line")
  sw=$(field wall_s "$stan_line")
  sc=$(field compile_s "$stan_line")
  read -r cr sr ratio logratio whole < <(awk -v ce="$ce" -v cw="$cw" -v se="$se" -v sw="$sw" \
    -v sc="$sc" 'BEGIN { c = ce / cw; s = se / sw
      printf "%.1f %.1f %.3g %.10f %.3g\n", c, s, c / s, log(c / s), c / (se / (sw + sc)) }')
  logsum=$(awk -v l="$logsum" -v r="$logratio" 'BEGIN { printf "%.10f", l + r }'); count=$((count + 1))
  printf '| %s | %s | %s | %s/%s | %s/%s | %s/%s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" \
    "$(field agree "$cred_line")" "$(field agree "$stan_line")" \
    "$(field divergent "$cred_line")" "$(field divergent "$stan_line")" \
    "$(field max_rhat "$cred_line")" "$(field max_rhat "$stan_line")" "$ce" "$se" \
    "$cw" "$sw" "$sc" "$cr" "$sr" "$ratio" "$whole"
done
if [ "$count" -gt 0 ]; then
  awk -v l="$logsum" -v c="$count" 'BEGIN { printf "\ngeometric mean of the ratio over %d posteriors: %.3f\n", c, exp(l / c) }'
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); raw output in $out"
