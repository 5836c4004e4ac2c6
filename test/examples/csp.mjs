#!/usr/bin/env node
// The Vite example under the Content-Security-Policy the README documents, exactly as written there: serves the
// built example (examples/vite-app/dist) with that policy (plus a report-uri, which only reports), loads it in
// Chromium and checks that no CSP violation is reported (by the page, the kit's Worker or onnxruntime's
// threads: all of them report to the server), that the model-driven figures generate, and that the page
// requests nothing but its own files (the bundle, its wasm) and the shipped model's files.
//
// Part of test/examples/run.mjs (after the example's production build); alone, on an existing build:
//   node test/examples/csp.mjs
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MODEL_LIMIT_MS = 240_000;

/** The policy in the README's "Content-Security-Policy" section (the line that starts with the header name). */
export function readmePolicy() {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const line = readme.split('\n').find((l) => l.startsWith('Content-Security-Policy: '));
  if (!line) throw new Error('README.md has no "Content-Security-Policy: ..." line');
  return line.slice('Content-Security-Policy: '.length).trim();
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
};

/** Serves `dir` with the isolation headers and `policy`; records every request path and every CSP report. */
function serve(dir, policy) {
  const requests = [];
  const reports = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/__csp-report') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        try {
          reports.push(JSON.parse(body)['csp-report'] ?? JSON.parse(body));
        } catch {
          reports.push({ raw: body });
        }
        res.writeHead(204).end();
      });
      return;
    }
    requests.push(url.pathname);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': statSync(file).size,
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Content-Security-Policy': `${policy}; report-uri /__csp-report`,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port, requests, reports })),
  );
}

/**
 * What the page may request: its own HTML and bundle (scripts, wasm, styles, icons) and the model's files, which
 * Vite emitted into the same assets folder under hashed names (the kit references them with new URL(…)).
 */
const ALLOWED = [
  /^\/$/,
  /^\/index\.html$/,
  /^\/favicon\.svg$/,
  /^\/assets\/[\w.-]+\.(js|mjs|css|wasm|svg|png)$/,
  /^\/assets\/(model|unet|text_encoder|tokenizer)-[\w-]+\.(json|onnx)$/,
];
const MODEL_FILE = /^\/assets\/(model|unet|text_encoder|tokenizer)-[\w-]+\.(json|onnx)$/;

/**
 * Runs the checks; `check(name, ok, detail)` records each. `browser` is a Playwright Chromium browser.
 * @param {import('playwright').Browser} browser
 */
export async function checkCsp(browser, check, dir = path.join(root, 'examples/vite-app/dist')) {
  const policy = readmePolicy();
  const { server, port, requests, reports } = await serve(dir, policy);
  const context = await browser.newContext({
    viewport: {
      width: 1100,
      height: 9000,
    } /* tall: every figure in view at once, as the model figures start when visible */,
  });
  const page = await context.newPage();
  const pageErrors = [];
  const browserRequests = [];
  const origin = `http://127.0.0.1:${port}`;
  page.on('pageerror', (err) => pageErrors.push(String(err?.message ?? err)));
  page.on('request', (req) => browserRequests.push(req.url()));
  // Violations of the page itself, as events too (workers' reach the server through report-uri).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  try {
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 120_000 });
    const done = await page
      .waitForFunction(
        () => {
          const denoise = document.querySelector('[data-testid="denoise-animator"]');
          const prompt = document.querySelector('[data-testid="prompt-generator"]');
          if (denoise?.getAttribute('data-state') === 'error' || prompt?.getAttribute('data-state') === 'error')
            return 'error';
          return denoise?.getAttribute('data-state') === 'done' && prompt?.querySelector('figure[data-status="done"]')
            ? 'done'
            : false;
        },
        null,
        { timeout: MODEL_LIMIT_MS, polling: 250 },
      )
      .then((h) => h.jsonValue())
      .catch(() => 'timeout');
    const alerts = await page.locator('[data-testid] [role="alert"]').allInnerTexts();
    check(
      'vite csp',
      'DenoiseAnimator and PromptGenerator generate under the README policy',
      done === 'done',
      `${done}${alerts.length ? `: ${alerts.join(' | ').slice(0, 400)}` : ''}`,
    );
    const threads = await page.evaluate(() => globalThis.crossOriginIsolated === true);
    check('vite csp', 'the page stays cross-origin isolated', threads);
    await page.waitForTimeout(1000);
    const events = await page.evaluate(() => window.__cspViolations);
    const reported = reports.map(
      (r) =>
        `${r['violated-directive'] ?? r['effective-directive'] ?? '?'} ${r['blocked-uri'] ?? ''} (${r['source-file'] ?? r['document-uri'] ?? ''})`,
    );
    check(
      'vite csp',
      'no CSP violation (securitypolicyviolation events and reports)',
      events.length === 0 && reported.length === 0,
      [...events, ...reported].slice(0, 8).join(' | '),
    );
    check('vite csp', 'no uncaught page errors', pageErrors.length === 0, pageErrors.slice(0, 3).join(' | '));
    const foreign = browserRequests.filter((u) => !u.startsWith(`${origin}/`));
    const unexpected = [...new Set(requests)].filter((p) => !ALLOWED.some((re) => re.test(p)));
    const model = [...new Set(requests)].filter((p) => MODEL_FILE.test(p));
    check(
      'vite csp',
      'requests only its own bundle and the model files (no other origin)',
      foreign.length === 0 && unexpected.length === 0,
      `${requests.length} requests; model files: ${model.map((p) => path.basename(p)).join(', ')}${foreign.length ? `; other origins: ${foreign.slice(0, 5).join(', ')}` : ''}${unexpected.length ? `; unexpected: ${unexpected.slice(0, 5).join(', ')}` : ''}`,
    );
    check(
      'vite csp',
      "fetches the model files from the site's own build",
      ['model', 'unet', 'text_encoder', 'tokenizer'].every((f) =>
        model.some((p) => path.basename(p).startsWith(`${f}-`)),
      ),
    );
  } finally {
    await context.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
  });
  let failed = 0;
  try {
    await checkCsp(browser, (app, name, ok, detail = '') => {
      if (!ok) failed++;
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} [${app}] ${name}${detail ? `: ${detail}` : ''}`);
    });
  } finally {
    await browser.close();
  }
  console.log(failed ? `${failed} failed` : 'all passed');
  process.exit(failed ? 1 : 0);
}
