/**
 * The soak: many consecutive generations through the kit's Worker, driven through a real PromptGenerator (its
 * results list is the frame store, capped by `maxResults`), with the Worker's and the page's memory read after
 * warm-up and at the end. Used by bench/soak.mjs (200 generations, figures printed) and by
 * test/browser/soak.test.tsx (CI: a short run, the same growth checks).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { PromptGenerator } from '../../src/components/PromptGenerator/PromptGenerator';
import type { EngineStats } from '../../src/engine';
import { acquireEngine, liveEngineCount, releaseEngine } from '../../src/hooks/sharedEngine';

export interface SoakSample {
  generations: number;
  /** The page's JS heap in use (Chromium's performance.memory), after a collection when `gc` is exposed. */
  pageHeapBytes: number | null;
  /**
   * The Worker's stats. Its `jsHeapBytes`, where the Worker cannot read its own heap (Chromium), is measured from
   * the page with `performance.measureUserAgentSpecificMemory()`: the JS heap of every dedicated worker of the
   * page, that is the engine's Worker and onnxruntime's thread workers (null where the browser offers no
   * measurement, e.g. a page that is not cross-origin isolated).
   */
  worker: EngineStats;
}

export interface SoakResult {
  runs: number;
  warmup: number;
  /** The largest number of results the figure held at any point, and its cap. */
  maxResultsSeen: number;
  cap: number;
  afterWarmup: SoakSample;
  end: SoakSample;
  /** end / afterWarmup - 1, per figure (null where the browser does not tell). */
  growth: { pageHeap: number | null; workerHeap: number | null; wasmMemory: number };
  /** Shared engines still alive after the figure was unmounted (filled in by the caller; null until then). */
  afterRelease: { liveEngines: number | null };
  generationMs: { median: number; max: number };
}

const collect = () => (globalThis as { gc?: () => void }).gc?.();

interface MemoryMeasurement {
  breakdown: { bytes: number; types: string[]; attribution: { scope?: string }[] }[];
}

/**
 * The JS heap of the page's dedicated workers, by `performance.measureUserAgentSpecificMemory()` (which collects
 * garbage first; Chromium answers at once with ForceEagerMeasureMemory, else within about 20 s).
 */
async function dedicatedWorkersHeap(): Promise<number | null> {
  const measure = (performance as { measureUserAgentSpecificMemory?: () => Promise<MemoryMeasurement> })
    .measureUserAgentSpecificMemory;
  if (typeof measure !== 'function' || !globalThis.crossOriginIsolated) return null;
  const { breakdown } = await measure.call(performance);
  const entries = breakdown.filter(
    (e) => e.types.includes('JavaScript') && e.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope'),
  );
  return entries.length ? entries.reduce((sum, e) => sum + e.bytes, 0) : null;
}

async function sample(generations: number, stats: () => Promise<EngineStats>): Promise<SoakSample> {
  // Collect twice with a turn between, so that finalizers (onnxruntime tensors) run before measuring.
  collect();
  await new Promise((r) => setTimeout(r, 50));
  collect();
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  const pageHeapBytes = memory ? memory.usedJSHeapSize : null;
  const worker = await stats();
  return {
    generations,
    pageHeapBytes,
    worker: { ...worker, jsHeapBytes: worker.jsHeapBytes ?? (await dedicatedWorkersHeap()) },
  };
}

async function until<T>(check: () => T, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || a === 0 ? null : b / a - 1);

/** Runs `runs` generations (the first `warmup` not counted in the growth) and returns the figures. */
export async function soak({
  runs,
  warmup,
  steps = 2,
  cap = 4,
  onProgress,
}: {
  runs: number;
  warmup: number;
  steps?: number;
  cap?: number;
  onProgress?: (done: number) => void;
}): Promise<SoakResult> {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      createElement(PromptGenerator, {
        device: 'wasm',
        prompt: 'water',
        count: 1,
        steps,
        seed: 7,
        maxResults: cap,
        startWhen: 'mount',
        cellSize: 16,
      }),
    ),
  );
  // The figure's own shared engine (same model and device: the same Worker), to read its stats.
  const engine = acquireEngine(undefined, 'wasm');
  const stats = () => engine.worker.stats();
  const figure = host.querySelector<HTMLElement>('[role="figure"]')!;
  const generateButton = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Generate')!;
  let maxResultsSeen = 0;
  let afterWarmup: SoakSample | null = null;
  const times: number[] = [];
  try {
    await until(() => engine.getState().status === 'ready' && !generateButton().disabled, 120_000, 'the model');
    for (let i = 0; i < runs; i++) {
      if (i === warmup) afterWarmup = await sample(i, stats);
      const before = Number(host.querySelector('figure[data-result-id]')?.getAttribute('data-result-id') ?? 0);
      const t0 = performance.now();
      generateButton().click();
      await until(
        () => {
          const newest = host.querySelector('figure[data-result-id]');
          const status = newest?.getAttribute('data-status');
          if (status === 'error') throw new Error(`generation ${i + 1} failed: ${newest?.textContent}`);
          return (
            Number(newest?.getAttribute('data-result-id')) > before &&
            status === 'done' &&
            figure.dataset.state === 'ready'
          );
        },
        60_000,
        `generation ${i + 1}`,
      );
      times.push(performance.now() - t0);
      maxResultsSeen = Math.max(maxResultsSeen, Number(figure.dataset.results));
      onProgress?.(i + 1);
    }
    const end = await sample(runs, stats);
    afterWarmup ??= end;
    times.sort((a, b) => a - b);
    return {
      runs,
      warmup,
      maxResultsSeen,
      cap,
      afterWarmup,
      end,
      growth: {
        pageHeap: ratio(afterWarmup.pageHeapBytes, end.pageHeapBytes),
        workerHeap: ratio(afterWarmup.worker.jsHeapBytes, end.worker.jsHeapBytes),
        wasmMemory: ratio(afterWarmup.worker.wasmMemoryBytes, end.worker.wasmMemoryBytes) ?? 0,
      },
      afterRelease: { liveEngines: null },
      generationMs: { median: times[Math.floor(times.length / 2)] ?? 0, max: times[times.length - 1] ?? 0 },
    };
  } finally {
    releaseEngine(engine, 0);
    root.unmount();
    host.remove();
  }
}

/** After `soak`: waits for the shared engine to be released (its Worker stopped) and reports what is left. */
export async function engineCountAfterRelease(): Promise<number> {
  await until(() => liveEngineCount() === 0, 5_000, 'the engine release').catch(() => undefined);
  return liveEngineCount();
}
