// Does nearby noise give nearby glyphs? Seed walks (GenerateOptions.walk.seeds, LatentWalk's default mode) through
// the built dist/engine on onnxruntime-node: for each of `walks` seed pairs (s, s + 1), `points` glyphs along the great
// circle between the two seeds' noise, the same prompt. Changes are LatentWalk's own measure (its change bars): the
// mean absolute difference of two glyphs' pixels as a share of full ink. Per walk:
//  - step: the median change between neighbouring points; ends: the change between the walk's two ends (two
//    independent seeds' glyphs); their ratio;
//  - largest share: the largest neighbouring change over the sum of them (1/(points - 1) for an even drift, 1 for
//    one jump).
// Writes each walk's numbers to <out>.json; prompt_walk_test.py --seed-walks adds their medians over the walks, with
// a distribution-free 95% interval (order statistics), to the same file.
//   npm run build && node training/seed_walk_test.mjs <out> [walks] [points] [steps] [prompt] [model]
//   /usr/bin/python3 -m training.prompt_walk_test --seed-walks <out>.json
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = (p) => import(pathToFileURL(path.join(here, '../dist', p)).href);
const { generateImages, loadModel } = await dist('engine/index.js');
const { neighbourChanges } = await dist('components/LatentWalk/walkChanges.js');
const { imageToBytes } = await dist('components/shared/generation/sampleBytes.js');
const [out, walksArg = '64', pointsArg = '9', stepsArg = '15', prompt = 'water', modelName = 'glyffuser-mini'] =
  process.argv.slice(2);
if (!out) throw new Error('usage: node training/seed_walk_test.mjs <out> [walks] [points] [steps] [prompt] [model]');
const [walks, points, steps] = [walksArg, pointsArg, stepsArg].map(Number);

const fileFetch = async (url) => new Response(new Uint8Array(await readFile(fileURLToPath(url))));
const model = await loadModel(pathToFileURL(path.join(here, '../assets/models', modelName, 'model.json')).href, {
  fetch: fileFetch,
  runtime: { ort, executionProviders: ['cpu'], label: 'native-cpu' },
});
const student = model.manifest.unet.inputs.timestepCond !== undefined;
const size = model.manifest.image.channels * model.manifest.image.width * model.manifest.image.height;

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
};
const perWalk = { step: [], ends: [], ratio: [], largestShare: [] };
const t0 = performance.now();
for (let w = 0; w < walks; w++) {
  const seedA = 2 * w;
  const frame = await generateImages({
    model,
    prompt,
    guidanceScale: model.manifest.guidance.default,
    steps,
    ...(student ? {} : { scheduler: 'ddim' }),
    count: points,
    walk: { seeds: [seedA, seedA + 1] },
  });
  const bytes = imageToBytes(frame.sample, model.manifest.image); // as the figures draw them
  const changes = neighbourChanges(bytes, points, size);
  const ends = neighbourChanges(
    new Uint8Array([...bytes.subarray(0, size), ...bytes.subarray((points - 1) * size)]),
    2,
    size,
  )[0];
  const total = changes.reduce((a, b) => a + b, 0);
  perWalk.step.push(median(changes));
  perWalk.ends.push(ends);
  perWalk.ratio.push(median(changes) / ends);
  perWalk.largestShare.push(Math.max(...changes) / total);
}
await model.dispose();
const result = {
  source: `${model.manifest.name} v${model.manifest.version} (ONNX through the kit's engine, onnxruntime-node)`,
  settings: {
    prompt,
    scheduler: student ? model.manifest.scheduler_config._class_name : 'DDIM',
    steps,
    guidance: model.manifest.guidance.default,
    walks,
    points,
    seeds: `(2w, 2w + 1) for w = 0..${walks - 1}`,
  },
  measure: "LatentWalk's change: mean absolute pixel difference as a share of full ink",
  evenDriftShare: 1 / (points - 1),
  perWalk: { step: perWalk.step, ends: perWalk.ends, stepOverEnds: perWalk.ratio, largestShare: perWalk.largestShare },
  seconds: Math.round((performance.now() - t0) / 1000),
};
await writeFile(`${out}.json`, `${JSON.stringify(result)}\n`);
console.log(`${walks} walks in ${result.seconds} s: ${out}.json`);
