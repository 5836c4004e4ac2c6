#!/usr/bin/env node
// Visits every story of the static Storybook in Chromium (issue #22) and fails on what a reader would see break:
//   - horizontal overflow: the page scrolls sideways (documentElement.scrollWidth > clientWidth), or a figure root
//     ([role="figure"] and every `#storybook-root [data-state]`) is wider inside than its box (scrollWidth >
//     clientWidth + 1). Checked at every width (default 360 and 1280, height 800, 1x).
//   - console errors, uncaught page errors, failed requests and responses >= 400. A story that shows a failure on
//     purpose (a missing model, ...) carries the Storybook tag `expected-errors`: its console errors, failed requests
//     and error responses are allowed (its uncaught page errors and its overflow are not).
//   - axe-core violations in #storybook-root, at 1280 px, in the light and in the dark theme (the `theme` global).
// Each story is loaded fresh (iframe.html?id=...&globals=theme:...), then settles: its root has content, the network
// is idle (or 10 s passed), then 500 ms.
//
// Usage: npm run build-storybook && npm run test:stories [-- options]
//   --build <dir>       the static Storybook (default storybook-static)
//   --only <substring>  only the stories whose id contains it (or one of several, comma-separated)
//   --widths 360,1280   the viewport widths (axe runs only at 1280, when it is one of them)
//   --jobs <n>          pages loading at once (default 2)
//   --json <file>       also write every failure (and the timings) as JSON
// Exits 1 on any failure, after a table of them; ends with a line "N visits, N failed, wall N s".
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { startStaticServer } from '../../scripts/serve-static.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : i >= 0 ? args[i + 1] : fallback;
};
const buildDir = path.resolve(root, opt('build', 'storybook-static'));
const only = opt('only', '');
const widths = opt('widths', '360,1280').split(',').map(Number);
const jobs = Math.max(1, Number(opt('jobs', 2)));
const jsonOut = opt('json', '');
const AXE_WIDTH = 1280;
const HEIGHT = 800;
const ROOT_TIMEOUT_MS = 30_000;
const IDLE_TIMEOUT_MS = 10_000;
const TOTAL_LIMIT_MS = 30 * 60_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');

const t0 = Date.now();
const watchdog = setTimeout(() => {
  console.error(`\ntest:stories: over the ${TOTAL_LIMIT_MS / 60_000} min limit, stopping.`);
  process.exit(124);
}, TOTAL_LIMIT_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------------------
// The visits: every story at every width in the light theme, and once more at 1280 in the dark one (for axe).

const index = JSON.parse(readFileSync(path.join(buildDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (e) => e.type === 'story' && (!only || only.split(',').some((o) => e.id.includes(o))),
);
if (!stories.length) {
  console.error(`no story in ${path.relative(root, buildDir) || buildDir}/index.json matches "${only}"`);
  process.exit(1);
}
const visits = [];
for (const story of stories) {
  for (const width of widths) visits.push({ story, width, theme: 'light', axe: width === AXE_WIDTH });
  if (widths.includes(AXE_WIDTH)) visits.push({ story, width: AXE_WIDTH, theme: 'dark', axe: true });
}

// ---------------------------------------------------------------------------------------------------------
// What is measured in the page

/** Evaluated in the page: the overflowing document and figure roots, each with the element that sticks out. */
function measureOverflow() {
  /** tag#id.dk-class[role][data-part] "label", or the same with its parents' (up to 3) when it has none of them. */
  const describe = (el, depth = 0) => {
    if (el === document.documentElement) return 'html';
    const dk = [...el.classList].filter((c) => c.startsWith('dk-')).slice(0, 2);
    const classes = dk.length ? dk : [...el.classList].slice(0, 1);
    const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid');
    const attrs = ['role', 'data-part'].filter((a) => el.hasAttribute(a));
    const own =
      (el.id ? `#${el.id}` : '') +
      classes.map((c) => `.${c}`).join('') +
      attrs.map((a) => `[${a}=${el.getAttribute(a)}]`).join('') +
      (label ? ` "${label.slice(0, 40)}"` : '');
    const tag = el.tagName.toLowerCase();
    if (own || depth >= 3 || !el.parentElement || el.parentElement.id === 'storybook-root') return tag + own;
    const nth = [...el.parentElement.children].indexOf(el) + 1;
    return `${describe(el.parentElement, depth + 1)} > ${tag}:nth-child(${nth})`;
  };
  const past = (el, limit) => el.getBoundingClientRect().right > limit + 0.01;
  /** Whether an ancestor of `el` below `box` clips it (overflow other than visible: KaTeX's MathML, an svg). */
  const clipped = (el, box) => {
    for (let p = el.parentElement; p && p !== box; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    return false;
  };
  /** The outermost descendants of `box` whose right edge passes `limit` (their parent's does not), unclipped. */
  const culprits = (box, limit) => {
    const out = [];
    for (const el of box.querySelectorAll('*')) {
      if (!past(el, limit) || el.getBoundingClientRect().width === 0) continue;
      const p = el.parentElement;
      if ((p && p !== box && past(p, limit)) || clipped(el, box)) continue;
      out.push(`${describe(el)} (right ${Math.round(el.getBoundingClientRect().right - limit)} px out)`);
      if (out.length >= 2) break;
    }
    return out.join('; ');
  };
  const found = [];
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth)
    found.push({
      element: 'page',
      px: de.scrollWidth - de.clientWidth,
      culprit: culprits(document.body, de.clientWidth),
    });
  const roots = new Set(document.querySelectorAll('[role="figure"], #storybook-root [data-state]'));
  for (const el of roots) {
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    const r = el.getBoundingClientRect();
    found.push({
      element: describe(el),
      px: el.scrollWidth - el.clientWidth,
      culprit: culprits(el, r.left + el.clientLeft + el.clientWidth),
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// One visit

const failures = [];
const fail = (visit, kind, detail) =>
  failures.push({ visit, story: visit.story.id, width: visit.width, theme: visit.theme, kind, detail });
const oneLine = (s) => String(s).replace(/\s+/g, ' ').trim().slice(0, 300);

/** The path of a URL of the build; null for the browser's own favicon request (iframe.html names none). */
const ourPath = (url) => (url.endsWith('/favicon.ico') ? null : url.replace(/^https?:\/\/[^/]+/, ''));

/** A page kept for many visits; its listeners report into whichever visit is current. */
async function openPage(context) {
  const page = await context.newPage();
  const slot = { page, log: null };
  const note = (kind, detail) => slot.log?.push({ kind, detail });
  page.on('console', (msg) => {
    const where = ourPath(msg.location()?.url ?? '');
    if (msg.type() === 'error' && where !== null) note('console', `${oneLine(msg.text())} @ ${where}`);
  });
  page.on('pageerror', (err) => note('pageerror', oneLine(err?.message ?? err)));
  // A request belongs to the visit that issued it: a Worker script of the previous story, aborted by the navigation
  // away from it, may be reported well after that navigation (seconds on a busy machine) and is nobody's failure.
  const issuedIn = new WeakMap();
  page.on('request', (req) => issuedIn.set(req, slot.log));
  const noteRequest = (req, detail) => {
    // One the page never reported issuing counts for the current visit.
    const log = issuedIn.has(req) ? issuedIn.get(req) : slot.log;
    if (log && log === slot.log) log.push({ kind: 'request', detail });
  };
  page.on('requestfailed', (req) => {
    const where = ourPath(req.url());
    if (where !== null) noteRequest(req, `${req.failure()?.errorText} ${where}`);
  });
  page.on('response', (res) => {
    const where = ourPath(res.url());
    if (res.status() >= 400 && where !== null) noteRequest(res.request(), `HTTP ${res.status()} ${where}`);
  });
  return slot;
}

async function visitStory(slot, base, visit) {
  const { page } = slot;
  const started = Date.now();
  const allowErrors = (visit.story.tags ?? []).includes('expected-errors');
  await page.setViewportSize({ width: visit.width, height: HEIGHT });
  slot.log = [];
  try {
    // a11y.manual: the a11y addon's own axe run after each render is off (it would race ours: "Axe is already
    // running", and it costs a second run per visit).
    const globals = `theme:${visit.theme};a11y.manual:!true`;
    await page.goto(`${base}/iframe.html?id=${visit.story.id}&viewMode=story&globals=${globals}`, {
      waitUntil: 'domcontentloaded',
    });
    // Rendered: the root has content, or Storybook shows its error screen instead.
    const rendered = await page
      .waitForFunction(
        () =>
          document.querySelector('#storybook-root')?.childElementCount > 0 ||
          document.body.classList.contains('sb-show-errordisplay'),
        null,
        { timeout: ROOT_TIMEOUT_MS, polling: 100 },
      )
      .then(() => page.evaluate(() => !document.body.classList.contains('sb-show-errordisplay')))
      .catch(() => false);
    if (!rendered) {
      const shown = await page
        .locator('#error-message, .sb-errordisplay')
        .first()
        .textContent()
        .catch(() => '');
      fail(visit, 'render', oneLine(shown || `#storybook-root empty after ${ROOT_TIMEOUT_MS / 1000} s`));
      return;
    }
    await page.waitForLoadState('networkidle', { timeout: IDLE_TIMEOUT_MS }).catch(() => {});
    await page.waitForTimeout(500);

    for (const o of await page.evaluate(measureOverflow))
      fail(visit, 'overflow', `${o.element} by ${o.px} px${o.culprit ? `: ${o.culprit}` : ''}`);

    if (visit.axe) {
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run('#storybook-root', { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        }));
      });
      for (const v of violations)
        fail(
          visit,
          'axe',
          `${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}: ${v.nodes.slice(0, 2).join(', ')})`,
        );
    }
  } catch (error) {
    fail(visit, 'visit', oneLine(error?.message ?? error));
  } finally {
    const log = slot.log;
    slot.log = null;
    // Leave the story (its Worker and downloads stop) before the next one; nothing after this point is its.
    await page.goto('about:blank').catch(() => {});
    // The old document's Workers end after the navigation: their aborted requests are reported a moment later, and
    // must not land in the next visit's log.
    await page.waitForTimeout(300);
    const seen = new Set();
    for (const entry of log) {
      const key = `${entry.kind} ${entry.detail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (allowErrors && entry.kind !== 'pageerror') continue;
      fail(visit, entry.kind, entry.detail);
    }
    visit.ms = Date.now() - started;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Run: one browser, `jobs` pages taking visits from one queue

const server = await startStaticServer(buildDir, 0);
// Cacheable responses: each visit is a fresh load of the same preview bundle, which Chromium then takes from its
// cache with V8's compiled code (a third faster). The browser is new on each run, so nothing outlives the build.
server.prependListener('request', (_req, res) => {
  const writeHead = res.writeHead;
  res.writeHead = (status, headers) =>
    writeHead.call(res, status, status === 200 ? { ...headers, 'Cache-Control': 'max-age=3600' } : headers);
});
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM });
console.log(
  `${stories.length} stories, ${visits.length} visits (widths ${widths.join(', ')}; ` +
    `${widths.includes(AXE_WIDTH) ? `axe at ${AXE_WIDTH} light and dark` : 'no axe'}), ${jobs} at a time`,
);
try {
  const context = await browser.newContext({ viewport: { width: widths[0], height: HEIGHT }, deviceScaleFactor: 1 });
  const queue = [...visits];
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, visits.length) }, async () => {
      const slot = await openPage(context);
      for (let visit = queue.shift(); visit; visit = queue.shift()) {
        await visitStory(slot, base, visit);
        done++;
        const bad = failures.some((f) => f.visit === visit);
        console.log(
          `  ${bad ? 'FAIL' : 'ok  '} ${String(done).padStart(3)}/${visits.length} ${visit.story.id} @${visit.width} ${visit.theme} (${(visit.ms / 1000).toFixed(1)} s)`,
        );
      }
      await slot.page.close();
    }),
  );
} finally {
  await browser.close();
  server.close();
}

// ---------------------------------------------------------------------------------------------------------
// Report

const wall = (Date.now() - t0) / 1000;
if (failures.length) {
  const rows = [
    ['story', 'width', 'theme', 'kind', 'detail'],
    ...failures.map((f) => [f.story, String(f.width), f.theme, f.kind, f.detail]),
  ];
  const w = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  console.log('\nFailures:');
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c < 4 ? cell.padEnd(w[c]) : cell)).join('  '));
    if (i === 0) console.log(w.map((n) => '-'.repeat(n)).join('  ') + '  ' + '-'.repeat(6));
  }
}
if (jsonOut)
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        wall,
        failures: failures.map(({ visit: _visit, ...f }) => f),
        visits: visits.map((v) => ({ story: v.story.id, width: v.width, theme: v.theme, ms: v.ms })),
      },
      null,
      2,
    ),
  );
const failedVisits = new Set(failures.map((f) => `${f.story} ${f.width} ${f.theme}`)).size;
console.log(
  `\n${visits.length} visits, ${failedVisits} failed (${failures.length} failures), wall ${wall.toFixed(0)} s`,
);
process.exit(failures.length ? 1 : 0);
