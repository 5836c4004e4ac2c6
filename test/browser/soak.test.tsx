import { describe, expect, inject, it } from 'vitest';
import { engineCountAfterRelease, soak } from '../../bench/web/soakRun';

declare module 'vitest' {
  export interface ProvidedContext {
    /** SOAK_RUNS, or 0 for this test's CI size. */
    soakRuns: number;
  }
}

// Consecutive generations through the Worker, from a real PromptGenerator: after warm-up, the page's and the
// Worker's JS heap and the wasm memory grow by at most 5%, no session or tensor is left open, and the results
// list (the figure's frame store) never holds more than its cap. CI runs 20; SOAK_RUNS=200 (or
// `npm run bench:soak`, which prints the figures) for the long run.
const runs = inject('soakRuns') || 20;
const warmup = Math.max(3, Math.round(runs / 4));

describe('soak: consecutive generations', () => {
  it(`${runs} generations: no growth after warm-up, no leaks, the results list within its cap`, async () => {
    const result = await soak({ runs, warmup });
    console.log(JSON.stringify(result));
    const { afterWarmup, end, growth } = result;
    expect(end.worker.wasmMemoryBytes).toBeGreaterThan(0);
    expect(growth.wasmMemory).toBeLessThanOrEqual(0.05);
    // The heaps only where the browser measures them precisely after a collection (the browser project's flags).
    if (typeof (globalThis as { gc?: unknown }).gc === 'function') {
      expect(afterWarmup.pageHeapBytes).not.toBeNull();
      expect(growth.pageHeap!).toBeLessThanOrEqual(0.05);
    }
    // The Worker's heap: measured from this cross-origin isolated page (measureUserAgentSpecificMemory).
    if (globalThis.crossOriginIsolated) {
      expect(end.worker.jsHeapBytes).toBeGreaterThan(0);
      expect(growth.workerHeap!).toBeLessThanOrEqual(0.05);
    }
    // The model's two sessions, nothing else; every output tensor disposed; nothing running.
    expect(end.worker.liveSessions).toBe(afterWarmup.worker.liveSessions);
    expect(end.worker.liveSessions).toBe(2);
    expect(end.worker.liveTensors).toBe(0);
    expect(end.worker.running).toBe(0);
    expect(result.maxResultsSeen).toBe(result.cap);
    expect(await engineCountAfterRelease()).toBe(0);
  }, 600_000);
});
