#!/usr/bin/env bash
# Kernel benchmarks for several backends in one JMH run: per-op overhead (tape off and on), matmul
# GFLOP/s and the 784-400-20 MLP value-and-gradient. Prints a Markdown table at the end.
# Usage: bench/kernels.sh [backends, default jvm,nd4j,djl] [extra BenchMain options...]
#   e.g. THREADS=1 taskset -c 0 bench/kernels.sh djl,nd4j,jvm --only vae-matmul, beside
#   THREADS=1 taskset -c 0 python3 bench/anchors/matmul_torch.py (the same products in PyTorch)
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
# THREADS, when set, fixes every backend's kernel threads (OpenMP's for ND4J and libtorch, DJL's own).
threads=()
if [ -n "${THREADS:-}" ]; then
  export OMP_NUM_THREADS="$THREADS"
  threads=(-Dai.djl.pytorch.num_threads="$THREADS")
fi
java ${vector[@]+"${vector[@]}"} ${threads[@]+"${threads[@]}"} -Dcredence.native.cache="$cache" -cp "$cp" \
    dev.credence.bench.BenchMain --backends "$backends" "$@"
