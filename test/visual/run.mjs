#!/usr/bin/env node
// Visual references (issue #22): one deterministic story per figure component, photographed from the static
// Storybook in Chromium at 360 and 1280 px wide, in the light and the dark theme (the `theme` global), and compared
// with test/visual/reference/<story-id>-<width>-<theme>.png by pixelmatch. See test/visual/README.md.
//
// Usage: npm run build-storybook && npm run test:visual [-- options]
//   --update            rewrite the references instead of comparing
//   --build <dir>       the static Storybook (default storybook-static)
//   --only <substring>  only the shots whose story id contains it (or one of several, comma-separated)
//   --keep-diffs        write the actual image and the diff for every image with any differing pixel, even a pass
// On a difference writes test/visual/output/<name>-actual.png and <name>-diff.png. Exits 1 on any difference;
// ends with a line "N compared, N differ, largest difference N %, wall N s".
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { chromium } from 'playwright';
import { PNG } from 'pngjs';
import { startStaticServer } from '../../scripts/serve-static.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : i >= 0 ? args[i + 1] : fallback;
};
const update = args.includes('--update');
const keepDiffs = args.includes('--keep-diffs');
const buildDir = path.resolve(root, opt('build', 'storybook-static'));
const only = opt('only', '');
const refDir = path.join(root, 'test/visual/reference');
const outDir = path.join(root, 'test/visual/output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTHS = [360, 1280];
const THEMES = ['light', 'dark'];
const HEIGHT = 800;
/** pixelmatch's per-pixel colour distance (0 to 1) above which a pixel differs, and the share of them that fails. */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.005;
const READY_TIMEOUT_MS = 300_000;

// When a figure is ready to photograph, evaluated on its [role=figure] root (see scripts/screenshots.mjs).
/** Model figures that play their steps: every step computed and shown, playback stopped on the last one. */
const ALL_STEPS_SHOWN = `(el) => Number(el.getAttribute('data-total')) > 0
  && Number(el.getAttribute('data-computed')) >= Number(el.getAttribute('data-total'))
  && (!el.hasAttribute('data-step') || el.getAttribute('data-step') === el.getAttribute('data-total'))
  && el.getAttribute('data-playing') !== 'true'`;
const MODEL_DONE = `(el) => el.querySelector('figure[data-status="done"]') !== null || el.getAttribute('data-state') === 'done'`;
/** The race and then the few-step student's lane (which runs after it) all finished. */
const LANES_DONE = `(el) => el.getAttribute('data-state') === 'done'
  && [...el.querySelectorAll('li[data-status]')].every((li) => li.getAttribute('data-status') === 'done')`;
/** The trainer before training, once the untrained network's samples are drawn: then nothing moves until Train. */
const IDLE = `(el) => el.getAttribute('data-state') === 'idle' && el.getAttribute('data-step') === '0'
  && el.getAttribute('data-samples-step') === '0'`;

/** One story per component: deterministic (seeded, or a model's finished result), still when photographed. */
const SHOTS = [
  { component: 'AttentionMap', story: 'components-attentionmap--default', ready: ALL_STEPS_SHOWN },
  { component: 'DatasetMap', story: 'components-datasetmap--default' },
  { component: 'DenoiseAnimator', story: 'components-denoiseanimator--side-by-side', ready: ALL_STEPS_SHOWN },
  { component: 'DiffusionTrainer', story: 'components-diffusiontrainer--default', ready: IDLE },
  { component: 'GaussianSampler', story: 'components-gaussiansampler--default' },
  { component: 'GlyphSketch', story: 'components-glyphsketch--default', ready: MODEL_DONE },
  { component: 'GuidanceField', story: 'components-guidancefield--three-clusters' },
  { component: 'LatentWalk', story: 'components-latentwalk--default', ready: MODEL_DONE },
  { component: 'Math', story: 'components-math--display' },
  { component: 'NoiseScheduleChart', story: 'components-noiseschedulechart--at-timestep' },
  { component: 'PixelGrid', story: 'components-pixelgrid--glyph' },
  { component: 'PromptGenerator', story: 'components-promptgenerator--generate-on-load', ready: MODEL_DONE },
  { component: 'SamplerRace', story: 'components-samplerrace--lanes-only', ready: LANES_DONE },
  { component: 'ScoreFieldPlot', story: 'components-scorefieldplot--two-moons' },
].filter((s) => !only || only.split(',').some((o) => s.story.includes(o)));

/**
 * Evaluated in the page: marks every element whose own text shows a duration ("3.1 s", "0.52 s", "12 ms/step",
 * "done in 2.3 s", ...), which differ from run to run, or the machine's thread count ("wasm, 2 threads"); the
 * screenshot masks them.
 */
function markTimings() {
  const TIMING = /\d(?:[.,]\d+)?\s?(?:ms|s)\b|ms\/step|steps?\/s\b|it\/s\b|\d+ threads?\b/;
  let marked = 0;
  for (const el of document.querySelectorAll('#storybook-root *')) {
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('');
    if (TIMING.test(own)) {
      el.setAttribute('data-visual-mask', '');
      marked++;
    }
  }
  return marked;
}

// ---------------------------------------------------------------------------------------------------------
// Photograph and compare

const t0 = Date.now();
const server = await startStaticServer(buildDir, 0);
const base = `http://127.0.0.1:${server.address().port}`;
// Rendering as stable as Chromium allows: no font hinting, no subpixel (LCD) text, sRGB, software rendering only
// (no GPU: also no WebGPU, so the models run on WebAssembly, as on most readers' machines without one).
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--font-render-hinting=none', '--disable-lcd-text', '--force-color-profile=srgb', '--disable-gpu'],
});
mkdirSync(refDir, { recursive: true });
rmSync(outDir, { recursive: true, force: true });
const results = [];
try {
  const context = await browser.newContext({
    viewport: { width: WIDTHS[0], height: HEIGHT },
    deviceScaleFactor: 1,
    colorScheme: 'light', // the theme is the `theme` global's, never the machine's preference
    reducedMotion: 'no-preference',
  });
  const page = await context.newPage();
  for (const shot of SHOTS) {
    for (const width of WIDTHS) {
      for (const theme of THEMES) {
        const name = `${shot.story}-${width}-${theme}`;
        const started = Date.now();
        try {
          await page.setViewportSize({ width, height: HEIGHT });
          // a11y.manual: the a11y addon runs no axe of its own in the page (nothing to wait for).
          await page.goto(
            `${base}/iframe.html?id=${shot.story}&viewMode=story&globals=theme:${theme};a11y.manual:!true`,
            { waitUntil: 'domcontentloaded' },
          );
          const target = page.locator('#storybook-root > *').first();
          await target.waitFor({ state: 'visible', timeout: 60_000 });
          if (shot.ready)
            await page.waitForFunction(
              `(${shot.ready})(document.querySelector('#storybook-root [role="figure"]'))`,
              null,
              { timeout: READY_TIMEOUT_MS, polling: 250 },
            );
          await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(500); // the last frame painted, transitions settled
          await page.evaluate(markTimings);
          const png = await target.screenshot({
            animations: 'disabled',
            caret: 'hide',
            scale: 'css',
            mask: [page.locator('[data-visual-mask]')],
          });
          results.push({ name, ...compare(name, png), ms: Date.now() - started });
        } catch (error) {
          results.push({ name, ok: false, detail: String(error?.message ?? error).split('\n')[0] });
        }
        const r = results.at(-1);
        console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${name}${r.detail ? `: ${r.detail}` : ''}`);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

/** Writes the reference (--update), or compares with it and writes the actual image and the diff when they differ. */
function compare(name, png) {
  const refFile = path.join(refDir, `${name}.png`);
  if (update) {
    writeFileSync(refFile, png);
    return { ok: true, detail: 'reference written', ratio: 0 };
  }
  if (!existsSync(refFile)) return { ok: false, detail: `no reference (run with --update)`, ...writeOutput(name, png) };
  const actual = PNG.sync.read(png);
  const expected = PNG.sync.read(readFileSync(refFile));
  if (actual.width !== expected.width || actual.height !== expected.height)
    return {
      ok: false,
      detail: `size ${actual.width}x${actual.height}, reference ${expected.width}x${expected.height}`,
      ...writeOutput(name, png),
    };
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const ratio = differing / (actual.width * actual.height);
  const detail = `${differing} px differ (${(ratio * 100).toFixed(3)} %)`;
  if (ratio <= MAX_DIFF_RATIO) {
    if (differing && keepDiffs) writeOutput(name, png, diff);
    return { ok: true, detail: differing ? detail : '', ratio };
  }
  return { ok: false, detail, ratio, ...writeOutput(name, png, diff) };
}

function writeOutput(name, png, diff) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, `${name}-actual.png`), png);
  if (diff) writeFileSync(path.join(outDir, `${name}-diff.png`), PNG.sync.write(diff));
  return {};
}

const failed = results.filter((r) => !r.ok);
const largest = Math.max(0, ...results.map((r) => r.ratio ?? 0));
if (failed.length && !update) console.log(`\nDiffering images and diffs: ${path.relative(root, outDir)}/`);
console.log(
  `\n${results.length} ${update ? 'written' : 'compared'}, ${failed.length} ${update ? 'failed' : 'differ'}, ` +
    `largest difference ${(largest * 100).toFixed(3)} %, wall ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
process.exit(failed.length ? 1 : 0);
