#!/bin/sh
# Ship the latest checkpoint of the few-step student (distill.py) as assets/models/glyffuser-mini-turbo/ and measure
# it through the kit's engine: export (export_turbo.py), then for 1, 2 and 4 LCM steps the radical test (12 prompts
# x 64 at guidance 7, drawn by engine_samples.mjs on the shipped files, judged by evaluate.py with both judges), then
# model.json and README.md with the measured table (turbo_manifest.py picks the default steps from it).
#   sh training/turbo_finish.sh [run]          (default run: turbo; stop training first: it uses both cores)
# Env: EVAL_N (default 64), STEPS (default "1 2 4").
set -eu
cd "$(dirname "$0")/.."
RUN=${1:-turbo}
PY=/usr/bin/python3
OUT=assets/models/glyffuser-mini-turbo
EVALS=training/evaluations/turbo
TMP=${TMPDIR:-/tmp}/dk-turbo-eval
mkdir -p "$EVALS" "$TMP"
echo "== export (run $RUN)"
$PY -m training.export_turbo --run "$RUN" --out "$OUT" > /dev/null
$PY -m training.turbo_manifest --run "$RUN" --out "$OUT" --evaluations "$TMP/none" --steps 4
echo "== build the engine"
npm run build > /dev/null
for steps in ${STEPS:-1 2 4}; do
  echo "== radical test, LCM $steps step(s)"
  node training/engine_samples.mjs "$OUT" "$TMP/lcm-$steps.json" "${EVAL_N:-64}" "$steps" "" 7 > /dev/null
  $PY -m training.evaluate --engine-samples "$TMP/lcm-$steps.json" --out "$EVALS/lcm-$steps" --guidances 7 \
      --atlas "$EVALS/lcm-$steps/samples.png" | tail -2
  rm -f "$TMP/lcm-$steps.json" "$TMP/lcm-$steps.json.f32"
done
echo "== manifest + README"
$PY -m training.turbo_manifest --run "$RUN" --out "$OUT" --evaluations "$EVALS"
du -b "$OUT"/unet.onnx
