#!/usr/bin/env bash
# Resident memory of `credence vae train` per backend, sampled from /proc: the peak of each epoch,
# of the final evaluation after the last one and of the whole run; whether the last epoch's peak is
# within 5% of the first's (flat), and that ratio with the evaluation counted into the last epoch.
# The resident set summed over the launcher's process tree is read every INTERVAL seconds;
# epochs are told apart by the "epoch N" lines the command prints on stderr. Writes
# bench/target/memory/BACKEND.log (samples and output) and prints a table.
# Usage: bench/memory.sh [backends, default jvm,djl,nd4j] [epochs, default 3]
# THREADS (default 1) sets the kernel threads; CREDENCE_JAVA_OPTS passes JVM options through.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
backends="${1:-jvm,djl,nd4j}"
epochs="${2:-3}"
threads="${THREADS:-1}"
interval="${INTERVAL:-0.2}"
out="$root/bench/target/memory"
mkdir -p "$out"

# The resident set in KiB of a process and all its descendants.
tree_rss() {
  local pids=("$1") all=() p kids total=0 kb
  while [ "${#pids[@]}" -gt 0 ]; do
    p="${pids[0]}"; pids=("${pids[@]:1}"); all+=("$p")
    kids="$(cat /proc/"$p"/task/*/children 2>/dev/null || true)"
    for k in $kids; do pids+=("$k"); done
  done
  for p in "${all[@]}"; do
    kb="$(awk '/^VmRSS:/ {print $2}' /proc/"$p"/status 2>/dev/null || true)"
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

rows=()
for b in ${backends//,/ }; do
  case "$b" in djl|nd4j) packs="$b" ;; *) packs="" ;; esac
  log="$out/$b.log"
  samples="$out/$b.samples"
  dir="$(mktemp -d)"
  : > "$samples"
  : > "$dir/stderr"
  # Builds first (if sources changed), so that the build is not sampled.
  CREDENCE_PACKS="$packs" "$root/credence" --version > /dev/null
  echo "--- $b: credence vae train --epochs $epochs (threads $threads) $(uptime)" | tee "$log"
  THREADS="$threads" OMP_NUM_THREADS="$threads" CREDENCE_PACKS="$packs" \
    CREDENCE_JAVA_OPTS="${CREDENCE_JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1" \
    "$root/credence" vae train --epochs "$epochs" --backend "$b" --output "$dir/run" \
    > "$dir/stdout" 2> "$dir/stderr" &
  pid=$!
  epoch=1
  while kill -0 "$pid" 2>/dev/null; do
    done_epochs="$(tr '\r' '\n' < "$dir/stderr" | grep -c '^epoch ' || true)"
    epoch=$((done_epochs + 1))
    echo "$(date +%s.%N) $epoch $(tree_rss "$pid")" >> "$samples"
    sleep "$interval"
  done
  set +e; wait "$pid"; code=$?; set -e
  tr '\r' '\n' < "$dir/stderr" | grep -v '^  step' >> "$log" || true
  cat "$dir/stdout" >> "$log"
  rm -rf "$dir"
  if [ "$code" -ne 0 ]; then
    echo "credence exited with $code; see $log" >&2
    rows+=("| $b | failed (exit $code) | | | | | | |")
    continue
  fi
  # Peak per epoch; samples after the last epoch line are the final evaluation (figures,
  # -log p(x), anomaly scores), a window of its own.
  row="$(awk -v n="$epochs" '
    { e = ($2 > n) ? n + 1 : $2; if ($3 > peak[e]) peak[e] = $3; if ($3 > all) all = $3 }
    END {
      s = ""; for (i = 1; i <= n + 1; i++) s = s sprintf(" %d |", peak[i] / 1024);
      ratio = peak[1] > 0 ? peak[n] / peak[1] : 0;
      last = peak[n + 1] > peak[n] ? peak[n + 1] : peak[n];
      withEval = peak[1] > 0 ? last / peak[1] : 0;
      printf "%s %d | %.3f | %s | %.3f", s, all / 1024, ratio, (ratio <= 1.05 ? "yes" : "no"),
        withEval
    }' "$samples")"
  rows+=("| $b |$row |")
  cp "$samples" "$out/$b.samples.txt"
done

header="| backend |"; rule="|---|"
for i in $(seq 1 "$epochs"); do header="$header epoch $i peak MB |"; rule="$rule---:|"; done
echo
echo "$(uptime)"
echo "$header evaluation peak MB | run peak MB | last/first | flat (<= 1.05) | last with evaluation/first |"
echo "$rule---:|---:|---:|---|---:|"
printf '%s\n' "${rows[@]}"
