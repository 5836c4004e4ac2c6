// npm run bench:web-gap [-- FILTER]: where the web/native gap of the U-Net step goes. Runs each variant (session
// options, threads, proxy, model file; see VARIANTS) on onnxruntime-web wasm in headless Chromium and, beside
// it in the same round, the native step (onnxruntime-node, graphOptimizationLevel 'all', BENCH_THREADS threads,
// default 2) on the same model file; rounds alternate the order so that load on the machine hits all variants
// alike. Prints median web ms, native ms and web/native ratio per variant, and CPU time per step on both sides
// (less disturbed by other load than wall time); writes bench/results/web-gap.json. FILTER (comma-separated)
// keeps the variants whose name contains one of its terms. The graph variants' model files are made into
// bench/.gap/ (ignored) when missing, by training/winograd.py or onnxruntime's offline optimisation.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { kitAssetsPlugin } from '../scripts/kitAssetsPlugin.mjs';
import { median, rendererCpuSeconds, root } from './harness.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 32);
// BENCH_THREADS=1: every variant but the thread-count ones on one thread, web and native (less disturbed by
// other load on the machine than two threads, whose wasm workers wait on each other)
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const modelDir = path.join(root, 'assets/models/glyffuser-mini');
const gapDir = path.join(root, 'bench/.gap');
const shipped = path.join(modelDir, 'unet.onnx');

/** name, web: {threads, opts, proxy, prealloc, ep}, file: the .onnx (default the shipped one). */
const VARIANTS = [
  { name: `baseline (all, ${THREADS} threads)`, web: { threads: THREADS } },
  { name: 'threads 1', web: { threads: 1 } },
  { name: 'threads 4', web: { threads: 4 } },
  { name: 'graphOptimizationLevel basic', web: { threads: THREADS, opts: { graphOptimizationLevel: 'basic' } } },
  { name: 'graphOptimizationLevel extended', web: { threads: THREADS, opts: { graphOptimizationLevel: 'extended' } } },
  { name: 'graphOptimizationLevel disabled', web: { threads: THREADS, opts: { graphOptimizationLevel: 'disabled' } } },
  {
    name: 'freeDimensionOverrides batch=32',
    web: { threads: THREADS, opts: { freeDimensionOverrides: { batch: BATCH } } },
  },
  { name: 'enableMemPattern false', web: { threads: THREADS, opts: { enableMemPattern: false } } },
  { name: 'enableCpuMemArena false', web: { threads: THREADS, opts: { enableCpuMemArena: false } } },
  {
    name: 'executionMode parallel',
    web: { threads: THREADS, opts: { executionMode: 'parallel', interOpNumThreads: 2 } },
  },
  { name: 'proxy worker', web: { threads: THREADS, proxy: true } },
  { name: 'pre-allocated output', web: { threads: THREADS, prealloc: true } },
  { name: 'xnnpack EP', web: { threads: THREADS, ep: 'xnnpack' } },
];
// Graph variants of the shipped file, made into bench/.gap/ (ignored) when missing: [file, name, how].
const GRAPH_VARIANTS = [
  ['folded.onnx', 'graph: pre-optimised offline by onnxruntime (extended), fp32 weights', 'ort-extended'],
  ['winograd8.onnx', 'graph: Winograd F(2x2,3x3) for the 8x8 3x3 convs', ['--max-size', '8']],
  ['winograd.onnx', 'graph: Winograd F(2x2,3x3) for the 8x8 and 16x16 3x3 convs (>= 64 channels)', []],
  [
    'winograd_all.onnx',
    'graph: Winograd F(2x2,3x3) for every 3x3 stride-1 conv',
    ['--min-channels', '1', '--max-size', '64'],
  ],
  [
    'winograd_b.onnx',
    'graph: Winograd F(2x2,3x3) for every 3x3 stride-1 conv, batch-wide GEMMs at 8x8 and 16x16',
    ['--min-channels', '1', '--max-size', '64', '--batch-gemm-below', '64'],
  ],
];
for (const [file, name] of GRAPH_VARIANTS)
  VARIANTS.push({ name, web: { threads: THREADS }, file: path.join(gapDir, file) });

async function makeGraphVariants(wanted) {
  await mkdir(gapDir, { recursive: true });
  for (const [file, name, how] of GRAPH_VARIANTS) {
    const out = path.join(gapDir, file);
    if (existsSync(out) || !wanted.some((v) => v.name === name)) continue;
    if (how === 'ort-extended') {
      // onnxruntime's own basic + extended fusions, saved: what the web session would otherwise do at load
      const session = await ortNode.InferenceSession.create(shipped, {
        graphOptimizationLevel: 'extended',
        optimizedModelFilePath: out,
        intraOpNumThreads: 1,
      });
      await session.release();
    } else {
      // Debian's python3 with python3-onnx, as the training pipeline uses
      execFileSync('/usr/bin/python3', ['-m', 'training.winograd', shipped, out, ...how], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  }
}

async function nativeStep(file, threads, runs) {
  const manifest = JSON.parse(await readFile(path.join(modelDir, 'model.json'), 'utf8'));
  const session = await ortNode.InferenceSession.create(file, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const { width, height, channels } = manifest.image;
  const L = manifest.textEncoder.maxLength;
  const D = manifest.textEncoder.hiddenSize;
  const b = BATCH;
  const feeds = {
    [manifest.unet.inputs.sample]: new ortNode.Tensor(
      'float32',
      Float32Array.from({ length: b * channels * height * width }, () => Math.random() * 2 - 1),
      [b, channels, height, width],
    ),
    [manifest.unet.inputs.timestep]: new ortNode.Tensor('float32', new Float32Array(b).fill(500), [b]),
    [manifest.unet.inputs.encoderHiddenStates]: new ortNode.Tensor(
      'float32',
      Float32Array.from({ length: b * L * D }, Math.random),
      [b, L, D],
    ),
    [manifest.unet.inputs.encoderAttentionMask]: new ortNode.Tensor('float32', new Float32Array(b * L).fill(1), [b, L]),
  };
  const fetches = [manifest.unet.output];
  for (let i = 0; i < 2; i++) await session.run(feeds, fetches);
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await session.run(feeds, fetches);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  await session.release();
  return { ms: median(times), cpuMs: (cpu.user + cpu.system) / 1000 / runs };
}

const filter = process.argv[2];
const picked = VARIANTS.filter((v) => !filter || filter.split(',').some((term) => v.name.includes(term)));
await makeGraphVariants(picked);
const variants = picked.filter((v) => !v.file || existsSync(v.file));
const samples = Object.fromEntries(
  variants.map((v) => [
    v.name,
    { web: [], native: [], ratio: [], native2: [], webCpu: [], nativeCpu: [], cpuRatio: [], info: null, error: null },
  ]),
);
/**
 * A cross-origin isolated Vite server over bench/web and headless Chromium, as in harness.mjs; `run(query)`
 * opens gap.html and returns its result with `cpuMs`: the renderer process's CPU time per timed run (all its
 * threads, wasm workers included), read over the DevTools protocol around the timed runs.
 */
async function startGapBrowser() {
  const server = await createServer({
    root: path.join(root, 'bench/web'),
    configFile: false,
    logLevel: 'error',
    server: {
      port: 0,
      host: '127.0.0.1',
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
      fs: { allow: [root] },
    },
    plugins: [kitAssetsPlugin(root)],
    optimizeDeps: { exclude: ['onnxruntime-web'] },
  });
  await server.listen();
  const base = server.resolvedUrls.local[0].replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  async function run(query) {
    const page = await browser.newPage();
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${base}/gap.html?${query}`);
      await page.waitForFunction(() => window.gapReady || window.benchResult !== undefined, null, { timeout: 540_000 });
      const cpu0 = await rendererCpuSeconds(cdp);
      await page.evaluate(() => {
        window.gapGo = true;
      });
      await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 540_000 });
      const cpu1 = await rendererCpuSeconds(cdp);
      const result = await page.evaluate(() => window.benchResult);
      if (result.error) throw new Error(`${query}: ${result.error}`);
      return { ...result, cpuMs: ((cpu1 - cpu0) * 1000) / result.times.length };
    } finally {
      await page.close();
    }
  }
  return {
    run,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

const bench = await startGapBrowser();
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...variants].reverse() : variants;
    for (const v of order) {
      const s = samples[v.name];
      if (s.error) continue;
      const file = v.file ?? shipped;
      const q = new URLSearchParams({ threads: String(v.web.threads), batch: String(BATCH), runs: String(RUNS) });
      if (v.web.opts) q.set('opts', JSON.stringify(v.web.opts));
      if (v.web.proxy) q.set('proxy', '1');
      if (v.web.prealloc) q.set('prealloc', '1');
      if (v.web.ep) q.set('ep', v.web.ep);
      if (v.file) q.set('unet', `/@fs${file}`);
      let web;
      try {
        web = await bench.run(q.toString());
      } catch (error) {
        s.error = String(error.message).split('\n')[0].slice(0, 300).replaceAll(root, '.');
        continue;
      }
      // native beside it: the same file, and (graph variants) the shipped file too
      const native = await nativeStep(file, THREADS, RUNS);
      s.web.push(web.stepMs);
      s.native.push(native.ms);
      s.ratio.push(web.stepMs / native.ms);
      s.webCpu.push(web.cpuMs);
      s.nativeCpu.push(native.cpuMs);
      s.cpuRatio.push(web.cpuMs / native.cpuMs);
      if (v.file) s.native2.push((await nativeStep(shipped, THREADS, RUNS)).ms);
      s.info = {
        crossOriginIsolated: web.crossOriginIsolated,
        numThreads: web.numThreads,
        wasmFiles: web.wasmFiles,
        createMs: web.createMs,
      };
    }
  }
} finally {
  await bench.close();
}
const f = (x) => (x === undefined ? '-' : x.toFixed(1));
console.log(
  `U-Net step at batch ${BATCH}, ms: median over ${ROUNDS} rounds (each the median of ${RUNS} runs), web wasm in Chromium vs onnxruntime-node ${THREADS} thread(s) on the same file, side by side; ${os.cpus().length} cores`,
);
console.log(
  'CPU ms: CPU time per step (web: the renderer process; native: the node process), which other load on the machine disturbs far less than wall time',
);
console.log(
  '| variant | web ms | native ms (same file) | ratio | native ms (shipped file) | web / shipped native | web CPU ms | native CPU ms | CPU ratio |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
const summary = {};
for (const v of variants) {
  const s = samples[v.name];
  if (s.error) {
    console.log(`| ${v.name} | failed: ${s.error} | | | | | | | |`);
    summary[v.name] = { error: s.error };
    continue;
  }
  const web = median(s.web);
  const n2 = s.native2.length ? median(s.native2) : undefined;
  console.log(
    `| ${v.name} | ${f(web)} | ${f(median(s.native))} | ${median(s.ratio).toFixed(2)} | ${f(n2)} | ${n2 ? (web / n2).toFixed(2) : '-'} | ${f(median(s.webCpu))} | ${f(median(s.nativeCpu))} | ${median(s.cpuRatio).toFixed(2)} |`,
  );
  summary[v.name] = {
    webMs: web,
    nativeMs: median(s.native),
    ratio: median(s.ratio),
    nativeShippedMs: n2,
    webCpuMs: median(s.webCpu),
    nativeCpuMs: median(s.nativeCpu),
    cpuRatio: median(s.cpuRatio),
    samples: s,
  };
}
const first = samples[variants[0]?.name]?.info;
if (first)
  console.log(
    `\nwasm loaded: ${first.wasmFiles.join(', ')}; crossOriginIsolated ${first.crossOriginIsolated}; numThreads ${first.numThreads}`,
  );
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(
  path.join(root, 'bench/results/web-gap.json'),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      batch: BATCH,
      threads: THREADS,
      rounds: ROUNDS,
      runs: RUNS,
      cores: os.cpus().length,
      summary,
    },
    null,
    2,
  ) + '\n',
);
