#!/bin/sh
# The shipped model's radical test against the number of sampling steps (issue 20, part 1): for each scheduler
# and step count, 12 prompts x 64 samples at guidance 7 drawn through the kit's engine (onnxruntime-node, the
# built dist/engine), judged by both judges with Wilson intervals and the novelty ratio (training.evaluate).
# Resumable: a configuration whose metrics.json exists is skipped. Then training.step_curve writes the table.
#   npm run build && sh training/step_curve.sh [out dir]      (default training/evaluations/step-curve)
set -eu
OUT=${1:-training/evaluations/step-curve}
MODEL=assets/models/glyffuser-mini
TMP=${TMPDIR:-/tmp}/dk-step-curve
mkdir -p "$OUT" "$TMP"
for sched in ddim dpmSolverMultistep euler; do
  for steps in 25 15 10 8 6 4; do
    dir="$OUT/$sched-$steps"
    [ -f "$dir/metrics.json" ] && continue
    node training/engine_samples.mjs "$MODEL" "$TMP/$sched-$steps.json" 64 "$steps" "$sched" 7 > /dev/null
    /usr/bin/python3 -m training.evaluate --engine-samples "$TMP/$sched-$steps.json" --out "$dir" --guidances 7 | tail -2
    rm -f "$TMP/$sched-$steps.json" "$TMP/$sched-$steps.json.f32"
  done
done
/usr/bin/python3 -m training.step_curve "$OUT"
