// node bench/soak.mjs [runs] (npm run bench:soak): 200 consecutive generations (1 glyph, 2 steps, wasm) through
// the kit's Worker from a real PromptGenerator in headless Chromium (bench/web/soakRun.ts), with the heaps
// measured after a forced collection. Prints the page's and the Worker's JS heap and the wasm memory after
// warm-up and at the end, open sessions and tensors, and the results list against its cap; writes
// bench/results/soak.json. Exits 1 when a figure breaks the soak's bounds (5% growth, no leaks, the cap).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { root, startBenchBrowser } from './harness.mjs';

const runs = Number(process.argv[2] ?? process.env.SOAK_RUNS ?? 200);
const warmup = Math.max(3, Math.round(runs / 4));
const bench = await startBenchBrowser({
  plugins: [react()],
  optimizeDeps: {
    entries: ['soak.html'],
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime'],
    exclude: ['onnxruntime-web'],
  },
  launchArgs: [
    '--js-flags=--expose-gc',
    '--enable-precise-memory-info',
    '--enable-blink-features=ForceEagerMeasureMemory',
  ],
});
let failed = false;
try {
  const t0 = Date.now();
  const r = await bench.run(`runs=${runs}&warmup=${warmup}&steps=2`, 'soak.html');
  const mb = (b) => (b === null ? 'n/a' : `${(b / 2 ** 20).toFixed(2)} MiB`);
  const pct = (g) => (g === null ? 'n/a' : `${(g * 100).toFixed(2)}%`);
  console.log(
    `soak: ${r.runs} generations (warm-up ${r.warmup}) in ${((Date.now() - t0) / 1000).toFixed(0)} s; per generation median ${r.generationMs.median.toFixed(0)} ms, max ${r.generationMs.max.toFixed(0)} ms`,
  );
  console.log(
    `(${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; gc exposed: ${r.gcExposed}; cross-origin isolated: ${r.crossOriginIsolated})`,
  );
  console.log('| figure | after warm-up | end | growth |');
  console.log('|---|---|---|---|');
  console.log(
    `| page JS heap | ${mb(r.afterWarmup.pageHeapBytes)} | ${mb(r.end.pageHeapBytes)} | ${pct(r.growth.pageHeap)} |`,
  );
  console.log(
    `| Worker JS heap | ${mb(r.afterWarmup.worker.jsHeapBytes)} | ${mb(r.end.worker.jsHeapBytes)} | ${pct(r.growth.workerHeap)} |`,
  );
  console.log(
    `| wasm memory | ${mb(r.afterWarmup.worker.wasmMemoryBytes)} | ${mb(r.end.worker.wasmMemoryBytes)} | ${pct(r.growth.wasmMemory)} |`,
  );
  console.log(`| open sessions | ${r.afterWarmup.worker.liveSessions} | ${r.end.worker.liveSessions} | |`);
  console.log(`| live output tensors | ${r.afterWarmup.worker.liveTensors} | ${r.end.worker.liveTensors} | |`);
  console.log(
    `results list: at most ${r.maxResultsSeen} held (cap ${r.cap}); shared engines alive after unmount: ${r.afterRelease.liveEngines}`,
  );
  const problems = [];
  for (const [name, g] of Object.entries(r.growth)) if (g !== null && g > 0.05) problems.push(`${name} grew ${pct(g)}`);
  if (r.end.worker.liveSessions !== 2)
    problems.push(`${r.end.worker.liveSessions} sessions open (expected the model's 2)`);
  if (r.end.worker.liveTensors !== 0) problems.push(`${r.end.worker.liveTensors} output tensors not disposed`);
  if (r.maxResultsSeen > r.cap) problems.push(`results list over its cap`);
  if (r.afterRelease.liveEngines !== 0) problems.push(`${r.afterRelease.liveEngines} engines alive after unmount`);
  console.log(
    problems.length ? `FAIL: ${problems.join('; ')}` : 'ok: within bounds (growth <= 5%, no leaks, cap held)',
  );
  failed = problems.length > 0;
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(
    path.join(root, 'bench/results/soak.json'),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), cpu: os.cpus()[0]?.model, cores: os.cpus().length, ...r },
      null,
      2,
    ) + '\n',
  );
} finally {
  await bench.close();
}
process.exit(failed ? 1 : 0);
