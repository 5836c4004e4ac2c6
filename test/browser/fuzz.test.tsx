/**
 * The kit's promise under fuzzing, in Chromium: for every figure, seeded pairs of prop sets (valid, at the
 * edges of their ranges, and hostile; see test/fuzz/) are mounted, updated from the first set to the second
 * and unmounted, with no error reported by React or the page, bounded work in every render (the elements the
 * figure holds and the canvas calls the render makes: counted, not timed; see test/fuzz/checks.ts), and the
 * same markup checks as on the server (no NaN, Infinity, undefined or [object Object] in the figure, no
 * injected tag or CSS, a figure or an inline message naming its prop).
 *
 * Values whose properties throw when read (throwing Proxies and getters) are left to the server fuzz: React's
 * development build reads every component's props itself in the browser (for its Performance panel), before
 * the component runs, and breaks on them whatever the component does (see THROWS_ON_READ).
 *
 * The model-driven figures never load the model here: every set that would is pointed at a model URL that is
 * not there, and at most a handful of their valid sets are mounted (the invalid ones, most of the run,
 * acquire no engine at all). CI runs a hundred pairs per figure; FUZZ_RUNS / FUZZ_SEED as on the server.
 */
import fc from 'fast-check';
import { createElement, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
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
import { checkAttentionMapProps } from '../../src/components/AttentionMap/AttentionMap';
import { checkLatentWalkProps } from '../../src/components/LatentWalk/LatentWalk';
import { checkGlyphSketchProps } from '../../src/components/GlyphSketch/GlyphSketch';
import { checkSamplerRaceProps } from '../../src/components/SamplerRace/SamplerRace';
import { checkDenoiseAnimatorProps } from '../../src/components/DenoiseAnimator/DenoiseAnimator';
import { checkPromptGeneratorProps } from '../../src/components/PromptGenerator/PromptGenerator';
import { BUG_WARNINGS, domProblems, HANG_MS, MAX_CANVAS_CALLS, MAX_DOM_ELEMENTS } from '../fuzz/checks';
import {
  datasetMapProps,
  diffusionTrainerProps,
  denoiseAnimatorProps,
  gaussianSamplerProps,
  guidanceFieldProps,
  MISSING_MODEL,
  noiseScheduleChartProps,
  pixelGridProps,
  promptGeneratorProps,
  attentionMapProps,
  latentWalkProps,
  glyphSketchProps,
  samplerRaceProps,
  scoreFieldPlotProps,
} from '../fuzz/figureProps';
import { materialize, THROWS_ON_READ } from '../fuzz/hostile';

/** Pairs of prop sets per figure in CI (two sets each: the mount and the update). */
const CI_RUNS = 100;
const runs = inject('fuzzRuns') || CI_RUNS;
const seed = inject('fuzzSeed');
/** The most valid sets of a model-driven figure mounted in a run (each starts a Worker that fails to load). */
const MAX_VALID_MODEL_SETS = 4;

type Props = Record<string, unknown>;
interface Figure {
  name: string;
  Component: ComponentType<Props>;
  arbitrary: fc.Arbitrary<Props>;
  /** For the model-driven figures: whether a (materialised) set passes validation, i.e. would acquire an engine. */
  isValid?: (props: Props) => boolean;
}

const FIGURES: Figure[] = [
  { name: 'GaussianSampler', Component: GaussianSampler as ComponentType<Props>, arbitrary: gaussianSamplerProps },
  { name: 'PixelGrid', Component: PixelGrid as ComponentType<Props>, arbitrary: pixelGridProps },
  {
    name: 'NoiseScheduleChart',
    Component: NoiseScheduleChart as ComponentType<Props>,
    arbitrary: noiseScheduleChartProps,
  },
  { name: 'ScoreFieldPlot', Component: ScoreFieldPlot as ComponentType<Props>, arbitrary: scoreFieldPlotProps },
  { name: 'GuidanceField', Component: GuidanceField as ComponentType<Props>, arbitrary: guidanceFieldProps },
  { name: 'DatasetMap', Component: DatasetMap as ComponentType<Props>, arbitrary: datasetMapProps },
  { name: 'DiffusionTrainer', Component: DiffusionTrainer as ComponentType<Props>, arbitrary: diffusionTrainerProps },
  {
    name: 'DenoiseAnimator',
    Component: DenoiseAnimator as ComponentType<Props>,
    arbitrary: denoiseAnimatorProps,
    isValid: (p) => checkDenoiseAnimatorProps(p).problem === null,
  },
  {
    name: 'PromptGenerator',
    Component: PromptGenerator as ComponentType<Props>,
    arbitrary: promptGeneratorProps,
    isValid: (p) => checkPromptGeneratorProps(p).problem === null,
  },
  {
    name: 'AttentionMap',
    Component: AttentionMap as ComponentType<Props>,
    arbitrary: attentionMapProps,
    isValid: (p) => checkAttentionMapProps(p).problem === null,
  },
  {
    name: 'LatentWalk',
    Component: LatentWalk as ComponentType<Props>,
    arbitrary: latentWalkProps,
    isValid: (p) => checkLatentWalkProps(p).problem === null,
  },
  {
    name: 'GlyphSketch',
    Component: GlyphSketch as ComponentType<Props>,
    arbitrary: glyphSketchProps,
    isValid: (p) => checkGlyphSketchProps(p).problem === null,
  },
  {
    name: 'SamplerRace',
    Component: SamplerRace as ComponentType<Props>,
    arbitrary: samplerRaceProps,
    isValid: (p) => checkSamplerRaceProps(p).problem === null,
  },
];

/** Errors React reports (uncaught, caught by a boundary, recovered) and errors the page reports. */
const errors: string[] = [];
const consoleErrors: string[] = [];
const onWindowError = (e: ErrorEvent) => errors.push(`page error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) =>
  errors.push(`unhandled rejection: ${String((e.reason as Error)?.message ?? e.reason)}`);
beforeAll(() => {
  canvasCalls.install();
  window.addEventListener('error', onWindowError);
  window.addEventListener('unhandledrejection', onRejection);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args.map((a) => (typeof a === 'string' ? a : typeof a)).join(' '));
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  canvasCalls.uninstall();
  window.removeEventListener('error', onWindowError);
  window.removeEventListener('unhandledrejection', onRejection);
  vi.restoreAllMocks();
});

/** The props to render: materialised, and never the real model (a model-driven figure gets the missing URL). */
function prepare(figure: Figure, generated: Props): Props {
  const props = materialize(generated, THROWS_ON_READ) as Props;
  if (figure.isValid && (props.model === undefined || (typeof props.model === 'string' && props.model.length > 0)))
    props.model = MISSING_MODEL;
  return props;
}

/**
 * Calls made on 2-D canvas contexts since the last `take()`: every method of CanvasRenderingContext2D, counted while
 * installed.
 */
const canvasCalls = {
  count: 0,
  restore: [] as Array<() => void>,
  install() {
    const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (key === 'constructor' || typeof descriptor?.value !== 'function') continue;
      const method = descriptor.value as (...args: unknown[]) => unknown;
      proto[key] = function countedCall(this: unknown, ...args: unknown[]) {
        canvasCalls.count++;
        return method.apply(this, args);
      };
      this.restore.push(() => Object.defineProperty(proto, key, descriptor));
    }
  },
  uninstall() {
    for (const undo of this.restore.splice(0)) undo();
  },
  take(): number {
    const n = this.count;
    this.count = 0;
    return n;
  },
};

/**
 * Runs `step` (a synchronous React render inside flushSync) and counts its work: the canvas calls it made and the
 * elements the figure then holds; the wall time only for the hang guard.
 */
function counted(step: () => void, host: Element): { canvasCalls: number; elements: number; ms: number } {
  canvasCalls.take();
  const start = performance.now();
  step();
  const ms = performance.now() - start;
  return { canvasCalls: canvasCalls.take(), elements: host.querySelectorAll('*').length, ms };
}

/** What is wrong with the work of a render, or an empty list. */
function workProblems(what: string, work: ReturnType<typeof counted>): string[] {
  const problems: string[] = [];
  if (work.elements > MAX_DOM_ELEMENTS)
    problems.push(`${what} left ${work.elements} elements (at most ${MAX_DOM_ELEMENTS})`);
  if (work.canvasCalls > MAX_CANVAS_CALLS)
    problems.push(`${what} made ${work.canvasCalls} canvas calls (at most ${MAX_CANVAS_CALLS})`);
  if (work.ms > HANG_MS) problems.push(`${what} hung: ${Math.round(work.ms)} ms (the hang guard is ${HANG_MS} ms)`);
  return problems;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('fuzzing every figure in Chromium: mount, update, unmount', () => {
  for (const figure of FIGURES) {
    it(`${figure.name}: ${runs} seeded pairs of prop sets`, { timeout: 600_000 }, async () => {
      let validModelSets = 0;
      let pairs = 0;
      const most = { elements: 0, canvasCalls: 0 };
      const note = (work: ReturnType<typeof counted>) => {
        most.elements = Math.max(most.elements, work.elements);
        most.canvasCalls = Math.max(most.canvasCalls, work.canvasCalls);
      };
      await fc.assert(
        fc.asyncProperty(figure.arbitrary, figure.arbitrary, async (first, second) => {
          const a = prepare(figure, first);
          const b = prepare(figure, second);
          if (figure.isValid) {
            const valid = Number(figure.isValid(a)) + Number(figure.isValid(b));
            fc.pre(valid === 0 || validModelSets + valid <= MAX_VALID_MODEL_SETS);
            validModelSets += valid;
          }
          pairs++;
          errors.length = 0;
          consoleErrors.length = 0;
          const problems: string[] = [];
          const host = document.createElement('div');
          document.body.appendChild(host);
          const report = (kind: string) => (error: unknown) =>
            errors.push(`${kind}: ${String((error as Error)?.message ?? error)}`);
          let root: Root | null = null;
          try {
            root = createRoot(host, {
              onUncaughtError: report('uncaught'),
              onCaughtError: report('caught by a boundary'),
              onRecoverableError: report('recoverable'),
            });
            const mounted = counted(() => flushSync(() => root!.render(createElement(figure.Component, a))), host);
            note(mounted);
            problems.push(...workProblems('mounting', mounted));
            await tick();
            problems.push(...domProblems(host).map((p) => `after mounting: ${p}`));
            const updated = counted(() => flushSync(() => root!.render(createElement(figure.Component, b))), host);
            note(updated);
            problems.push(...workProblems('updating', updated));
            await tick();
            problems.push(...domProblems(host).map((p) => `after updating: ${p}`));
          } catch (error) {
            problems.push(`threw: ${String((error as Error)?.message ?? error)}`);
          } finally {
            try {
              flushSync(() => root?.unmount());
            } catch (error) {
              problems.push(`unmounting threw: ${String((error as Error)?.message ?? error)}`);
            }
            host.remove();
          }
          problems.push(...errors);
          const bugs = consoleErrors.filter((m) => BUG_WARNINGS.test(m));
          if (bugs.length) problems.push(`React warned: ${bugs[0]}`);
          if (problems.length) throw new Error(problems.join('\n'));
        }),
        { numRuns: runs, seed },
      );
      console.log(
        `${figure.name}: ${pairs} pairs mounted, updated and unmounted${figure.isValid ? ` (${validModelSets} valid sets, none loading the model)` : ''}; ` +
          `at most ${most.elements} elements and ${most.canvasCalls} canvas calls in a render`,
      );
      expect(pairs).toBeGreaterThan(0);
    });
  }
});
