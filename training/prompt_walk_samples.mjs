// The engine's samples for prompt_walk_test.py (see there): prompt walks (GenerateOptions.walk.prompts, LatentWalk's
// prompt mode) between two radicals' prompts, one walk per seed, every point of a walk from that seed's noise. Through
// the built dist/engine on onnxruntime-node, as image_conditioning_samples.mjs:
//   npm run build && node training/prompt_walk_samples.mjs <dir> [seeds] [points] [steps] [model]
// (model: a folder of assets/models, default glyffuser-mini; the teacher runs DDIM, a guided-distilled student its
// own scheduler). Writes <dir>/samples.json and <dir>/samples.f32, position-major: for each pair and point, one image
// per seed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';

const here = path.dirname(fileURLToPath(import.meta.url));
const { generateImages, loadModel } = await import(pathToFileURL(path.join(here, '../dist/engine/index.js')).href);
const [dir, seedsArg = '64', pointsArg = '9', stepsArg = '25', modelName = 'glyffuser-mini'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node training/prompt_walk_samples.mjs <dir> [seeds] [points] [steps] [model]');
const [seeds, points, steps] = [seedsArg, pointsArg, stepsArg].map(Number);

// Radicals that sit on the left of a glyph (as in image_conditioning_test.py), walked in pairs.
const PAIRS = [
  [
    ['water', 85],
    ['tree', 75],
  ],
  [
    ['speech', 149],
    ['gold', 167],
  ],
];

const fileFetch = async (url) => new Response(new Uint8Array(await readFile(fileURLToPath(url))));
const model = await loadModel(pathToFileURL(path.join(here, '../assets/models', modelName, 'model.json')).href, {
  fetch: fileFetch,
  runtime: { ort, executionProviders: ['cpu'], label: 'native-cpu' },
});
const guidanceScale = model.manifest.guidance.default;
const student = model.manifest.unet.inputs.timestepCond !== undefined;
const size = 32 * 32;

const chunks = [];
const index = [];
const t0 = performance.now();
for (const [[a, radicalA], [b, radicalB]] of PAIRS) {
  // walks[s]: the seed's walk, points x size values.
  const walks = [];
  for (let s = 0; s < seeds; s++) {
    const frame = await generateImages({
      model,
      guidanceScale,
      steps,
      ...(student ? {} : { scheduler: 'ddim' }),
      count: points,
      seed: 9000 + s,
      walk: { prompts: [a, b] },
    });
    walks.push(frame.sample);
  }
  for (let p = 0; p < points; p++) {
    for (const w of walks) chunks.push(Buffer.from(w.buffer, w.byteOffset + p * size * 4, size * 4));
    index.push({
      label: `walk "${a}" -> "${b}" u=${(p / (points - 1)).toFixed(3)}`,
      radical: radicalA,
      radical_b: radicalB,
      prompts: [a, b],
      point: p,
      u: p / (points - 1),
      count: seeds,
    });
  }
  console.log(`"${a}" -> "${b}": ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
await model.dispose();

await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'samples.f32'), Buffer.concat(chunks));
await writeFile(
  path.join(dir, 'samples.json'),
  JSON.stringify(
    {
      source: `${model.manifest.name} v${model.manifest.version} (ONNX through the kit's engine, onnxruntime-node)`,
      settings: {
        scheduler: student ? model.manifest.scheduler_config._class_name : 'DDIM',
        steps,
        guidance: guidanceScale,
        seeds,
        points,
        first_seed: 9000,
      },
      shape: [1, 32, 32],
      index,
    },
    null,
    1,
  ),
);
