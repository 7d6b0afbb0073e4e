#!/usr/bin/env bash
# The UCI regression benchmark (Hernandez-Lobato & Adams 2015 splits, 1 hidden layer of 50 units,
# 40 epochs): Bayes by Backprop and MC dropout from models-bnn, beside the published VI, PBP and
# dropout columns. Data: ../shared/data/uci (see its README). Results: bench/target/uci/.
# Usage: bench/uci.sh [--datasets a,b] [--splits N] [--methods bbb,mcdropout] [--epochs-factor F]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B package -pl bench -am -DskipTests -Dspotless.check.skip=true)
# The jvm backend's vectorised kernels need the JDK's incubator module jdk.incubator.vector
# (VECTOR=off leaves it out, to measure the plain loops; the JVM then prints no incubator warning).
vector=(--add-modules jdk.incubator.vector)
[ "${VECTOR:-on}" = off ] && vector=()
exec java ${vector[@]+"${vector[@]}"} -cp "$root/bench/target/benchmarks.jar" dev.credence.bench.uci.UciBenchmark \
    --data "$root/../shared/data/uci" --out "$root/bench/target/uci" "$@"
