#!/usr/bin/env bash
# Eight schools (non-centred), 4 chains x 2000 iterations: RStan's NUTS and Credence's NUTS, one
# after the other on this machine. Needs ../shared/anchors/setup.sh to have run (RStan).
# Usage: bench/anchors/eight_schools.sh [backend] [threads]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
anchors="$root/../shared/anchors"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$anchors/eight_schools_noncentered.stan" "$work/model.stan"
cp "$anchors/eight_schools.json" "$work/data.json"
(cd "$root" && ./mvnw -q -B package -pl bench -am -DskipTests -Dspotless.check.skip=true)
echo "--- RStan (compile not counted) ---"
stan_out="$(Rscript "$anchors/stan_nuts.R" "$work" 4 2000 2>&1 || true)"
grep '^stan wall_s' <<<"$stan_out" || { echo "$stan_out"; exit 1; }
echo "--- Credence ---"
java -cp "$root/bench/target/benchmarks.jar" dev.credence.bench.anchors.EightSchoolsNuts "${1:-jvm}" "${2:-1}"
