#!/bin/sh
# Evaluate + export the latest checkpoint of a run into the model assets folder.
#   sh training/finish.sh [run]            (default run: main)
# Env overrides (for quick tests): OUT=dir  EVAL_N=64  EVAL_STEPS=25
# Run it after training has stopped: it uses both CPU cores for a few minutes.
set -eu
cd "$(dirname "$0")/.."
RUN=${1:-main}
PY=/usr/bin/python3
OUT=${OUT:-assets/models/glyffuser-mini}
RUN_DIR=training/runs/$RUN
mkdir -p "$OUT"
test -f "$RUN_DIR/last.pt" || test -f "training/checkpoints/$RUN.pt" || { echo "no checkpoint for run $RUN" >&2; exit 1; }
echo "== evaluate (run $RUN)"
$PY -m training.evaluate --run "$RUN" --n "${EVAL_N:-64}" --steps "${EVAL_STEPS:-25}" \
    --atlas "$OUT/samples.png"
echo "== export ONNX + fixtures"
$PY -m training.export --run "$RUN" --out "$OUT"
cp "$RUN_DIR/metrics.json" "$OUT/metrics.json"
echo "== manifest + README"
$PY -m training.manifest --run "$RUN" --out "$OUT"
echo "== sizes"
du -b "$OUT"/*.onnx "$OUT"/tokenizer.json "$OUT"/samples.png
du -sb "$OUT"
