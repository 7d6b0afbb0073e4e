#!/usr/bin/env bash
# Where one VAE training step spends its time, per backend (dev.credence.bench.profile.VaeStepProfile):
# wall time per step, time inside backend calls, and the calls by primitive and shapes. Writes
# bench/target/profile/vae-step-BACKEND.md and prints it.
# Usage: bench/profile.sh [backends, default jvm,djl,nd4j] [steps per window, default 100]
# PROFILE_JAVA_OPTS=-Dcredence.svi.compile=false profiles the step without compilation.
# THREADS (default 1) sets the kernel threads of every backend.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=native-env.sh
source "$root/bench/native-env.sh"
backends="${1:-jvm,djl,nd4j}"
steps="${2:-100}"
threads="${THREADS:-1}"
cache="${CREDENCE_NATIVE_CACHE:-$HOME/.cache/credence}"
(cd "$root" && ./mvnw -q -B install -pl bench -am -DskipTests -Dspotless.check.skip=true \
    && ./mvnw -q -B dependency:build-classpath -pl bench -Dmdep.outputFile=target/classpath.txt)
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
mkdir -p "$root/bench/target/profile"
# The jvm backend's vectorised kernels need the JDK's incubator module jdk.incubator.vector
# (VECTOR=off leaves it out, to measure the plain loops; the JVM then prints no incubator warning).
# G1 and the heap, as the credence launcher gives `credence vae`: pinned to one CPU the JVM would
# pick its serial collector.
vector=(--add-modules jdk.incubator.vector)
[ "${VECTOR:-on}" = off ] && vector=()
for b in ${backends//,/ }; do
  THREADS="$threads" OMP_NUM_THREADS="$threads" java ${vector[@]+"${vector[@]}"} -XX:+UseG1GC "${vae_heap[@]}" -Dcredence.native.cache="$cache" \
      -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
      ${PROFILE_JAVA_OPTS:-} -cp "$cp" dev.credence.bench.profile.VaeStepProfile \
      "$b" "$steps" "$root/bench/target/profile/vae-step-$b.md"
done
