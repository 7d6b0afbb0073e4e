#!/usr/bin/env bash
# The posteriordb panel side by side: RStan's NUTS and Credence's NUTS on each posterior, one after
# the other, 4 chains x (1000 warm-up + 1000 draws), default settings on both sides.
#
# Usage: bench/anchors/posteriordb.sh [SUBSET] [THREADS] [SEEDS]
#   SUBSET   comma-separated posteriordb names or name prefixes (default: every panel posterior)
#   THREADS  1 (default): both sides on one core (each process pinned to CPU 0 with taskset, so the
#            JVM's compiler and GC threads share it too); 2: Stan runs chains in 2 processes, Credence
#            on 2 threads, unpinned.
#   SEEDS    comma-separated seeds (default 4711). Each seed is a run of both sides; a posterior's
#            ESS/s is its ESS summed over the seeds over its wall time summed over the seeds, so
#            that one lucky or unlucky seed (the minimum bulk ESS of one run moves by +-20%) does not
#            decide a ratio.
#
# Stan: sampling wall time from R, compile time measured once and cached (see posteriordb_stan.R;
# cache in $CREDENCE_STAN_CACHE, default ~/.cache/credence/stan). Credence: the whole fresh JVM
# process, as a user runs it (start, data, model, warm-up, sampling, summaries), with the JVM options
# `bin/credence` uses: its class-data sharing archive, which the launcher writes on a user's first
# run and maps on every later one, is written here once by an unmeasured run (on low_dim_gauss_mix)
# and mapped by every measured run; CDS=off measures without it. ESS is the bulk ESS, minimum over
# the reference's parameters, on both sides; ratio = Credence ESS/s over Stan ESS/s; "with compile"
# counts Stan's compile time in its wall time once per seed (the whole job for a new model).
# Needs ../shared/anchors/setup.sh to have run (RStan). Raw output: bench/target/posteriordb/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
panel="$root/../shared/posteriordb"
subset="${1:-}"
threads="${2:-1}"
IFS=',' read -ra seeds <<<"${3:-4711}"
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
cds=()
if [ "${CDS:-on}" != off ]; then
  jsa="$out/credence.jsa"
  rm -f "$jsa"
  "${pin[@]}" java -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" \
    dev.credence.bench.anchors.PosteriordbNuts "$panel" low_dim_gauss_mix-low_dim_gauss_mix \
    "$threads" >/dev/null 2>&1 || true
  [ -s "$jsa" ] && cds=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
fi

field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2" | head -n 1; }
# The worse of two agreement counts K/N (fewer agreeing parameters), the first when the second is empty.
worst() { if [ -z "$1" ] || [ "${2%%/*}" -lt "${1%%/*}" ]; then echo "$2"; else echo "$1"; fi; }

echo "# posteriordb panel, $(date -u +%Y-%m-%dT%H:%MZ), threads $threads, seeds ${seeds[*]}," \
  "class-data sharing ${CDS:-on}, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| posterior | agree C | agree S | div C/S | max R-hat C/S | mean min bulk ESS C/S | mean wall s C (process) | mean wall s S (sampling) | compile s S | ESS/s C | ESS/s S | ratio | ratio with compile |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
logsum=0; count=0
for n in "${names[@]}"; do
  # Sums over the seeds; agree is the worst run's, divergences the total.
  ce=0; cw=0; se=0; sw=0; cdiv=0; sdiv=0; crh=0; srh=0; cag=""; sag=""; failed=""
  for seed in "${seeds[@]}"; do
    stan_out="$("${pin[@]}" Rscript "$root/bench/anchors/posteriordb_stan.R" "$panel/$n" "$cache" 4 2000 \
      "$threads" "$seed" 2>&1 || true)"
    echo "$stan_out" > "$out/$n.$seed.stan.txt"
    stan_line="$(grep '^stan ' <<<"$stan_out" || true)"
    t0=$(date +%s.%N)
    cred_out="$("${pin[@]}" java ${cds[@]+"${cds[@]}"} -cp "$jar" dev.credence.bench.anchors.PosteriordbNuts \
      "$panel" "$n" "$threads" jvm "$seed" 2>&1 || true)"
    t1=$(date +%s.%N)
    echo "$cred_out" > "$out/$n.$seed.credence.txt"
    cred_line="$(grep '^credence ' <<<"$cred_out" || true)"
    if [ -z "$cred_line" ]; then
      why="$(grep -m 1 -E 'Exception|Error' <<<"$cred_out" || tail -n 1 <<<"$cred_out")"
      failed="not run (seed $seed): $(cut -c1-160 <<<"$why")"; break
    fi
    if [ -z "$stan_line" ]; then
      failed="Stan failed (seed $seed): $(tail -n 1 <<<"$stan_out" | cut -c1-120)"; break
    fi
    read -r ce cw se sw cdiv sdiv crh srh < <(awk -v ce="$ce" -v cw="$cw" -v se="$se" -v sw="$sw" \
      -v cd="$cdiv" -v sd="$sdiv" -v crh="$crh" -v srh="$srh" \
      -v e1="$(field min_ess_bulk "$cred_line")" -v w1="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
      -v e2="$(field min_ess_bulk "$stan_line")" -v w2="$(field wall_s "$stan_line")" \
      -v d1="$(field divergent "$cred_line")" -v d2="$(field divergent "$stan_line")" \
      -v r1="$(field max_rhat "$cred_line")" -v r2="$(field max_rhat "$stan_line")" \
      'BEGIN { printf "%s %s %s %s %d %d %s %s\n", ce + e1, cw + w1, se + e2, sw + w2, cd + d1, sd + d2,
        (r1 > crh ? r1 : crh), (r2 > srh ? r2 : srh) }')
    cag="$(worst "$cag" "$(field agree "$cred_line")")"; sag="$(worst "$sag" "$(field agree "$stan_line")")"
    sc=$(field compile_s "$stan_line")
  done
  if [ -n "$failed" ]; then
    printf '| %s | %s ||||||||||||\n' "$n" "$failed"
    continue
  fi
  k=${#seeds[@]}
  read -r cr sr ratio logratio whole cwm swm cem sem < <(awk -v ce="$ce" -v cw="$cw" -v se="$se" \
    -v sw="$sw" -v sc="$sc" -v k="$k" 'BEGIN { c = ce / cw; s = se / sw
      printf "%.1f %.1f %.3g %.10f %.3g %.2f %.2f %.0f %.0f\n", c, s, c / s, log(c / s),
        c / (se / (sw + k * sc)), cw / k, sw / k, ce / k, se / k }')
  logsum=$(awk -v l="$logsum" -v r="$logratio" 'BEGIN { printf "%.10f", l + r }'); count=$((count + 1))
  printf '| %s | %s | %s | %s/%s | %s/%s | %s/%s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" \
    "$cag" "$sag" "$cdiv" "$sdiv" "$crh" "$srh" "$cem" "$sem" "$cwm" "$swm" "$sc" "$cr" "$sr" \
    "$ratio" "$whole"
done
if [ "$count" -gt 0 ]; then
  awk -v l="$logsum" -v c="$count" 'BEGIN { printf "\ngeometric mean of the ratio over %d posteriors: %.3f\n", c, exp(l / c) }'
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); raw output in $out"
