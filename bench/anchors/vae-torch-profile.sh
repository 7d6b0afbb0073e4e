#!/usr/bin/env bash
# One training step of PyTorch's VAE anchor, profiled (bench/anchors/vae_torch_profile.py): step
# time, then torch.profiler's table by operator and input shapes, and the BLAS torch was built with.
# Read it beside bench/profile.sh's tables of the same step on Credence's backends.
# Needs ../shared/anchors/setup.sh to have run (python3-torch, dataset-fashion-mnist).
# Usage: THREADS=1 taskset -c 0 bench/anchors/vae-torch-profile.sh [WARMUP STEPS PROFILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DATA:-/usr/share/datasets/fashion-mnist}"
# shellcheck source=python-env.sh
source "$root/bench/anchors/python-env.sh"
THREADS="${THREADS:-1}" "$PYTHON" "$root/bench/anchors/vae_torch_profile.py" "$root/../shared/anchors" "$data" "$@"
