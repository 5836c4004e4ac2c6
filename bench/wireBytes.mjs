#!/usr/bin/env node
// Bytes on the wire of a page with one model figure (PromptGenerator), compressed as static hosts serve them:
// brotli (quality 11, what hosts that precompress use) and gzip (level 9, GitHub Pages). What the page fetches:
// - the kit's JavaScript for the figure: esbuild bundles `export { PromptGenerator } from 'diffusion-kit'` from
//   the built dist/ (minified, tree-shaken; React left out, it is the host's), every chunk it reaches;
// - the engine Worker: dist/engine/engineWorker.js with onnxruntime-web bundled in;
// - onnxruntime-web's wasm (the CPU build, the only one a default site emits);
// - the shipped model: model.json, tokenizer.json, text_encoder.onnx, unet.onnx.
// Usage: npm run build && npm run bench:wire-bytes. Writes bench/results/wire-bytes.json.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);

const esbuildOptions = {
  bundle: true,
  write: false,
  minify: true,
  format: 'esm',
  splitting: true,
  outdir: path.join(root, 'bench/.wire-out'),
  platform: 'browser',
  logLevel: 'silent',
  alias: { 'diffusion-kit/engine': path.join(dist, 'engine/index.js'), 'diffusion-kit': path.join(dist, 'index.js') },
  external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
  // The assets the code references with new URL(…) are counted below as files of their own.
  loader: { '.wasm': 'file', '.onnx': 'file', '.json': 'file' },
};

/** Every JavaScript output of a build (the entry and the chunks it may load). */
async function jsOf(options) {
  const result = await build({ ...esbuildOptions, ...options });
  return Buffer.concat(result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => Buffer.from(f.contents)));
}

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});

const model = path.join(root, 'assets/models/glyffuser-mini');
const ortDist = path.dirname(require.resolve('onnxruntime-web/wasm'));
const parts = [
  [
    'kit code: PromptGenerator (page)',
    await jsOf({
      stdin: { contents: "export { PromptGenerator } from 'diffusion-kit';", resolveDir: root, loader: 'js' },
    }),
  ],
  [
    'kit code: engine Worker + onnxruntime-web JS',
    await jsOf({ entryPoints: [path.join(dist, 'engine/engineWorker.js')] }),
  ],
  ['onnxruntime-web wasm (CPU build)', readFileSync(path.join(ortDist, 'ort-wasm-simd-threaded.wasm'))],
  ['model: unet.onnx', readFileSync(path.join(model, 'unet.onnx'))],
  ['model: text_encoder.onnx', readFileSync(path.join(model, 'text_encoder.onnx'))],
  ['model: tokenizer.json', readFileSync(path.join(model, 'tokenizer.json'))],
  ['model: model.json', readFileSync(path.join(model, 'model.json'))],
];

const rows = parts.map(([name, bytes]) => ({ name, ...sizes(bytes) }));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
const mb = (n) => (n / 1e6).toFixed(2).padStart(7);
console.log(`\nOne model figure (PromptGenerator) on a page: bytes on the wire (MB = 10^6 bytes)\n`);
console.log(`${'part'.padEnd(46)} ${'raw'.padStart(7)} ${'gzip-9'.padStart(7)} ${'br-11'.padStart(7)}`);
for (const r of rows) console.log(`${r.name.padEnd(46)} ${mb(r.raw)} ${mb(r.gzip)} ${mb(r.brotli)}`);
console.log(`${'total'.padEnd(46)} ${mb(total.raw)} ${mb(total.gzip)} ${mb(total.brotli)}`);
const goal = 6e6;
console.log(
  `\nGoal: at most 6 MB brotli for wasm + model + kit: ${total.brotli <= goal ? 'met' : 'NOT met'} (${(total.brotli / 1e6).toFixed(2)} MB).`,
);
writeFileSync(
  path.join(root, 'bench/results/wire-bytes.json'),
  `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), figure: 'PromptGenerator', units: 'bytes', rows, total, goalBrotliBytes: goal }, null, 2)}\n`,
);
