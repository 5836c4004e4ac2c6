/**
 * A pause switch for a running generation, the way AbortSignal is a stop switch: the owner holds the
 * controller, the generation reads the signal. A paused generation finishes the step it is computing and
 * waits before the next one; resuming continues where it stopped, with the same result as an unpaused run.
 */
export interface PauseSignal {
  readonly paused: boolean;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (paused: boolean) => void): () => void;
}

export class PauseController {
  #paused = false;
  readonly #listeners = new Set<(paused: boolean) => void>();
  readonly signal: PauseSignal;

  constructor() {
    // The getter has its own `this` (the signal): it reads the controller's state through an arrow function.
    const isPaused = () => this.#paused;
    const listeners = this.#listeners;
    this.signal = {
      get paused() {
        return isPaused();
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  /** Pauses (or resumes, with `false`); telling the same state twice does nothing. */
  setPaused(paused: boolean): void {
    if (paused === this.#paused) return;
    this.#paused = paused;
    for (const l of [...this.#listeners]) l(paused);
  }

  pause(): void {
    this.setPaused(true);
  }

  resume(): void {
    this.setPaused(false);
  }
}

/** Resolves at once when not paused, else when resumed or aborted (the caller then sees the abort). */
export function untilResumed(signal: PauseSignal | undefined, abort?: AbortSignal): Promise<void> {
  if (!signal?.paused || abort?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      abort?.removeEventListener('abort', done);
      resolve();
    };
    const unsubscribe = signal.subscribe((paused) => {
      if (!paused) done();
    });
    abort?.addEventListener('abort', done, { once: true });
  });
}
