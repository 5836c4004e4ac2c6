/**
 * The kit's promise under fuzzing, on the server: for every figure, seeded prop sets (valid, at the edges of
 * their ranges, and hostile: Symbols, BigInts, functions, circular and deeply nested objects, throwing
 * Proxies and getters, huge and sparse arrays, Promises, injected markup and CSS) render with
 * renderToString without an exception, with bounded work (the markup written, and what the props make a
 * figure compute, e.g. GaussianSampler's samples: counted, not timed; see test/fuzz/checks.ts), with no NaN,
 * Infinity, undefined or [object Object] in the figure's own markup, no injected tag, and either the figure
 * or an inline message naming the prop.
 *
 * CI runs a few hundred sets per figure; FUZZ_RUNS=<n> runs more, FUZZ_SEED=<s> other ones (see
 * test/fuzz/fuzzConfig.ts). A failure prints the shrunk prop set and how to replay it.
 */
import fc from 'fast-check';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  AttentionMap,
  LatentWalk,
  GlyphSketch,
  DatasetMap,
  DiffusionTrainer,
  DenoiseAnimator,
  GaussianSampler,
  GuidanceField,
  NoiseScheduleChart,
  PixelGrid,
  PromptGenerator,
  SamplerRace,
  ScoreFieldPlot,
} from '../../src';
import { SERVER_MAX_SAMPLES } from '../../src/components/GaussianSampler/useGaussianSampler';
import { BUG_WARNINGS, HANG_MS, MAX_MARKUP_CHARS, serverMarkupProblems } from '../fuzz/checks';
import {
  datasetMapProps,
  diffusionTrainerProps,
  denoiseAnimatorProps,
  gaussianSamplerProps,
  guidanceFieldProps,
  noiseScheduleChartProps,
  pixelGridProps,
  promptGeneratorProps,
  attentionMapProps,
  latentWalkProps,
  glyphSketchProps,
  samplerRaceProps,
  scoreFieldPlotProps,
} from '../fuzz/figureProps';
import { materialize } from '../fuzz/hostile';

/** Prop sets per figure in CI (the whole file stays well under a minute on a small machine). */
const CI_RUNS = 300;
const runs = inject('fuzzRuns') || CI_RUNS;
const seed = inject('fuzzSeed');

/** Per figure, what its server render computed beyond its markup, counted from the markup: a problem, or null. */
type WorkCheck = (html: string) => string | null;

/**
 * GaussianSampler draws at most SERVER_MAX_SAMPLES on the server, whatever sampleCount asks for (data-shown: the
 * samples drawn and shown).
 */
const gaussianSamplesDrawn: WorkCheck = (html) => {
  const shown = /data-shown="(\d+)"/.exec(html);
  return shown && Number(shown[1]) > SERVER_MAX_SAMPLES
    ? `drew ${shown[1]} samples on the server (at most ${SERVER_MAX_SAMPLES})`
    : null;
};

const FIGURES: Array<
  [string, ComponentType<Record<string, unknown>>, fc.Arbitrary<Record<string, unknown>>, WorkCheck?]
> = [
  [
    'GaussianSampler',
    GaussianSampler as ComponentType<Record<string, unknown>>,
    gaussianSamplerProps,
    gaussianSamplesDrawn,
  ],
  ['PixelGrid', PixelGrid as ComponentType<Record<string, unknown>>, pixelGridProps],
  ['NoiseScheduleChart', NoiseScheduleChart as ComponentType<Record<string, unknown>>, noiseScheduleChartProps],
  ['ScoreFieldPlot', ScoreFieldPlot as ComponentType<Record<string, unknown>>, scoreFieldPlotProps],
  ['GuidanceField', GuidanceField as ComponentType<Record<string, unknown>>, guidanceFieldProps],
  ['DatasetMap', DatasetMap as ComponentType<Record<string, unknown>>, datasetMapProps],
  ['DiffusionTrainer', DiffusionTrainer as ComponentType<Record<string, unknown>>, diffusionTrainerProps],
  ['DenoiseAnimator', DenoiseAnimator as ComponentType<Record<string, unknown>>, denoiseAnimatorProps],
  ['PromptGenerator', PromptGenerator as ComponentType<Record<string, unknown>>, promptGeneratorProps],
  ['AttentionMap', AttentionMap as ComponentType<Record<string, unknown>>, attentionMapProps],
  ['SamplerRace', SamplerRace as ComponentType<Record<string, unknown>>, samplerRaceProps],
  ['LatentWalk', LatentWalk as ComponentType<Record<string, unknown>>, latentWalkProps],
  ['GlyphSketch', GlyphSketch as ComponentType<Record<string, unknown>>, glyphSketchProps],
];

/** React's and the kit's console output, kept to check for warnings that always mean a bug. */
const consoleErrors: string[] = [];
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map((a) => (typeof a === 'string' ? a : typeof a)).join(' '));
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

/** Renders once, timed only for the hang guard. */
function render(
  Figure: ComponentType<Record<string, unknown>>,
  props: Record<string, unknown>,
): { html: string; ms: number } {
  const start = performance.now();
  const html = renderToString(createElement(Figure, materialize(props) as Record<string, unknown>));
  return { html, ms: performance.now() - start };
}

describe('fuzzing the server render of every figure', () => {
  for (const [name, Figure, arbitrary, work] of FIGURES) {
    it(
      `${name}: ${runs} seeded prop sets never throw, do bounded work and write clean markup`,
      { timeout: 600_000 },
      () => {
        let rendered = 0;
        let messages = 0;
        let largest = 0;
        const byProp = new Map<string, number>();
        fc.assert(
          fc.property(arbitrary, (props) => {
            consoleErrors.length = 0;
            const { html, ms } = render(Figure, props);
            rendered++;
            if (html.includes('role="alert"')) {
              messages++;
              const prop = /data-prop="([^"]*)"/.exec(html)?.[1] ?? '(other)';
              byProp.set(prop, (byProp.get(prop) ?? 0) + 1);
            }
            largest = Math.max(largest, html.length);
            const problems = serverMarkupProblems(html);
            if (html.length > MAX_MARKUP_CHARS)
              problems.push(`the render wrote ${html.length} characters of markup (at most ${MAX_MARKUP_CHARS})`);
            const tooMuch = work?.(html);
            if (tooMuch) problems.push(`the render ${tooMuch}`);
            if (ms > HANG_MS) problems.push(`the render hung: ${Math.round(ms)} ms (the hang guard is ${HANG_MS} ms)`);
            const bugs = consoleErrors.filter((m) => BUG_WARNINGS.test(m));
            if (bugs.length) problems.push(`React warned: ${bugs[0]}`);
            if (problems.length) throw new Error(problems.join('\n'));
          }),
          { numRuns: runs, seed },
        );
        const top = [...byProp]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([p, n]) => `${p} ${n}`)
          .join(', ');
        console.log(
          `${name}: ${rendered} renders, ${rendered - messages} figures drawn, ${messages} inline messages (${top}); largest markup ${largest} characters`,
        );
        // Both sides are exercised: figures drawn and messages shown.
        expect(rendered).toBeGreaterThanOrEqual(runs);
        expect(messages).toBeGreaterThan(0);
        expect(messages).toBeLessThan(rendered);
      },
    );
  }
});
