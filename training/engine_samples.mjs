// Radical-test samples drawn through the kit's own engine (the built dist/engine, onnxruntime-node), so that
// evaluate.py can judge exactly what ships (ONNX, fp16 weights, the engine's sampler), for any model folder:
//   npm run build && node training/engine_samples.mjs <model dir> <out.json> [n] [steps] [scheduler] [guidances]
// (scheduler: an engine short name, default the manifest's own; guidances: comma-separated, default the test's)
//   /usr/bin/python3 -m training.evaluate --engine-samples <out.json>
// Writes <out.json> (prompts, guidances, shapes) and <out.json>.f32 (the samples, float32, in that order).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';

const here = path.dirname(fileURLToPath(import.meta.url));
const { generateImages, loadModel } = await import(pathToFileURL(path.join(here, '../dist/engine/index.js')).href);
const [modelDir, out, n = '64', steps = '25', schedulerArg = '', guidanceArg = ''] = process.argv.slice(2);
if (!modelDir || !out)
  throw new Error('usage: node training/engine_samples.mjs <model dir> <out.json> [n] [steps] [scheduler] [guidances]');
const { RADICAL_TESTS, GUIDANCES: TEST_GUIDANCES } = JSON.parse(
  await readFile(path.join(here, 'radical_tests.json'), 'utf8'),
);
const GUIDANCES = guidanceArg ? guidanceArg.split(',').map(Number) : TEST_GUIDANCES;
const scheduler = schedulerArg || undefined;

const fileFetch = async (url) => new Response(new Uint8Array(await readFile(fileURLToPath(url))));
const model = await loadModel(pathToFileURL(path.resolve(modelDir, 'model.json')).href, {
  fetch: fileFetch,
  runtime: { ort, executionProviders: ['cpu'], label: 'native-cpu' },
});
const chunks = [];
const index = [];
const t0 = performance.now();
for (const [k, [prompt]] of RADICAL_TESTS.entries()) {
  for (const g of GUIDANCES) {
    const frame = await generateImages({
      model,
      prompt,
      guidanceScale: g,
      count: Number(n),
      steps: Number(steps),
      seed: 1000 * k,
      ...(scheduler ? { scheduler } : {}),
    });
    chunks.push(Buffer.from(frame.sample.buffer, frame.sample.byteOffset, frame.sample.byteLength));
    index.push({ prompt, guidance: g, count: Number(n) });
  }
  console.log(`${prompt}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
await model.dispose();
await writeFile(`${out}.f32`, Buffer.concat(chunks));
await writeFile(
  out,
  JSON.stringify(
    {
      model: model.manifest.name,
      version: model.manifest.version,
      steps: Number(steps),
      scheduler: scheduler ?? model.manifest.scheduler_config._class_name,
      shape: [1, 32, 32],
      index,
    },
    null,
    1,
  ),
);
