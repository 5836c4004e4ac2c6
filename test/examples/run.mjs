#!/usr/bin/env node
// Proof that the kit drops into real sites: packs the kit as npm would publish it, copies each example site to a
// folder outside this repository (so that nothing resolves from the kit's own node_modules: a missing optional peer
// must fail there as on a user's machine), installs the tarball, builds it for production, serves it on 127.0.0.1
// and checks the page in Chromium: every figure rendered, no console or page errors, no failed request, the
// model-driven figures produce frames (wasm), and the model and onnxruntime's wasm come from the site's own build
// output under its base path (no copy step). The sites: examples/vite-app (React + Vite, isolated: wasm threads),
// examples/next-app (Next.js App Router, server-rendered; hydration checked on the production server and on
// `next dev`), examples/docusaurus-site (an MDX page under baseUrl /docs/, served as GitHub Pages serves it: static
// files, no isolation headers) and examples/astro-starlight (Astro 5 + Starlight, islands with client:visible,
// base /guide/, static files). For the server-rendered ones the server HTML must already hold the figures.
//
// Usage: node test/examples/run.mjs [--only=vite|next|docusaurus|astro] [--no-dev-hydration]
//   EXAMPLES_KIT_TARBALL=<tgz> uses that packed kit instead of packing this tree.
//   (npm run test:examples). Exits non-zero on any failure; ends with a line "N passed, N failed".
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { checkCsp } from './csp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const devHydration = !args.includes('--no-dev-hydration');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOTAL_LIMIT_MS = 30 * 60_000;
const MODEL_LIMIT_MS = 240_000;

/** Every figure the Vite and Next pages must show, by data-testid. */
const ALL_FIGURES = [
  'gaussian-sampler',
  'pixel-grid',
  'noise-schedule-chart',
  'score-field-plot',
  'score-field-plot-3d',
  'dataset-map',
  'denoise-animator',
  'prompt-generator',
];
/** The docs-site pages: one chart and the two model figures in an MDX page. */
const MDX_FIGURES = ['noise-schedule-chart', 'denoise-animator', 'prompt-generator'];
const HYDRATION = /hydrat|did not match|mismatch|Minified React error #(418|419|421|422|423|425)\b/i;

/** Where the sites are copied, installed and built: outside the repository (see the header). */
const WORK = path.join(tmpdir(), 'diffusion-kit-examples');

const APPS = [
  {
    name: 'vite',
    dir: path.join(root, 'examples/vite-app'),
    serve: (port) => ['npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort']],
    page: '/',
    outDir: 'dist',
    // The newest figures are tried in the Vite page first.
    figures: [...ALL_FIGURES, 'glyph-sketch', 'latent-walk'],
    isolated: true,
    threeD: true,
    serverRendered: false,
  },
  {
    name: 'next',
    dir: path.join(root, 'examples/next-app'),
    serve: (port) => ['npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)]],
    dev: (port) => ['npx', ['next', 'dev', '-H', '127.0.0.1', '-p', String(port)]],
    page: '/',
    outDir: '.next/static',
    figures: ALL_FIGURES,
    isolated: true,
    threeD: true,
    serverRendered: true,
  },
  {
    name: 'docusaurus',
    dir: path.join(root, 'examples/docusaurus-site'),
    // GitHub Pages: the build folder as static files under the site's base path, no headers of the kit's.
    staticDir: 'build',
    base: '/docs/',
    page: '/docs/figures',
    figures: MDX_FIGURES,
    // Its navbar's colour-mode button cycles system -> light -> dark.
    themeSwitch: async (page, theme) => {
      const button = page.locator('button[aria-label*="dark and light mode"]').first();
      for (let i = 0; i < 3 && (await page.evaluate(() => document.documentElement.dataset.theme)) !== theme; i++)
        await button.click();
    },
    isolated: false,
    threeD: false,
    serverRendered: true,
  },
  {
    name: 'astro',
    dir: path.join(root, 'examples/astro-starlight'),
    staticDir: 'dist',
    base: '/guide/',
    page: '/guide/figures/',
    // The first thing an Astro user runs: its Vite 6 pre-bundles the kit, which must still start its Worker.
    dev: (port) => ['npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)]],
    devModel: true,
    figures: MDX_FIGURES,
    // Starlight's header select: dark, light or auto.
    themeSwitch: async (page, theme) => {
      await page.locator('starlight-theme-select select').first().selectOption(theme);
    },
    isolated: false,
    threeD: false,
    serverRendered: true,
  },
].filter((app) => !only || app.name === only);

// ---------------------------------------------------------------------------------------------------------
// Results and cleanup

const results = [];
const timings = [];
function check(app, name, ok, detail = '') {
  results.push({ app, name, ok: Boolean(ok), detail });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} [${app}] ${name}${detail ? `: ${detail}` : ''}`);
}

const children = new Set();
let browser = null;
function killAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole process group: npx, node and the server it starts
    } catch {
      // already exited
    }
  }
  children.clear();
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (killAll(), process.exit(130)));
const watchdog = setTimeout(() => {
  console.error(`\ntest:examples: over the ${TOTAL_LIMIT_MS / 60_000} min limit, stopping.`);
  killAll();
  process.exit(124);
}, TOTAL_LIMIT_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------------------
// Processes

/** Runs a command to completion (output shown only on failure); rejects on a non-zero exit or the time limit. */
function run(cmd, cmdArgs, { cwd = root, timeoutMs = 600_000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already exited
      }
      reject(new Error(`${cmd} ${cmdArgs.join(' ')} took over ${timeoutMs / 1000} s\n${out.slice(-4000)}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `${cmd} ${cmdArgs.join(' ')} (in ${path.relative(root, cwd) || '.'}) exited with ${code}\n${out.slice(-6000)}`,
          ),
        );
    });
  });
}

/** Starts a long-running server in its own process group; returns it with its output so far. */
function start(cmd, cmdArgs, cwd, env = {}) {
  const child = spawn(cmd, cmdArgs, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const server = { child, output: '' };
  child.stdout.on('data', (d) => (server.output += d));
  child.stderr.on('data', (d) => (server.output += d));
  return server;
}

function stop(server) {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.on('close', () => resolve());
    try {
      process.kill(-server.child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-server.child.pid, 'SIGKILL');
      } catch {
        // already exited
      }
      resolve();
    }, 5000).unref();
  }).then(() => children.delete(server.child));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, server, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited (${server.child.exitCode}):\n${server.output.slice(-3000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (res.ok) return res;
    } catch {
      // not listening yet: try again
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s:\n${server.output.slice(-3000)}`);
}

async function timed(label, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([label, (Date.now() - t0) / 1000]);
    console.log(`  .... ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The kit: built, then packed like `npm publish` would

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function packKit() {
  // A tarball packed elsewhere (e.g. from a clean checkout while this tree has work in progress).
  if (process.env.EXAMPLES_KIT_TARBALL) return path.resolve(process.env.EXAMPLES_KIT_TARBALL);
  const builtAt = existsSync(path.join(root, 'dist/index.js')) ? statSync(path.join(root, 'dist/index.js')).mtimeMs : 0;
  if (builtAt < newestMtime(path.join(root, 'src'))) {
    console.log('dist/ is missing or older than src/: npm run build');
    await timed('build the kit', () => run('npm', ['run', 'build'], { timeoutMs: 300_000 }));
  }
  const packDir = path.join(root, 'examples/.pack');
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const out = await timed('npm pack', () =>
    run('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir, '--silent']),
  );
  const tgz = path.join(packDir, out.trim().split('\n').pop().trim());
  if (!existsSync(tgz)) throw new Error(`npm pack gave no tarball (${tgz})`);
  console.log(`packed ${path.relative(root, tgz)} (${(statSync(tgz).size / 2 ** 20).toFixed(1)} MiB)`);
  return tgz;
}

/** Build outputs and installs never copied from the repository's example folder. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'build', '.next', '.docusaurus', '.astro', '.cache-loader']);

/**
 * The example's sources copied to its work folder outside the repository (its node_modules there is kept between
 * runs), then `npm ci` from its own lockfile (skipped when node_modules already matches it), then the kit's tarball.
 */
async function install(app, tgz) {
  const work = path.join(WORK, path.basename(app.dir));
  mkdirSync(work, { recursive: true });
  for (const entry of readdirSync(work))
    if (entry !== 'node_modules') rmSync(path.join(work, entry), { recursive: true, force: true });
  for (const entry of readdirSync(app.dir)) {
    if (!NOT_COPIED.has(entry)) cpSync(path.join(app.dir, entry), path.join(work, entry), { recursive: true });
  }
  app.work = work;
  // Bundler caches kept in node_modules key the kit by its version, which a new tarball of the same version keeps:
  // a stale cache would build the previous kit (seen with Docusaurus' Rspack cache).
  for (const cache of ['node_modules/.cache', 'node_modules/.vite', 'node_modules/.astro'])
    rmSync(path.join(work, cache), { recursive: true, force: true });
  const lock = readFileSync(path.join(work, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = path.join(work, 'node_modules/.diffusion-kit-example-lock');
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
  if (!fresh) {
    await timed(`[${app.name}] npm ci`, () =>
      run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, timeoutMs: 900_000 }),
    );
    writeFileSync(stamp, hash);
  }
  await timed(`[${app.name}] npm install the kit tarball`, () =>
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tgz], { cwd: work }),
  );
  const installed = JSON.parse(readFileSync(path.join(work, 'node_modules/diffusion-kit/package.json'), 'utf8'));
  check(
    app.name,
    'installs the packed kit (outside the repository)',
    installed.name === 'diffusion-kit',
    `diffusion-kit@${installed.version} from ${path.basename(tgz)}`,
  );
  const copyScript =
    existsSync(path.join(work, 'scripts')) && readdirSync(path.join(work, 'scripts')).some((f) => /asset/i.test(f));
  check(
    app.name,
    'has no asset copy script',
    !copyScript &&
      !JSON.stringify(JSON.parse(readFileSync(path.join(work, 'package.json'), 'utf8')).scripts ?? {}).includes(
        'kit-assets',
      ),
  );
}

/** The largest file under `dir`. */
function largestFile(dir) {
  let best = { file: '', size: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const here = entry.isDirectory() ? largestFile(full) : { file: full, size: statSync(full).size };
    if (here.size > best.size) best = here;
  }
  return best;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
};

/**
 * A static host as GitHub Pages is one: the build folder under the site's base path, `/a/b` answered by `a/b`,
 * `a/b.html` or `a/b/index.html`, everything else 404, and no headers but the content type (no isolation).
 */
function serveStatic(dir, base) {
  const server = createHttpServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return res.writeHead(404).end('not found');
    const rel = decodeURIComponent(pathname.slice(base.length - 1));
    const candidates = [rel, `${rel}.html`, path.join(rel, 'index.html')].map((r) => path.join(dir, r));
    const file = candidates.find((f) => f.startsWith(dir) && existsSync(f) && statSync(f).isFile());
    if (!file) return res.writeHead(404).end('not found');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------------------
// The page in Chromium

/** Opens the page, collects console messages, page errors and failed requests, and checks the figures. */
async function checkPage(app, url, { label = app.name, full = true, fromBuild = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const consoleMessages = [];
  const pageErrors = [];
  const failedRequests = [];
  page.on('console', (msg) =>
    consoleMessages.push({ type: msg.type(), text: msg.text(), where: msg.location()?.url ?? '' }),
  );
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));
  page.on('requestfailed', (req) => failedRequests.push(`${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => res.status() >= 400 && failedRequests.push(`${res.url()} (HTTP ${res.status()})`));
  // Every response from a Worker too (the model files are fetched in the engine's Worker).
  const modelRequests = [];
  context.on('response', (res) => modelRequests.push({ url: res.url(), status: res.status() }));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });

    // Every component renders its figure (each spreads data-testid onto its role=figure root).
    const missing = [];
    for (const id of app.figures) {
      const fig = page.locator(`[data-testid="${id}"]`);
      try {
        await fig.waitFor({ state: 'visible', timeout: 60_000 });
        if ((await fig.getAttribute('role')) !== 'figure') missing.push(`${id} (not role=figure)`);
      } catch {
        missing.push(id);
      }
    }
    check(
      label,
      `renders all ${app.figures.length} figures`,
      missing.length === 0,
      missing.length ? `missing: ${missing.join(', ')}` : '',
    );

    if (full && fromBuild) {
      const isolated = await page.evaluate(() => globalThis.crossOriginIsolated === true);
      if (app.isolated) check(label, 'is cross-origin isolated (COOP/COEP: wasm threads)', isolated);
      else check(label, 'is served without isolation headers (as GitHub Pages serves it)', !isolated);
    }
    if (full && fromBuild && app.threeD) {
      // The lazy 3-D view loaded three.js and drew into a WebGL canvas.
      try {
        await page
          .locator('[data-testid="score-field-plot-3d"] canvas')
          .first()
          .waitFor({ state: 'attached', timeout: 60_000 });
        check(label, 'ScoreFieldPlot view="3d" loads three.js lazily and draws a canvas', true);
      } catch {
        check(
          label,
          'ScoreFieldPlot view="3d" loads three.js lazily and draws a canvas',
          false,
          'no canvas within 60 s',
        );
      }
    }
    if (full) {
      // The model runs (wasm, in the kit's Worker): at least one denoising frame, and one finished generation.
      // Model figures start when scrolled into view (startWhen 'visible'), as a reader would scroll to them.
      await page.locator('[data-testid="denoise-animator"]').scrollIntoViewIfNeeded();
      const t0 = Date.now();
      const denoise = await page
        .waitForFunction(
          () => {
            const el = document.querySelector('[data-testid="denoise-animator"]');
            return el && (Number(el.getAttribute('data-computed')) >= 1 || el.getAttribute('data-state') === 'error')
              ? el.getAttribute('data-state') + ':' + el.getAttribute('data-computed')
              : false;
          },
          null,
          { timeout: MODEL_LIMIT_MS, polling: 250 },
        )
        .then((h) => h.jsonValue())
        .catch(() => 'timeout');
      const [denoiseState, computed] = String(denoise).split(':');
      check(
        label,
        'DenoiseAnimator computes frames with the model (wasm)',
        denoiseState !== 'error' && Number(computed) >= 1,
        `state ${denoiseState}, ${computed ?? 0} frame(s) after ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      await page.locator('[data-testid="prompt-generator"]').scrollIntoViewIfNeeded();
      const t1 = Date.now();
      const prompt = await page
        .waitForFunction(
          () => {
            const el = document.querySelector('[data-testid="prompt-generator"]');
            const done = el?.querySelector('figure[data-status="done"]');
            return done ? 'done' : el?.getAttribute('data-state') === 'error' ? 'error' : false;
          },
          null,
          { timeout: MODEL_LIMIT_MS, polling: 250 },
        )
        .then((h) => h.jsonValue())
        .catch(() => 'timeout');
      check(
        label,
        'PromptGenerator generates on load (wasm)',
        prompt === 'done',
        `${prompt} after ${((Date.now() - t1) / 1000).toFixed(1)} s more`,
      );
      // The live preview's student loads on the reader's first focus of the prompt field, then draws the prompt.
      await page.locator('[data-testid="prompt-generator"] input[type="text"]').first().focus();
      const liveModel = await page
        .waitForFunction(
          () => {
            const panel = document.querySelector('[data-testid="prompt-generator"] section[aria-label="Live preview"]');
            const status = panel?.getAttribute('data-live-status');
            return status === 'done' || status === 'error'
              ? `${status}:${panel.getAttribute('data-live-model')}`
              : false;
          },
          null,
          { timeout: MODEL_LIMIT_MS, polling: 250 },
        )
        .then((h) => h.jsonValue())
        .catch(() => 'timeout');
      check(
        label,
        'PromptGenerator draws its live preview with the shipped student',
        liveModel === 'done:glyffuser-mini-turbo',
        String(liveModel),
      );

      // The newest model figures, scrolled to as a reader would: each must finish its run ('state:detail').
      const finishes = [
        // The sketch is noised to strength 0.6 and finished live by the shipped student (SDEdit): floor(8 x 0.6) = 4.
        [
          'glyph-sketch',
          'data-computed',
          'GlyphSketch finishes its sketch live with the shipped student from strength 0.6 (4 of 8 steps, wasm)',
          /^done:4$/,
        ],
        // The walk's points are denoised as one batch (a seed walk: slerped starting noise), to the end.
        [
          'latent-walk',
          'data-largest-change',
          'LatentWalk denoises its walk and names the largest change (wasm)',
          /^done:\d+$/,
        ],
      ];
      for (const [id, detail, what, expected] of finishes) {
        if (!app.figures.includes(id)) continue;
        await page.locator(`[data-testid="${id}"]`).scrollIntoViewIfNeeded();
        const started = Date.now();
        const result = await page
          .waitForFunction(
            ([id, detail]) => {
              const el = document.querySelector(`[data-testid="${id}"]`);
              const state = el?.getAttribute('data-state');
              return state === 'done' || state === 'error' ? `${state}:${el.getAttribute(detail)}` : false;
            },
            [id, detail],
            { timeout: MODEL_LIMIT_MS, polling: 250 },
          )
          .then((h) => h.jsonValue())
          .catch(() => 'timeout');
        check(
          label,
          what,
          expected.test(String(result)),
          `${result} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      // No figure shows an inline error (bad prop or engine failure messages are role=alert). Only inside the
      // figures: the host may have alerts of its own (Next's route announcer is an empty role=alert).
      const alerts = await page.locator('[data-testid] [role="alert"], [data-testid][role="alert"]').allInnerTexts();
      check(
        label,
        'shows no error message (role=alert)',
        alerts.length === 0,
        alerts.map((t) => t.replace(/\s+/g, ' ').slice(0, 160)).join(' | '),
      );

      // No copy step: the model's files and onnxruntime's wasm came from the site's own build, under its base path.
      if (fromBuild) {
        const origin = new URL(url).origin;
        const base = app.base ?? '/';
        const assets = modelRequests.filter(
          (r) =>
            /\.(onnx|wasm)$/.test(new URL(r.url).pathname) ||
            /(^|[/.-])model[.-][\w-]*\.json$|\/[\w-]+\.json\?v=/.test(r.url),
        );
        const foreign = assets.filter((r) => !r.url.startsWith(`${origin}${base}`) || r.status !== 200);
        const onnx = new Set(assets.filter((r) => r.url.split('?')[0].endsWith('.onnx')).map((r) => r.url));
        const wasm = new Set(assets.filter((r) => r.url.split('?')[0].endsWith('.wasm')).map((r) => r.url));
        // Three .onnx: the teacher's U-Net and text encoder, the student's U-Net (it names the teacher's text encoder).
        check(
          label,
          `loads both models and one wasm from its own build under ${base}`,
          foreign.length === 0 && onnx.size === 3 && wasm.size === 1,
          `${onnx.size} .onnx, ${wasm.size} .wasm${
            foreign.length
              ? `; elsewhere or failed: ${foreign
                  .slice(0, 4)
                  .map((r) => `${r.url} (${r.status})`)
                  .join(', ')}`
              : `: ${[...onnx, ...wasm].map((u) => new URL(u).pathname).join(', ')}`
          }`,
        );
      }
    }

    if (full && app.themeSwitch) await checkHostTheme(app, page, label);

    await page.waitForTimeout(1000); // late console output (effects, Worker replies)
    const errors = consoleMessages.filter((m) => m.type === 'error' && !(app.serverRendered && HYDRATION.test(m.text)));
    check(
      label,
      'no console errors',
      errors.length === 0,
      errors.map((m) => `${m.text.slice(0, 300)}${m.where ? ` (${m.where})` : ''}`).join(' | '),
    );
    check(
      label,
      'no uncaught page errors',
      pageErrors.length === 0,
      pageErrors.map((e) => e.slice(0, 300)).join(' | '),
    );
    check(label, 'no failed requests', failedRequests.length === 0, failedRequests.slice(0, 5).join(' | '));
    if (app.serverRendered) {
      const hydration = consoleMessages.filter((m) => HYDRATION.test(m.text));
      check(
        label,
        'hydration reports no mismatch',
        hydration.length === 0,
        hydration.map(describeHydration).join('\n'),
      );
    }
    const warnings = consoleMessages.filter((m) => m.type === 'warning');
    if (warnings.length)
      console.log(`  note [${label}] console warnings: ${warnings.map((m) => m.text.slice(0, 200)).join(' | ')}`);
  } catch (err) {
    check(label, 'page check ran to the end', false, String(err?.message ?? err).slice(0, 500));
  } finally {
    await context.close();
  }
}

/**
 * The figures follow the site's own light/dark switch with no author CSS: the reader switches with the site's
 * control (Docusaurus's navbar button, Starlight's select), and each figure's text colour is the page's body text
 * colour in both themes, its colour scheme follows (so the kit's own colours switch too), and its buttons' surface
 * changes with the theme.
 */
async function checkHostTheme(app, page, label) {
  const read = () =>
    page.evaluate((ids) => {
      const body = getComputedStyle(document.body).color;
      return {
        theme: document.documentElement.dataset.theme,
        body,
        figures: ids.map((id) => {
          const el = document.querySelector(`[data-testid="${id}"]`);
          const style = el && getComputedStyle(el);
          const button = el?.querySelector('.dk-button, .dk-select');
          return {
            id,
            color: style?.color,
            scheme: style?.colorScheme,
            control: button ? getComputedStyle(button).backgroundColor : null,
          };
        }),
      };
    }, app.figures);
  const seen = {};
  for (const theme of ['light', 'dark']) {
    await app.themeSwitch(page, theme);
    await page.waitForTimeout(300);
    seen[theme] = await read();
    const wrong = seen[theme].figures.filter((f) => f.color !== seen[theme].body || f.scheme !== theme);
    check(
      label,
      `figures follow the site's ${theme} theme (text colour and colour scheme), no author CSS`,
      seen[theme].theme === theme && wrong.length === 0,
      `html data-theme=${seen[theme].theme}, body ${seen[theme].body}; ` +
        (wrong.length ? wrong.map((f) => `${f.id}: ${f.color}, ${f.scheme}`).join('; ') : 'all figures match'),
    );
  }
  const unchanged = seen.light.figures.filter(
    (f, i) => f.control !== null && f.control === seen.dark.figures[i].control,
  );
  check(
    label,
    "the kit's controls change colour with the site's theme",
    unchanged.length === 0 && seen.light.figures.some((f) => f.control !== null),
    seen.light.figures.map((f, i) => `${f.id}: ${f.control} -> ${seen.dark.figures[i].control}`).join('; '),
  );
}

/** Opens the page, lets it settle (a dev server's dependency pre-bundling and its reload), and closes it. */
async function warmUp(url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 240_000 });
    await page.waitForTimeout(15_000);
  } finally {
    await context.close();
  }
}

/**
 * A hydration message in short: its first line, then each +client/-server line of React's diff with the
 * component (data-testid) and the element it belongs to.
 */
function describeHydration(m) {
  const lines = m.text.split('\n');
  const out = [];
  let component = '';
  let element = '';
  for (const line of lines) {
    const id = line.match(/data-testid="([^"]+)"/);
    if (id) component = id[1];
    const tag = line.match(/^\s*<([a-z][\w-]*)/);
    if (tag) element = tag[1];
    if (/^[+-]\s{2,}\S/.test(line)) out.push(`      ${component || '?'} <${element}> ${line.trim()}`);
  }
  return `${m.type}: ${lines[0].slice(0, 200)}${out.length ? `\n${out.slice(0, 24).join('\n')}` : ''}`;
}

/** The server HTML of a server-rendered page: every figure with its accessible name, before any script runs. */
async function checkServerHtml(app, url) {
  const res = await fetch(url);
  const html = await res.text();
  // Attribute values may be unquoted: Docusaurus minifies its HTML.
  const missing = app.figures.filter((id) => !new RegExp(`<[a-z]+[^>]*data-testid=["']?${id}(["'\\s>])`).test(html));
  check(
    app.name,
    'server HTML holds every figure',
    missing.length === 0,
    missing.length ? `missing: ${missing.join(', ')}` : `${(html.length / 1024).toFixed(0)} KiB`,
  );
  const figures = (html.match(/role=["']?figure\b/g) ?? []).length;
  const named = (html.match(/role=["']?figure\b[^>]*aria-(label|labelledby)=("[^"]+"|[^\s>"]+)/g) ?? []).length;
  check(
    app.name,
    'server HTML figures carry their accessible names',
    figures >= app.figures.length && named >= app.figures.length,
    `${figures} role=figure, ${named} named`,
  );
  // Meaningful markup, not empty shells: the SVG charts' axes and the sampler's numbers are in the HTML.
  const svgs = (html.match(/<svg\b/g) ?? []).length;
  const wanted = app.figures.includes('gaussian-sampler') ? 3 : 1;
  check(app.name, 'server HTML holds the SVG charts', svgs >= wanted, `${svgs} <svg> elements`);
}

function checkHeaders(app, res) {
  const coop = res.headers.get('cross-origin-opener-policy');
  const coep = res.headers.get('cross-origin-embedder-policy');
  check(
    app.name,
    'serves COOP same-origin and COEP require-corp',
    coop === 'same-origin' && coep === 'require-corp',
    `COOP ${coop}, COEP ${coep}`,
  );
}

// ---------------------------------------------------------------------------------------------------------

async function testApp(app, tgz) {
  console.log(`\n== ${app.name}: ${path.relative(root, app.dir)}`);
  const env = { NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', CI: '1' };
  await install(app, tgz);
  await timed(`[${app.name}] production build`, () =>
    run('npm', ['run', 'build'], { cwd: app.work, env, timeoutMs: 600_000 }),
  );
  check(app.name, 'builds for production', true);
  // Static hosts cap a file's size (Cloudflare Pages: 25 MiB): the largest file the build emitted.
  const largest = largestFile(path.join(app.work, app.outDir ?? app.staticDir));
  check(
    app.name,
    'emits no file over 25 MiB',
    largest.size <= 25 * 2 ** 20,
    `largest: ${path.basename(largest.file)} ${(largest.size / 2 ** 20).toFixed(1)} MiB`,
  );

  let server = null;
  let url;
  if (app.staticDir) {
    server = await serveStatic(path.join(app.work, app.staticDir), app.base);
    url = `http://127.0.0.1:${server.address().port}${app.page}`;
  } else {
    const port = await freePort();
    const [cmd, cmdArgs] = app.serve(port);
    server = start(cmd, cmdArgs, app.work, env);
    url = `http://127.0.0.1:${port}${app.page}`;
  }
  try {
    if (app.staticDir) {
      const res = await fetch(url);
      check(app.name, `serves the page at ${app.page} (static files, base ${app.base})`, res.ok, `HTTP ${res.status}`);
    } else {
      const res = await timed(`[${app.name}] start the production server`, () => waitForHttp(url, server, 60_000));
      checkHeaders(app, res);
    }
    if (app.serverRendered) await checkServerHtml(app, url);
    await timed(`[${app.name}] page checks in Chromium`, () => checkPage(app, url));
  } finally {
    if (app.staticDir) server.close();
    else await stop(server);
  }
  // The same build under the README's Content-Security-Policy: no violation, the model generates, no foreign request.
  if (app.name === 'vite')
    await timed('[vite] page checks under the README CSP', () => checkCsp(browser, check, path.join(app.work, 'dist')));

  if (app.dev && devHydration) {
    // React reports attribute mismatches only in development builds: load the page once on the dev server.
    const devPort = await freePort();
    const [devCmd, devArgs] = app.dev(devPort);
    server = start(devCmd, devArgs, app.work, env);
    try {
      const devUrl = `http://127.0.0.1:${devPort}${app.page}`;
      await timed(`[${app.name}] start the dev server and compile the page`, () =>
        waitForHttp(devUrl, server, 240_000),
      );
      // A first visit lets the dev server discover and pre-bundle the page's dependencies (Vite then reloads the
      // page once), as a developer's first load does; the check is the visit after it.
      if (app.devModel) await timed(`[${app.name}] dev warm-up visit`, () => warmUp(devUrl));
      await timed(`[${app.name}] dev ${app.devModel ? 'page and model' : 'hydration'} check`, () =>
        checkPage(app, devUrl, { label: `${app.name} dev`, full: app.devModel === true, fromBuild: false }),
      );
    } finally {
      await stop(server);
    }
  }
}

const startedAt = Date.now();
try {
  const tgz = await packKit();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  for (const app of APPS) {
    try {
      await testApp(app, tgz);
    } catch (err) {
      check(app.name, 'install, build and serve', false, String(err?.message ?? err).slice(0, 3000));
    }
  }
} catch (err) {
  check('kit', 'build and pack', false, String(err?.message ?? err).slice(0, 3000));
} finally {
  await browser?.close().catch(() => {});
  killAll();
}

const failed = results.filter((r) => !r.ok);
console.log('\n== test:examples summary');
for (const [label, s] of timings) console.log(`  ${s.toFixed(1).padStart(6)} s  ${label}`);
console.log(`  ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s  total`);
if (failed.length) {
  console.log('\nFailures:');
  for (const r of failed)
    console.log(`  [${r.app}] ${r.name}${r.detail ? `\n      ${r.detail.replace(/\n/g, '\n      ')}` : ''}`);
}
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
