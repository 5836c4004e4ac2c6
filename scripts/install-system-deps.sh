#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when missing (needs root, or sudo):
#  - chromium: the browser tests and Storybook's story tests (driven by Playwright, no browser download);
#  - python3-torch, -numpy, -pil, -onnx, libopenblas0-pthread, unicode-data, fonts-noto-cjk, wordnet-base: the
#    training pipeline's tests;
#  - fonts-dejavu-core, fonts-dejavu-extra (the obliques), fonts-liberation: the fonts the visual references in
#    test/visual/reference were drawn with (the kit's system-ui and monospace stacks resolve to them here).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import torch, numpy, PIL, onnx' 2>/dev/null || missing+=(python3-torch python3-numpy python3-pil python3-onnx)
[ -d /usr/share/unicode ] && ls /usr/share/unicode | grep -qi unihan || missing+=(unicode-data)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
[ -d /usr/share/wordnet ] || missing+=(wordnet-base)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf ] || missing+=(fonts-dejavu-extra)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
# Without OpenBLAS, Debian's torch falls back to the reference BLAS, about 30 times slower.
dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q "install ok installed" || missing+=(libopenblas0-pthread)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q "${missing[@]}"
