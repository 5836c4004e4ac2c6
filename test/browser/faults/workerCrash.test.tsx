import { afterEach, describe, expect, it } from 'vitest';
import { DenoiseAnimator } from '../../../src/components/DenoiseAnimator/DenoiseAnimator';
import { button, mount, until } from '../../../src/components/shared/testing/testHelpers.browser';
import { createEngineWorker, getDefaultModelUrl } from '../../../src/engine';
import { liveEngineCount } from '../../../src/hooks/sharedEngine';
import { alertText, figureOf, watchUnhandled } from './faultHelpers';

// The engine's Worker ends mid-run, as when the browser kills it (out of memory): no message, no event. The
// page learns of it through the Web Lock the Worker holds for its life (createEngineWorker.ts); the figure
// shows an inline message, and Retry starts a fresh Worker that generates.

/** Notes every Worker the page starts until `restore()`, so a test can terminate the engine's from outside. */
function captureWorkers(): { workers: Worker[]; restore: () => void } {
  const Original = globalThis.Worker;
  const workers: Worker[] = [];
  globalThis.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(this);
    }
  };
  return { workers, restore: () => (globalThis.Worker = Original) };
}

let cleanup: (() => void) | null = null;
afterEach(async () => {
  cleanup?.();
  cleanup = null;
  await until(() => liveEngineCount() === 0, 30_000, 'the engines to be released');
}, 60_000);

describe('the engine Worker dies mid-run', () => {
  it('createEngineWorker rejects the running generation with EngineWorkerError and reports the exit', async () => {
    const capture = captureWorkers();
    const engine = createEngineWorker();
    capture.restore();
    const exits: Error[] = [];
    engine.onExit((e) => exits.push(e));
    await engine.load(getDefaultModelUrl(), { device: 'wasm' });
    const steps: number[] = [];
    const run = (async () => {
      for await (const frame of engine.generate({ prompt: 'tree', count: 1, steps: 30, seed: 1 })) {
        steps.push(frame.step);
        if (steps.length === 1) capture.workers[0]!.terminate();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'EngineWorkerError' });
    expect(steps.length).toBeLessThan(30);
    expect(exits).toHaveLength(1);
    expect(engine.alive).toBe(false);
    // A later call fails at once with the same error instead of waiting forever.
    await expect(engine.stats()).rejects.toMatchObject({ name: 'EngineWorkerError' });
    await engine.terminate();
  }, 120_000);

  it('the figure shows a message, and Retry starts a new Worker that generates', async () => {
    const unhandled = watchUnhandled();
    const capture = captureWorkers();
    const view = mount(<DenoiseAnimator startWhen="mount" device="wasm" count={1} steps={30} autoplay={false} />);
    cleanup = () => {
      capture.restore();
      view.unmount();
    };
    const figure = figureOf(view.host);
    await until(() => Number(figure.dataset.computed) >= 1, 90_000, 'a first frame');
    expect(capture.workers).toHaveLength(1);
    capture.workers[0]!.terminate();
    await until(() => figure.dataset.state === 'error', 30_000, 'the error state');
    expect(alertText(view.host)).toMatch(/Worker stopped/);
    button(view.host, 'Retry').click();
    await until(() => figure.dataset.state === 'done', 120_000, 'the generation in the new Worker');
    expect(capture.workers).toHaveLength(2);
    expect(figure.dataset.computed).toBe('30');
    expect(alertText(view.host)).toBe('');
    expect(unhandled.stop()).toEqual([]);
  }, 240_000);
});
