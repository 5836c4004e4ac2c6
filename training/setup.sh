#!/bin/sh
# Install the Debian packages the glyffuser-mini training pipeline needs.
# libopenblas0-pthread matters: without it torch uses the reference BLAS (~30x slower).
# Idempotent: only calls apt-get when a package is missing. Run as root.
set -eu
PKGS="libopenblas0-pthread python3-torch python3-numpy python3-pil python3-onnx unicode-data fonts-noto-cjk wordnet-base"
MISSING=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    MISSING="$MISSING $p"
  fi
done
if [ -n "$MISSING" ]; then
  echo "installing:$MISSING"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $MISSING
else
  echo "all packages present"
fi
