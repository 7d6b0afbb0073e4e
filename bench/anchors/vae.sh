#!/usr/bin/env bash
# The reference VAE on Fashion-MNIST: PyTorch's (../shared/anchors/vae_torch.py) and Credence's, one
# after the other on this machine, for the same epochs; prints each epoch and a table of test loss,
# seconds per epoch and resident set. Needs ../shared/anchors/setup.sh to have run (python3-torch,
# dataset-fashion-mnist).
# Usage: bench/anchors/vae.sh [epochs] [backends, comma-separated]   (defaults: 2 jvm,djl,nd4j)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../bench/native-env.sh
source "$root/bench/native-env.sh"
anchors="$root/../shared/anchors"
epochs="${1:-2}"
backends="${2:-jvm,djl,nd4j}"
cache="${CREDENCE_NATIVE_CACHE:-$HOME/.cache/credence}"
# shellcheck source=python-env.sh
source "$root/bench/anchors/python-env.sh"
(cd "$root" && ./mvnw -q -B install -pl bench -am -DskipTests -Dspotless.check.skip=true \
    && ./mvnw -q -B dependency:build-classpath -pl bench -Dmdep.outputFile=target/classpath.txt)
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
# The jvm backend's vectorised kernels need the JDK's incubator module jdk.incubator.vector
# (VECTOR=off leaves it out, to measure the plain loops; the JVM then prints no incubator warning).
# G1 and the heap, as the credence launcher gives `credence vae`: pinned to one CPU the JVM would
# pick its serial collector.
vector=(--add-modules jdk.incubator.vector)
[ "${VECTOR:-on}" = off ] && vector=()
java ${vector[@]+"${vector[@]}"} -XX:+UseG1GC "${vae_heap[@]}" -Dcredence.native.cache="$cache" -cp "$cp" \
    dev.credence.bench.anchors.VaeVsTorch "$anchors/vae_torch.py" "$epochs" "$backends"
