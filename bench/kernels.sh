#!/usr/bin/env bash
# Kernel benchmarks for several backends in one JMH run: per-op overhead (tape off and on), matmul
# GFLOP/s and the 784-400-20 MLP value-and-gradient. Prints a Markdown table at the end.
# Usage: bench/kernels.sh [backends, default jvm,nd4j,djl] [extra BenchMain options...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=native-env.sh
source "$root/bench/native-env.sh"
backends="${1:-jvm,nd4j,djl}"
shift || true
cache="${CREDENCE_NATIVE_CACHE:-$HOME/.cache/credence}"
(cd "$root" && ./mvnw -q -B install -pl bench -am -DskipTests -Dspotless.check.skip=true \
    && ./mvnw -q -B dependency:build-classpath -pl bench -Dmdep.outputFile=target/classpath.txt)
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
# The jvm backend's vectorised kernels need the JDK's incubator module jdk.incubator.vector
# (VECTOR=off leaves it out, to measure the plain loops; the JVM then prints no incubator warning).
vector=(--add-modules jdk.incubator.vector)
[ "${VECTOR:-on}" = off ] && vector=()
java ${vector[@]+"${vector[@]}"} -Dcredence.native.cache="$cache" -cp "$cp" dev.credence.bench.BenchMain --backends "$backends" "$@"
