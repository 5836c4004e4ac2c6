#!/usr/bin/env node
// The README's pictures: real screenshots of the figures, taken from the static Storybook in Chromium (the model
// figures after the shipped model has generated). Usage: npm run build-storybook && npm run screenshots
// [-- name ...]. Writes docs/screenshots/<name>.png (the figure's own box, 1x, light theme).
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startStaticServer } from './serve-static.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs/screenshots');
const ALL_STEPS = `(el) => Number(el.getAttribute('data-total')) > 0 && Number(el.getAttribute('data-computed')) >= Number(el.getAttribute('data-total'))`;
const MODEL_DONE = `(el) => el.querySelector('figure[data-status="done"]') !== null || el.getAttribute('data-state') === 'done'`;

/** name, story id, and when the figure is ready to photograph (evaluated on its role=figure root). */
const SHOTS = [
  { name: 'prompt-generator', story: 'components-promptgenerator--generate-on-load', ready: MODEL_DONE, width: 760 },
  { name: 'denoise-animator', story: 'components-denoiseanimator--side-by-side', ready: ALL_STEPS, width: 860 },
  { name: 'noise-schedule-chart', story: 'components-noiseschedulechart--at-timestep', width: 860 },
  { name: 'score-field-plot', story: 'components-scorefieldplot--two-moons', width: 640 },
  { name: 'guidance-field', story: 'components-guidancefield--three-clusters', width: 860 },
  { name: 'attention-map', story: 'components-attentionmap--default', ready: ALL_STEPS, width: 860 },
];

const only = process.argv.slice(2);
const server = await startStaticServer(path.join(root, 'storybook-static'), 0);
const port = server.address().port;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
mkdirSync(outDir, { recursive: true });
let failed = 0;
try {
  for (const shot of SHOTS.filter((s) => !only.length || only.includes(s.name))) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
    });
    try {
      await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${shot.story}&viewMode=story`, { waitUntil: 'load' });
      const figure = page.locator('[role="figure"]').first();
      await figure.waitFor({ state: 'visible', timeout: 60_000 });
      if (shot.ready)
        await page.waitForFunction(`(${shot.ready})(document.querySelector('[role="figure"]'))`, null, {
          timeout: 300_000,
          polling: 500,
        });
      await page.waitForTimeout(800); // the last frame painted, transitions settled
      const file = path.join(outDir, `${shot.name}.png`);
      await figure.screenshot({ path: file, animations: 'disabled' });
      console.log(`${shot.name}: ${path.relative(root, file)} (${(statSync(file).size / 1024).toFixed(0)} KiB)`);
    } catch (error) {
      failed++;
      console.error(`${shot.name}: FAILED (${String(error?.message ?? error).split('\n')[0]})`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
