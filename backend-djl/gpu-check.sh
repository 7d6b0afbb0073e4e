#!/usr/bin/env bash
# Runs the backend conformance kit on djl-gpu (PyTorch on a CUDA GPU through DJL).
#
# Usage, on a machine with an NVIDIA GPU, a JDK 17 and this repository:
#   backend-djl/gpu-check.sh [--device N] [--offline-only] [--skip-build] [--vae-epochs N]
#
# A CUDA build of libtorch 2.7.1 is needed; the build's own dependencies bring the CPU build only.
# The script takes the first of:
#   1. PYTORCH_LIBRARY_PATH, if set: the lib folder of a CUDA 12.8 libtorch 2.7.1 (offline);
#   2. the lib folder of an installed Python torch 2.7.1 built with CUDA (offline);
#   3. a download by DJL, when publish.djl.ai is reachable (Maven profile djl-cuda-download).
# --skip-build uses the api, tck and backend-jvm already installed in the local Maven repository.
# It prints the GPU, the libtorch it chose, and the kit's counts; exit status 0 means the whole kit
# passed on the GPU, 1 that tests failed or were skipped (the reason is printed), 2 a set-up error.
# Then (unless --vae-epochs 0; default 2) it times the reference VAE (784-400-20, batch 128, Adam)
# on djl-gpu against PyTorch on the same GPU (gpu-vae-torch.py, needs a CUDA torch in python3 and
# ../shared/anchors); VAE_DATA is the Fashion-MNIST folder (default: Debian's dataset package).
set -euo pipefail

device=0
offline_only=false
skip_build=false
vae_epochs=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --device) device="$2"; shift 2 ;;
    --offline-only) offline_only=true; shift ;;
    --skip-build) skip_build=true; shift ;;
    --vae-epochs) vae_epochs="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "gpu-check: unknown argument '$1' (allowed: --device N, --offline-only, --skip-build, --vae-epochs N)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== GPU"
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv,noheader || true
else
  echo "nvidia-smi not found: no NVIDIA driver on this machine?"
fi
java -version 2>&1 | head -1

profile=()
mvn_offline=(-o)
if [[ -n "${PYTORCH_LIBRARY_PATH:-}" ]]; then
  source_desc="PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH"
else
  torch_lib="$(python3 - <<'PY' 2>/dev/null || true
import os, torch
if torch.__version__.startswith("2.7.1") and torch.version.cuda:
    print(os.path.join(os.path.dirname(torch.__file__), "lib"))
PY
)"
  if [[ -n "$torch_lib" && -f "$torch_lib/libtorch.so" ]]; then
    export PYTORCH_LIBRARY_PATH="$torch_lib"
    source_desc="Python torch 2.7.1 at $torch_lib"
  elif [[ "$offline_only" == false ]] && curl -sfI -m 10 https://publish.djl.ai >/dev/null 2>&1; then
    profile=(-P djl-cuda-download)
    mvn_offline=()
    # DJL picks the flavour through libcudart, which may be absent; name the CUDA 12.8 build.
    if command -v nvidia-smi >/dev/null 2>&1; then
      export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu128}"
    fi
    source_desc="download by DJL (flavour ${PYTORCH_FLAVOR:-chosen by DJL})"
  else
    cat >&2 <<'MSG'
gpu-check: no CUDA libtorch found. Set PYTORCH_LIBRARY_PATH to the lib folder of libtorch 2.7.1
built for CUDA 12.8 (the libtorch-*-2.7.1+cu128 zip from pytorch.org, or site-packages/torch/lib of
a CUDA torch 2.7.1 wheel), or run on a machine that can reach publish.djl.ai.
MSG
    exit 2
  fi
fi
if [[ -n "${PYTORCH_LIBRARY_PATH:-}" ]]; then
  # The JNI library in pytorch-jni is chosen by flavour; cu128 is the CUDA one DJL 0.36 ships.
  export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu128}"
  export PYTORCH_VERSION="${PYTORCH_VERSION:-2.7.1}"
fi
echo "== libtorch: $source_desc"

if [[ "$skip_build" == true ]]; then
  echo "== Using the installed api, tck and backend-jvm"
elif echo "== Building api, tck and backend-jvm" && ! ./mvnw -B -q ${mvn_offline[@]+"${mvn_offline[@]}"} install -pl api,tck,backend-jvm -DskipTests; then
  echo "gpu-check: offline build failed; retrying with network access" >&2
  mvn_offline=()
  ./mvnw -B -q install -pl api,tck,backend-jvm -DskipTests || exit 2
fi

echo "== Running the kit on djl-gpu (device $device)"
report=backend-djl/target/surefire-reports/TEST-dev.credence.backend.djl.DjlGpuConformanceTest.xml
rm -f "$report"
set +e
./mvnw -B ${mvn_offline[@]+"${mvn_offline[@]}"} ${profile[@]+"${profile[@]}"} -pl backend-djl test \
  -Dcredence.djl.gpu.tests=true -Dcredence.djl.gpu.device="$device" \
  -Dtest='DjlGpuConformanceTest,DjlGpuProviderTest' -Dsurefire.failIfNoSpecifiedTests=false
status=$?
set -e

if [[ ! -f "$report" ]]; then
  echo "gpu-check: no report from DjlGpuConformanceTest (Maven exit $status)" >&2
  exit 2
fi
attr() { grep -o "<testsuite[^>]*" "$report" | grep -o " $1=\"[0-9]*\"" | tr -dc '0-9'; }
tests="$(attr tests)"; failures="$(attr failures)"; errors="$(attr errors)"; skipped="$(attr skipped)"
echo "== DjlGpuConformanceTest: $tests tests, $failures failures, $errors errors, $skipped skipped"
if [[ "${skipped:-0}" -gt 0 ]]; then
  echo "Skipped because:"
  grep -o 'Assumption failed: [^]]*' "$report" | head -1 | cut -c1-2000 || true
fi
kit_failed=false
if [[ $status -ne 0 || "${tests:-0}" -eq 0 || "${skipped:-0}" -eq "${tests:-0}" ]]; then
  kit_failed=true
fi

if [[ "$vae_epochs" -gt 0 && "$kit_failed" == false ]]; then
  echo "== VAE, $vae_epochs epochs: PyTorch on cuda:$device, then Credence on djl-gpu (device $device)"
  data="${VAE_DATA:-/usr/share/datasets/fashion-mnist}"
  ./mvnw -q -B ${mvn_offline[@]+"${mvn_offline[@]}"} ${profile[@]+"${profile[@]}"} install -pl bench -am \
    -DskipTests -Dspotless.check.skip=true
  ./mvnw -q -B ${mvn_offline[@]+"${mvn_offline[@]}"} ${profile[@]+"${profile[@]}"} dependency:build-classpath \
    -pl bench -Dmdep.outputFile=target/classpath.txt
  python3 backend-djl/gpu-vae-torch.py "$root/../shared/anchors" "$data" "$vae_epochs" "$device" \
    | tee backend-djl/target/gpu-vae-torch.txt
  java -Xmx4g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    dev.credence.bench.anchors.VaeBackendRun djl-gpu "$vae_epochs" "$data" \
    | grep -v '^SLF4J' | tee backend-djl/target/gpu-vae-credence.txt
  echo "| epoch | PyTorch s | djl-gpu s | ratio | PyTorch test loss | djl-gpu test loss |"
  echo "|---:|---:|---:|---:|---:|---:|"
  paste <(grep '^epoch' backend-djl/target/gpu-vae-torch.txt) \
        <(grep '^credence.* epoch' backend-djl/target/gpu-vae-credence.txt) \
    | awk '{ printf "| %d | %.2f | %.2f | %.2fx | %s | %s |\n", $2, $4, $13, $13 / $4, $8, $17 }'
fi
if [[ "$kit_failed" == true ]]; then
  exit 1
fi
echo "gpu-check: the conformance kit passed on djl-gpu"
