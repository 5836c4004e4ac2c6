// node bench/pixelGrid.mjs (part of npm run bench): PixelGrid's redraw cost when t changes, timed in headless
// Chromium, cross-origin isolated for fine timers (bench/web/pixelGridPage.tsx). Prints a table and writes
// bench/results/pixel-grid.json.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const server = await createServer({
  root: path.join(root, 'bench/web'),
  configFile: false,
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1', headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }, fs: { allow: [root] } },
  plugins: [react()],
  // Only this page's dependencies, bundled up front (found mid-run, they would reload the page).
  optimizeDeps: { entries: ['pixelGrid.html'], include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime'] },
});

await server.listen();
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  await page.goto(`${base}/pixelGrid.html`);
  await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 300_000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(`${result.error}\n${logs.join('\n')}`);
  const f = (x) => x.toFixed(2);
  console.log(`PixelGrid redraw when t changes, ms (${result.redraws[0].runs} changes after warm-up; cross-origin isolated: ${result.crossOriginIsolated}); ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  console.log('| image | renderer | median | p90 | max |');
  console.log('|---|---|---|---|---|');
  for (const r of result.redraws) console.log(`| ${r.label} | ${r.renderer} | ${f(r.medianMs)} | ${f(r.p90Ms)} | ${f(r.maxMs)} |`);
  console.log(`\n128x128 parts, median: noising ${f(result.parts128.noisingMedianMs)} ms, canvas drawing ${f(result.parts128.canvasDrawMedianMs)} ms`);
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(
    path.join(root, 'bench/results/pixel-grid.json'),
    JSON.stringify({ measuredAt: new Date().toISOString(), cpu: os.cpus()[0]?.model, cores: os.cpus().length, ...result }, null, 2) + '\n',
  );
} finally {
  await browser.close();
  await server.close();
}
