// node bench/denoiseTiming.mjs [prompt] (npm run bench:denoise-timing): how long the DenoiseAnimator with its
// defaults (16 glyphs x 20 steps with guidance, batch 32 per U-Net call) takes in headless Chromium, cross-origin
// isolated, on whatever device 'auto' picks (BENCH_DEVICE=wasm|webgpu to choose): mount to loaded model, loaded
// model to last frame, and the figure's own "Generated 20 steps in ..." (the engine's clock)
// (bench/web/denoiseTimingPage.tsx).
// A measurement, not a check of speed: it was a 700 s browser test before (issue 21). Prints the figures and
// writes bench/results/denoise-timing.json.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { root, startBenchBrowser } from './harness.mjs';

const prompt = process.argv[2] ?? 'gold';
const device = process.env.BENCH_DEVICE ?? 'auto';
const bench = await startBenchBrowser({
  plugins: [react()],
  // Only this page's dependencies, bundled up front (found mid-run, they would reload the page).
  optimizeDeps: {
    entries: ['denoiseTiming.html'],
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime'],
    exclude: ['onnxruntime-web'],
  },
});
try {
  const r = await bench.run(new URLSearchParams({ prompt, device }).toString(), 'denoiseTiming.html');
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `DenoiseAnimator timing ("${r.prompt}", 16 glyphs x 20 steps with guidance): device ${r.device} (asked for ${r.requestedDevice}), ${r.threads} thread(s) ` +
      `(crossOriginIsolated=${r.crossOriginIsolated}, ${r.hardwareConcurrency} cores in the page; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, load average ${os.loadavg()[0].toFixed(1)})`,
  );
  console.log(
    `model load ${s(r.modelLoadMs)}; ${r.engineClock} (engine clock); load to last frame ${s(r.loadToLastFrameMs)}`,
  );
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(
    path.join(root, 'bench/results/denoise-timing.json'),
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        cpu: os.cpus()[0]?.model,
        cores: os.cpus().length,
        loadAverage: os.loadavg()[0],
        ...r,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await bench.close();
}
