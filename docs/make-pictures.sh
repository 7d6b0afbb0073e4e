#!/usr/bin/env bash
# Remakes the pictures in docs/: the run report of a NUTS run on the centred eight-schools model
# (a headless Chromium screenshot; the run fails its checks, so the page shows warnings, red cells
# and divergences), its trace, rank and pair plots, and the BNN predictive bands of `credence demo`.
# Needs Chromium (Debian's `chromium` package) for the screenshot. Run from the repository root:
#   docs/make-pictures.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"

./credence sample eight-schools-centered --seed 1 --output "$work/es"
./credence report "$work/es" --figures "$work/figures"
for f in trace rank pairs; do
  cp "$work/figures/$f.png" "docs/$f.png"
done

./credence demo --seed 1 --skip-vae --output "$work/demo"
cp "$work/demo/bnn-uncertainty.png" docs/bnn-bands.png

browser="$(command -v chromium || command -v chromium-browser)"
"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1280,2200 \
  --screenshot="$here/docs/report.png" "file://$work/es/report.html"
ls -l docs/*.png
