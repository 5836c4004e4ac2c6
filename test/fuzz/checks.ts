/**
 * What every fuzzed render must satisfy, on the server and in the browser: no exception (checked by the
 * callers), bounded work, no NaN, Infinity, undefined or [object Object] written into the figure's own markup,
 * no injected tag or CSS, and either a figure or an inline message that names its prop.
 *
 * The work of a render is bounded by counting what it does, never by the clock, so that a machine busy with
 * other jobs (or a reader's slower laptop) cannot fail a run: the markup a server render writes, the elements
 * a mounted figure holds and the canvas calls its render makes, and, per figure, what its props make it
 * compute (e.g. the samples GaussianSampler draws on the server). What a figure computes is bounded by its
 * limits on its props (MAX_SAMPLES, the work limits of ScoreFieldPlot and GuidanceField, ...), each checked in
 * the figure's tests. The clock is only a guard against a hang, with a wide margin ({@link HANG_MS}).
 */
import { BANNED_TOKENS } from './hostile';

/**
 * The most markup one server render may write, in characters. The largest accepted prop sets write about 1.2
 * million (NoiseScheduleChart: 8 schedules of 10,000 steps in every panel, at most 2,000 points a line) and
 * 0.8 million (PixelGrid: 64 x 64 SVG cells with their values).
 */
export const MAX_MARKUP_CHARS = 4_000_000;

/**
 * The most elements a mounted figure may hold after a render (PixelGrid's 64 x 64 SVG cells with values: about 8,200).
 */
export const MAX_DOM_ELEMENTS = 20_000;

/**
 * The most calls one render may make on 2-D canvas contexts, every method call counted (paths, fills, text,
 * images). The work limits of ScoreFieldPlot and GuidanceField allow up to a million path segments.
 */
export const MAX_CANVAS_CALLS = 2_000_000;

/**
 * A render still running after this long is stuck, not slow: the fuzz's hang guard. It is no bound on speed
 * (the figures' renders take well under a second on a quiet machine, and a busy one may take several times
 * that); the bounds on work above are.
 */
export const HANG_MS = 20_000;

/** Console errors from React that always mean a bug of the figure, whatever the props. */
export const BUG_WARNINGS =
  /same key|unique "key"|Maximum update depth|Too many re-renders|Cannot update a component|Received NaN|NaN is an invalid value|Infinity is an invalid value/;

const unescape = (s: string) =>
  s
    .replace(/<!-- -->/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/** The inline messages of a server render: `<div role="alert" ... data-prop="p"><strong>Name</strong>: text</div>`. */
const ALERT = /<div role="alert"([^>]*)>((?:<strong>[^<]*<\/strong>|<!-- -->|[^<])*)<\/div>/g;

/** What is wrong with a server render, or an empty list. */
export function serverMarkupProblems(html: string): string[] {
  const alerts = [...html.matchAll(ALERT)].map((m) => ({
    attributes: m[1]!,
    text: unescape(m[2]!.replace(/<strong>[^<]*<\/strong>/, '')),
  }));
  const outside = html.replace(ALERT, '');
  return markupProblems(
    html,
    outside,
    alerts.map((a) => ({ prop: /data-prop="([^"]*)"/.exec(a.attributes)?.[1] ?? null, text: a.text })),
    /data-state="(?!error")[^"]+"/.test(html),
  );
}

/** What is wrong with a browser render (the host element's content), or an empty list. */
export function domProblems(host: Element): string[] {
  const clone = host.cloneNode(true) as Element;
  const alerts = [...clone.querySelectorAll('[role="alert"]')].map((el) => {
    const text = (el.textContent ?? '').replace(/^[^:]*: /, '');
    el.remove();
    return { prop: el.getAttribute('data-prop'), text };
  });
  const ready = [...host.querySelectorAll('[data-state]')].some((el) => el.getAttribute('data-state') !== 'error');
  return markupProblems(host.innerHTML, clone.innerHTML, alerts, ready);
}

function markupProblems(
  all: string,
  outsideAlerts: string,
  alerts: Array<{ prop: string | null; text: string }>,
  ready: boolean,
): string[] {
  const problems: string[] = [];
  if (all.includes('[object Object]')) problems.push('[object Object] in the markup');
  for (const token of BANNED_TOKENS) {
    if (token !== '[object Object]' && new RegExp(`\\b${token}\\b`).test(outsideAlerts)) {
      const at = outsideAlerts.search(new RegExp(`\\b${token}\\b`));
      problems.push(`${token} in the figure's markup: …${outsideAlerts.slice(Math.max(0, at - 80), at + 40)}…`);
    }
  }
  if (/<(script|img|svg)\b[^>]*data-fuzzinj/i.test(all)) problems.push('an injected tag is in the markup');
  if (/style="[^"]*fuzzinj-css/i.test(all)) problems.push('injected CSS is in a style attribute');
  if (alerts.length === 0 && !ready)
    problems.push(`neither a figure nor an inline message (a blank figure): '${all.slice(0, 160)}'`);
  for (const alert of alerts) {
    if (!alert.text.trim()) problems.push('an empty inline message');
    // A prop problem names its prop in the message (a string problem, e.g. an engine error, has no data-prop).
    if (alert.prop !== null && !alert.text.includes(alert.prop.split(/[.[]/)[0]!))
      problems.push(`the message for ${alert.prop} does not name it: ${alert.text}`);
  }
  return problems;
}
