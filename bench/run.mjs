// npm run bench: measures, side by side in one run on this machine, the U-Net's per-step latency on
// onnxruntime-node (native) and onnxruntime-web wasm in headless Chromium (cross-origin isolated), then
// end-to-end generation in Chromium. Prints a table and writes bench/results/runtime.json.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { kitAssetsPlugin } from '../scripts/kitAssetsPlugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelDir = path.join(root, 'assets/models/glyffuser-mini');
const BATCHES = [8, 16, 32];
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function nativeStepLatency(threads) {
  const manifest = JSON.parse(await readFile(path.join(modelDir, 'model.json'), 'utf8'));
  const session = await ortNode.InferenceSession.create(path.join(modelDir, manifest.unet.file), {
    intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all',
  });
  const { width, height, channels } = manifest.image;
  const L = manifest.textEncoder.maxLength;
  const D = manifest.textEncoder.hiddenSize;
  const out = {};
  for (const b of BATCHES) {
    const feeds = {
      [manifest.unet.inputs.sample]: new ortNode.Tensor('float32', Float32Array.from({ length: b * channels * height * width }, () => Math.random() * 2 - 1), [b, channels, height, width]),
      [manifest.unet.inputs.timestep]: new ortNode.Tensor('float32', new Float32Array(b).fill(500), [b]),
      [manifest.unet.inputs.encoderHiddenStates]: new ortNode.Tensor('float32', Float32Array.from({ length: b * L * D }, Math.random), [b, L, D]),
      [manifest.unet.inputs.encoderAttentionMask]: new ortNode.Tensor('float32', new Float32Array(b * L).fill(1), [b, L]),
    };
    for (let i = 0; i < 2; i++) await session.run(feeds);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await session.run(feeds);
      times.push(performance.now() - t0);
    }
    out[b] = median(times);
  }
  await session.release();
  return out;
}

async function inChromium(browser, base, query) {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  await page.goto(`${base}/?${query}`);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 540_000 });
  const result = await page.evaluate(() => window.benchResult);
  await page.close();
  if (result.error) throw new Error(`${query}: ${result.error}\n${logs.join('\n')}`);
  return result;
}

const server = await createServer({
  root: path.join(root, 'bench/web'),
  configFile: false,
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1', headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }, fs: { allow: [root] } },
  plugins: [kitAssetsPlugin(root)],
  optimizeDeps: { exclude: ['onnxruntime-web'] },
});

await server.listen();
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--enable-unsafe-webgpu'] });
try {
  const native = { 1: await nativeStepLatency(1), 2: await nativeStepLatency(2) };
  const web = {};
  for (const threads of [1, 2]) web[threads] = (await inChromium(browser, base, `mode=step&threads=${threads}&runs=${RUNS}`)).stepMs;
  const e2e = await inChromium(browser, base, 'mode=e2e&threads=2');
  const rows = BATCHES.map((b) => ({
    batch: b,
    native1: native[1][b], native2: native[2][b], web1: web[1][b], web2: web[2][b],
    ratio1: web[1][b] / native[1][b], ratio2: web[2][b] / native[2][b],
  }));
  const f = (x) => x.toFixed(1);
  console.log(`U-Net per-step latency, ms (median of ${RUNS}); ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  console.log('| batch | node 1 thread | node 2 threads | web wasm 1 thread | web wasm 2 threads | web/native 1t | web/native 2t |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.batch} | ${f(r.native1)} | ${f(r.native2)} | ${f(r.web1)} | ${f(r.web2)} | ${r.ratio1.toFixed(2)} | ${r.ratio2.toFixed(2)} |`);
  console.log(`\nEnd to end in Chromium (Worker, wasm, ${e2e.threads} threads, 16 glyphs x 20 steps, guidance 3 = batch 32, DPM-Solver++):`);
  console.log(`  model load ${f(e2e.loadMs)} ms; generation ${e2e.endToEndMs.map(f).join(' / ')} ms; longest main-thread task ${f(e2e.longestMainThreadTaskMs)} ms (0 = none over 50 ms)`);
  console.log(`  the same generation on the main thread (no Worker): ${f(e2e.sameOnMainThreadMs)} ms`);
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(
    path.join(root, 'bench/results/runtime.json'),
    JSON.stringify({ measuredAt: new Date().toISOString(), cpu: os.cpus()[0]?.model, cores: os.cpus().length, runs: RUNS, rows, endToEnd: e2e }, null, 2) + '\n',
  );
} finally {
  await browser.close();
  await server.close();
}
