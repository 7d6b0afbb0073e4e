# Sourced by the anchor scripts that run PyTorch: the interpreter with torch is $PYTHON, else
# python3 if it has torch, else Debian's (../shared/anchors/setup.sh installs python3-torch there).
if [ -z "${PYTHON:-}" ]; then
  if python3 -c 'import torch' 2>/dev/null; then PYTHON=python3; else PYTHON=/usr/bin/python3; fi
fi
export PYTHON
