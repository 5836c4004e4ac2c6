// node bench/pixelGrid.mjs (part of npm run bench): PixelGrid's redraw cost when t changes, timed in headless
// Chromium, cross-origin isolated for fine timers (bench/web/pixelGridPage.tsx). Prints a table and writes
// bench/results/pixel-grid.json.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { root, startBenchBrowser } from './harness.mjs';

const bench = await startBenchBrowser({
  plugins: [react()],
  // Only this page's dependencies, bundled up front (found mid-run, they would reload the page).
  optimizeDeps: {
    entries: ['pixelGrid.html'],
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime'],
  },
});
try {
  const result = await bench.run('', 'pixelGrid.html');
  const f = (x) => x.toFixed(2);
  console.log(
    `PixelGrid redraw when t changes, ms (${result.redraws[0].runs} changes after warm-up; cross-origin isolated: ${result.crossOriginIsolated}); ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
  );
  console.log('| image | renderer | median | p90 | max |');
  console.log('|---|---|---|---|---|');
  for (const r of result.redraws)
    console.log(`| ${r.label} | ${r.renderer} | ${f(r.medianMs)} | ${f(r.p90Ms)} | ${f(r.maxMs)} |`);
  console.log(
    `\n128x128 parts, median: noising ${f(result.parts128.noisingMedianMs)} ms, canvas drawing ${f(result.parts128.canvasDrawMedianMs)} ms`,
  );
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(
    path.join(root, 'bench/results/pixel-grid.json'),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), cpu: os.cpus()[0]?.model, cores: os.cpus().length, ...result },
      null,
      2,
    ) + '\n',
  );
} finally {
  await bench.close();
}
