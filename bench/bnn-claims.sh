#!/usr/bin/env bash
# The measured claims of models-bnn: gap uncertainty (NUTS, Bayes by Backprop, MC dropout, deep
# ensemble; writes bench/target/bnn/gap.png), BNN vs MAP on 50 training points, and both against
# training-set size. UCI data: ../shared/data/uci.
# Usage: bench/bnn-claims.sh [--claims 1,2,3] [--dataset concrete,bostonHousing] [--splits 5]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && ./mvnw -q -B package -pl bench -am -DskipTests -Dspotless.check.skip=true)
exec java -cp "$root/bench/target/benchmarks.jar" dev.credence.bench.bnn.BnnClaims \
    --data "$root/../shared/data/uci" --out "$root/bench/target/bnn" "$@"
