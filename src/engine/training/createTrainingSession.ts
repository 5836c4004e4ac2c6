import { deserializeError } from '../worker/serializeError';
import { createMainThreadDriver, type TrainingDriver } from './mainThreadDriver';
import type { TrainingConfig, TrainingProgress, TrainingReply, TrainingRequest } from './trainingProtocol';

/**
 * Training as the page drives it: in a dedicated Worker (trainerWorker.ts) when the platform has Workers,
 * else on the main thread in short idle-time slices. Both speak through the same small interface, and
 * report {@link TrainingProgress} to every subscriber. Create one in an effect, never during a server render.
 */
export interface TrainingSession {
  /** Where the training runs. */
  readonly mode: 'worker' | 'main-thread';
  /** Starts a new run (replacing any); `running: false` sets it up paused at step 0. */
  start(config: TrainingConfig, running?: boolean): void;
  pause(): void;
  resume(): void;
  /** Back to step 0 of the current run, paused. */
  reset(): void;
  /** Listens to progress; returns the unsubscribe. */
  subscribe(onProgress: (p: TrainingProgress) => void, onError?: (e: Error) => void): () => void;
  /** Stops the Worker (or the slices). */
  dispose(): void;
}

/** Options of {@link createTrainingSession}. */
export interface TrainingSessionOptions {
  /**
   * A Worker of your own running trainerWorker.ts (e.g. a bundler-specific URL); `false` forces the main
   * thread. By default the Worker is made from trainerWorker.ts next to this file.
   */
  worker?: Worker | false;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./trainerWorker.ts', import.meta.url), {
      type: 'module',
      name: 'diffusion-kit-trainer',
    });
  } catch {
    return null;
  }
}

export function createTrainingSession(options: TrainingSessionOptions = {}): TrainingSession {
  const progressListeners = new Set<(p: TrainingProgress) => void>();
  const errorListeners = new Set<(e: Error) => void>();
  let run = 0;
  // Reports of a replaced run can still be on their way from the Worker: only the current run's pass.
  const emit = (p: TrainingProgress) => {
    if (p.run === run) progressListeners.forEach((l) => l(p));
  };
  const fail = (e: unknown) => {
    const error = e instanceof Error ? e : new Error(String(e));
    errorListeners.forEach((l) => l(error));
  };

  let worker = options.worker === false ? null : (options.worker ?? startWorker());
  let driver: TrainingDriver | null = worker ? null : createMainThreadDriver(emit, fail);
  // What the Worker was last told, to replay on the main thread if the Worker fails to start.
  let last: { config: TrainingConfig; running: boolean; phase: 'start' | 'reset' } | null = null;

  const send = (request: TrainingRequest) => {
    if (driver) {
      if (request.type === 'start') driver.start(request.config, request.running, request.run);
      else if (request.type === 'pause') driver.pause();
      else if (request.type === 'resume') driver.resume();
      else if (request.type === 'reset') driver.reset();
      else driver.dispose();
    } else worker?.postMessage(request);
  };

  if (worker) {
    worker.onmessage = (event: MessageEvent<TrainingReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') emit(reply.progress);
      else fail(deserializeError(reply.error));
    };
    // A Worker script that cannot load (a bundler that does not know the URL pattern, a strict CSP):
    // carry on from step 0 on the main thread, as the page last asked.
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      worker?.terminate();
      worker = null;
      driver = createMainThreadDriver(emit, fail);
      session.mode = 'main-thread';
      if (last) driver.start(last.config, last.running && last.phase === 'start', run);
    };
  }

  const session = {
    mode: (worker ? 'worker' : 'main-thread') as 'worker' | 'main-thread',
    start(config: TrainingConfig, running = true) {
      last = { config, running, phase: 'start' };
      send({ type: 'start', config, run: ++run, running });
    },
    pause() {
      if (last) last.running = false;
      send({ type: 'pause' });
    },
    resume() {
      if (last) last.running = true;
      send({ type: 'resume' });
    },
    reset() {
      if (last) last = { ...last, running: false, phase: 'reset' };
      send({ type: 'reset' });
    },
    subscribe(onProgress: (p: TrainingProgress) => void, onError?: (e: Error) => void) {
      progressListeners.add(onProgress);
      if (onError) errorListeners.add(onError);
      return () => {
        progressListeners.delete(onProgress);
        if (onError) errorListeners.delete(onError);
      };
    },
    dispose() {
      send({ type: 'dispose' });
      worker?.terminate();
      worker = null;
      driver?.dispose();
      progressListeners.clear();
      errorListeners.clear();
    },
  };
  return session;
}
