// Shared by the benchmarks: U-Net step latency on onnxruntime-node, and a cross-origin isolated Vite server
// with headless Chromium that runs bench/web/benchPage.ts and hands back its result.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { kitAssetsPlugin } from '../scripts/kitAssetsPlugin.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * CPU seconds the page's renderer process has used so far (all its threads), over a DevTools protocol session with
 * Performance enabled.
 */
export async function rendererCpuSeconds(cdp) {
  return (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime').value;
}

/** Median U-Net latency (ms) per batch size on onnxruntime-node, for the model whose model.json is in modelDir. */
export async function nativeStepLatency(modelDir, threads, batches, runs) {
  const times = await nativeStepTimes(modelDir, threads, batches, runs);
  return Object.fromEntries(Object.entries(times).map(([b, t]) => [b, t.ms]));
}

/**
 * Per batch size: { ms, cpuMs } of the U-Net step on onnxruntime-node: the median wall time and the mean CPU time
 * of this process per step (which other load on the machine disturbs far less than wall time).
 */
export async function nativeStepTimes(modelDir, threads, batches, runs) {
  const manifest = JSON.parse(await readFile(path.join(modelDir, 'model.json'), 'utf8'));
  const session = await ortNode.InferenceSession.create(path.join(modelDir, manifest.unet.file), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const { width, height, channels } = manifest.image;
  const L = manifest.textEncoder.maxLength;
  const D = manifest.textEncoder.hiddenSize;
  const out = {};
  for (const b of batches) {
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
      [manifest.unet.inputs.encoderAttentionMask]: new ortNode.Tensor('float32', new Float32Array(b * L).fill(1), [
        b,
        L,
      ]),
    };
    const fetches = [manifest.unet.output]; // what the engine's predict() fetches
    for (let i = 0; i < 2; i++) await session.run(feeds, fetches);
    const times = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await session.run(feeds, fetches);
      times.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    out[b] = { ms: median(times), cpuMs: (cpu.user + cpu.system) / 1000 / runs };
  }
  await session.release();
  return out;
}

/**
 * Starts a cross-origin isolated Vite server over bench/web and headless Chromium; `run(query, page)` opens
 * that page (default index.html) with the query and returns the `window.benchResult` it sets (with the page's
 * console lines as `consoleLines` when `keepConsole` is set).
 * `options.plugins` and `options.optimizeDeps` are added to the server's (e.g. React for a component page);
 * `options.launchArgs` to Chromium's (e.g. '--js-flags=--expose-gc').
 */
export async function startBenchBrowser(options = {}) {
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
    plugins: [kitAssetsPlugin(root), ...(options.plugins ?? [])],
    optimizeDeps: options.optimizeDeps ?? { exclude: ['onnxruntime-web'] },
  });
  await server.listen();
  const base = server.resolvedUrls.local[0].replace(/\/$/, '');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', ...(options.launchArgs ?? [])],
  });
  async function run(query, file = '', { keepConsole = false } = {}) {
    const page = await browser.newPage();
    const logs = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(`${base}/${file}?${query}`);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 540_000 });
    const result = await page.evaluate(() => window.benchResult);
    await page.close();
    if (result.error) throw new Error(`${query}: ${result.error}\n${logs.join('\n')}`);
    return keepConsole ? { ...result, consoleLines: logs } : result;
  }
  async function close() {
    await browser.close();
    await server.close();
  }
  return { run, close };
}
