import { TrainingLoop } from './TrainingLoop';
import type { TrainingConfig, TrainingProgress } from './trainingProtocol';

/**
 * The fallback where no Worker can start: the same {@link TrainingLoop} on the page's own thread, in slices
 * of 10 ms (plus at most one step), chained on zero timeouts so that the page draws and answers input between
 * them. requestIdleCallback would be gentler still, but a page that redraws the figure after each report is
 * seldom idle, and training would starve; a browser throttles the timeouts of a hidden tab, which is right.
 */
/** Runs training on the calling thread; reports through `onProgress`. */
export interface TrainingDriver {
  start(config: TrainingConfig, running: boolean, run?: number): void;
  pause(): void;
  resume(): void;
  reset(): void;
  dispose(): void;
}

const SLICE_MS = 10;
const REPORT_MS = 100;

export function createMainThreadDriver(
  onProgress: (p: TrainingProgress) => void,
  onError: (e: unknown) => void,
): TrainingDriver {
  let loop: TrainingLoop | null = null;
  let pending: (() => void) | null = null;
  let lastReport = 0;

  const report = () => {
    if (!loop) return;
    lastReport = performance.now();
    onProgress(loop.progress());
  };

  const run = () => {
    pending = null;
    if (!loop || loop.status !== 'running') return;
    try {
      loop.slice(SLICE_MS);
    } catch (error) {
      loop = null;
      onError(error);
      return;
    }
    if (loop.status !== 'running' || performance.now() - lastReport >= REPORT_MS) report();
    schedule();
  };

  const schedule = () => {
    if (pending || loop?.status !== 'running') return;
    const id = setTimeout(run, 0);
    pending = () => clearTimeout(id);
  };

  const act = (f: () => void) => {
    try {
      f();
      report();
      schedule();
    } catch (error) {
      onError(error);
    }
  };

  return {
    start: (config, running, run = 0) => act(() => (loop = new TrainingLoop(config, running, run))),
    pause: () => act(() => loop?.pause()),
    resume: () => act(() => loop?.resume()),
    reset: () => act(() => loop?.reset()),
    dispose() {
      pending?.();
      pending = null;
      loop = null;
    },
  };
}
