#!/bin/sh
# Evaluate + export the latest checkpoint of a run into the model assets folder.
#   sh training/finish.sh [run]            (default run: main)
# Env overrides (for quick tests): OUT=dir  EVAL_N=16  EVAL_STEPS=25
# Run it after training has stopped: it uses both CPU cores for a few minutes.
set -eu
cd "$(dirname "$0")/.."
RUN=${1:-main}
PY=/usr/bin/python3
OUT=${OUT:-assets/models/glyffuser-mini}
RUN_DIR=training/runs/$RUN
mkdir -p "$OUT"
test -f "$RUN_DIR/last.pt" || { echo "no checkpoint $RUN_DIR/last.pt" >&2; exit 1; }
echo "== evaluate ($RUN_DIR/last.pt)"
$PY training/evaluate.py --run "$RUN" --n "${EVAL_N:-16}" --steps "${EVAL_STEPS:-25}" \
    --atlas "$OUT/samples.png"
echo "== export ONNX + fixtures"
$PY training/export.py --run "$RUN" --out "$OUT"
cp "$RUN_DIR/metrics.json" "$OUT/metrics.json"
echo "== manifest + README"
$PY training/manifest.py --run "$RUN" --out "$OUT"
echo "== sizes"
du -b "$OUT"/*.onnx "$OUT"/tokenizer.json "$OUT"/samples.png
du -sb "$OUT"
