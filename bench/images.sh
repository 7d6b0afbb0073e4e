#!/usr/bin/env bash
# The image benchmark (issue 17): train on Fashion-MNIST, score on its test split and on MNIST's
# test split as the out-of-distribution set; every method of bench/images/Methods, five seeds.
# Data: Fashion-MNIST from Debian's dataset-fashion-mnist package (or the credence cache, or
# --fashion DIR); MNIST's test split from ../shared/data/mnist-t10k.
# Results: bench/target/images/ (results.csv, table.md, reliability-*.png, confidence-*.png);
# a rerun resumes from results.csv.
#
# The full-size run (all 60,000 training images, 10 epochs) is
#   bench/images.sh --train 0 --test 0 --ood 0 --epochs 10
# The default below is the MLP size measured in models-bnn/README.md (about 4 minutes a seed on
# one core); the CNN rows there are --arch cnn --train 5000 --test 1000 --ood 1000 --epochs 5
# --swag-epochs 1 --lr 0.01 (Adam 0.01 and one SWAG epoch: the CNN's validated settings; the MLP's
# rate is the default 0.001). Methods picks each network's validated method options.
# --validation V scores on V training images disjoint from the training subset instead of the test
# split (how the learning rate, the dropout rate and the prior precisions were chosen).
# Usage: bench/images.sh [--arch mlp,cnn] [--train N] [--test N] [--ood N] [--epochs E]
#        [--batch B] [--lr R] [--swag-epochs E] [--seeds S] [--draws D] [--methods k1,k2] [--out DIR]
#        [--validation V] [--set method.option=value,...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B package -pl bench -am -DskipTests -Dspotless.check.skip=true)
# The jvm backend's vectorised kernels need the JDK's incubator module jdk.incubator.vector
# (VECTOR=off leaves it out).
vector=(--add-modules jdk.incubator.vector)
[ "${VECTOR:-on}" = off ] && vector=()
exec java ${vector[@]+"${vector[@]}"} -Xmx6g -cp "$root/bench/target/benchmarks.jar" dev.credence.bench.images.ImageBenchmark \
    --mnist "$root/../shared/data/mnist-t10k" --out "$root/bench/target/images" \
    --arch mlp --train 10000 --test 2000 --ood 2000 --epochs 10 --swag-epochs 5 --draws 16 --seeds 5 "$@"
