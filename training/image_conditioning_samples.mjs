// The engine's samples for image_conditioning_test.py (see there): real glyphs with their left third repainted
// (RePaint, `inpaint`) with a radical's prompt and with the empty prompt, and GlyphSketch's rough water radical
// finished (SDEdit, `init`) with "water" and with the empty prompt, beside plain generations of "water". Through the
// built dist/engine on onnxruntime-node, as engine_samples.mjs:
//   npm run build && node training/image_conditioning_samples.mjs <dir> [steps] [strength] [sketch|all] [model]
// ("sketch" draws only the sketch rows: a strength sweep without the repaints again; model: a folder of
// assets/models, default glyffuser-mini; a guided-distilled student runs its own scheduler, the teacher DDIM)
// Reads <dir>/sources.json(.f32 as sources.f32); writes <dir>/samples.json and <dir>/samples.f32.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = (p) => import(pathToFileURL(path.join(here, '../dist', p)).href);
const { generateImages, loadModel } = await dist('engine/index.js');
const { roughWaterSketch } = await dist('components/GlyphSketch/sketchPresets.js');
const [dir, stepsArg = '25', strengthArg = '0.6', only = 'all', modelName = 'glyffuser-mini'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node training/image_conditioning_samples.mjs <dir> [steps] [strength]');
const steps = Number(stepsArg);
const strength = Number(strengthArg);

const fileFetch = async (url) => new Response(new Uint8Array(await readFile(fileURLToPath(url))));
const modelDir = path.join(here, '../assets/models', modelName);
const model = await loadModel(pathToFileURL(path.join(modelDir, 'model.json')).href, {
  fetch: fileFetch,
  runtime: { ort, executionProviders: ['cpu'], label: 'native-cpu' },
});
const guidanceScale = model.manifest.guidance.default;
const student = model.manifest.unet.inputs.timestepCond !== undefined;
const { ink = 1, background = -1 } = model.manifest.image;
const size = 32 * 32;

const sources = JSON.parse(await readFile(path.join(dir, 'sources.json'), 'utf8'));
const sourcePixels = new Float32Array((await readFile(path.join(dir, 'sources.f32'))).buffer.slice(0));
const mask = new Float32Array(size);
for (let r = 0; r < 32; r++) mask.fill(1, r * 32, r * 32 + sources.mask_columns);

const chunks = [];
const index = [];
const t0 = performance.now();
async function run(label, radical, options, extra = {}) {
  const frame = await generateImages({
    model,
    guidanceScale,
    steps,
    ...(student ? {} : { scheduler: 'ddim' }),
    ...options,
  });
  chunks.push(Buffer.from(frame.sample.buffer, frame.sample.byteOffset, frame.sample.byteLength));
  index.push({ label, radical, count: frame.count, ...extra });
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

let offset = 0;
for (const [k, e] of only === 'sketch' ? [] : sources.index.entries()) {
  const image = sourcePixels.subarray(offset * size, (offset + e.count) * size);
  offset += e.count;
  const inpaint = { image, mask };
  const extra = { source_radicals: e.radicals, source_codepoints: e.codepoints };
  await run(`repaint "${e.prompt}"`, e.radical, { prompt: e.prompt, count: e.count, seed: 1000 * k, inpaint }, extra);
  await run(
    `repaint "" (control, ${e.prompt})`,
    e.radical,
    { prompt: '', count: e.count, seed: 1000 * k, inpaint },
    extra,
  );
}
const n = sources.index[0].count;
const sketch = roughWaterSketch().map((v) => background + v * (ink - background));
await run(`sketch "water" s=${strength}`, 85, {
  prompt: 'water',
  count: n,
  seed: 7000,
  init: { image: sketch, strength },
});
await run(`sketch "" s=${strength} (control)`, 85, {
  prompt: '',
  count: n,
  seed: 7000,
  init: { image: sketch, strength },
});
await run('plain "water"', 85, { prompt: 'water', count: n, seed: 7000 });
await model.dispose();

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
        strength,
        mask: `left ${sources.mask_columns} of 32 columns`,
      },
      shape: [1, 32, 32],
      index,
    },
    null,
    1,
  ),
);
