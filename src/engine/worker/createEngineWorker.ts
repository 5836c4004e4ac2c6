import { getConfig } from '../config/configure';
import type { DeviceRequest } from '../model/device';
import type { ModelSource } from '../model/loadModel';
import { prebundledPackageRoot } from '../model/prebundled';
import { EngineWorkerError, GenerationAbortedError } from '../model/errors';
import type { FileProgress } from '../model/fetchBytes';
import type { ModelCacheMode } from '../model/modelCache';
import type { GenerationFrame } from '../pipeline/types';
import type { WordTokenizerJson } from '../model/tokenizer';
import type {
  EngineReply,
  EngineRequest,
  EngineStats,
  ModelInfo,
  ModelInfoMessage,
  WorkerGenerateOptions,
} from './protocol';
import { deserializeError } from './serializeError';
import type { PauseSignal } from './pauseController';

/** The engine running in a Web Worker, seen from the page. */
export interface EngineWorker {
  /** Loads a model in the Worker (replacing any loaded one). */
  load(
    source: ModelSource,
    options?: {
      device?: DeviceRequest;
      threads?: number;
      onProgress?: (p: FileProgress) => void;
      cache?: ModelCacheMode;
    },
  ): Promise<ModelInfo>;
  /**
   * Generates in the Worker; frames arrive as they are computed. `signal` aborts between steps; `pause` holds
   * the generation between steps while paused (see PauseController) and lets it continue when resumed.
   */
  generate(
    options: WorkerGenerateOptions & { signal?: AbortSignal; pause?: PauseSignal },
  ): AsyncIterable<GenerationFrame>;
  /** Releases the model's sessions and stops the Worker. */
  terminate(): Promise<void>;
  /** False once the Worker has ended on its own (crashed, out of memory, closed) or was terminated. */
  readonly alive: boolean;
  /**
   * Calls `listener` once if the Worker ends on its own (not through `terminate()`), with the error that every
   * pending request was rejected with. Detected with a Web Lock the Worker holds for its life; where Web Locks
   * are missing, only a Worker error event is seen. Returns the unsubscribe.
   */
  onExit(listener: (error: Error) => void): () => void;
  /** The Worker's memory and session figures. */
  stats(): Promise<EngineStats>;
}

const EXITED =
  'the engine worker stopped unexpectedly (it may have run out of memory or been closed by the browser); a new one must be started.';

/** A name no other Worker of this origin uses, for the Worker's life lock. */
function lockName(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  return `diffusion-kit-engine-${random}`;
}

/** The page's ModelInfo: `tokenizer` is parsed from the posted JSON text on first read (see ModelInfoMessage). */
function modelInfoFromMessage({ tokenizerText, ...rest }: ModelInfoMessage): ModelInfo {
  let tokenizer: WordTokenizerJson | null | undefined;
  return Object.defineProperty({ ...rest } as ModelInfo, 'tokenizer', {
    enumerable: true,
    get: () =>
      tokenizer === undefined
        ? (tokenizer = tokenizerText === null ? null : (JSON.parse(tokenizerText) as WordTokenizerJson))
        : tokenizer,
  });
}

/**
 * The kit's wasm Worker. The literal `new Worker(new URL(…))` is what bundlers look for to emit it; where a dev
 * server pre-bundled this module away from the package (see prebundled.ts), the package's own file is started
 * instead, by a URL the dev server serves as it is.
 */
function startDefaultWorker(): Worker {
  const packageRoot = prebundledPackageRoot(import.meta.url);
  if (packageRoot) {
    const href = `${packageRoot}dist/engine/engineWorker.js`;
    return new Worker(href, { type: 'module', name: 'diffusion-kit-engine' });
  }
  return new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'diffusion-kit-engine' });
}

/** The source with every URL made absolute against the page (the Worker's own location differs). */
function absoluteSource(source: ModelSource): Extract<EngineRequest, { type: 'load' }>['source'] {
  const abs = (url: string | URL) => new URL(String(url), location.href).href;
  if (typeof source === 'string' || source instanceof URL) return abs(source);
  if ('url' in source)
    return {
      url: abs(source.url),
      files: Object.fromEntries(Object.entries(source.files).map(([name, href]) => [name, abs(href)])),
    };
  return { manifest: source.manifest, baseUrl: abs(source.baseUrl) };
}

interface Pending {
  onReply(reply: EngineReply): void;
}

/**
 * Starts the engine Worker. `worker` lets a caller bring its own (e.g. a bundler-specific URL); else
 * `configure({ createWorker })` makes it; by default it is made from `engineWorker.ts` next to this file, as
 * bundlers (Vite, webpack 5, Turbopack) understand.
 */
export function createEngineWorker(worker?: Worker): EngineWorker {
  const w = worker ?? getConfig().createWorker?.() ?? startDefaultWorker();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let terminated = false;
  let exited: Error | null = null;
  const exitListeners = new Set<(error: Error) => void>();

  /** The Worker is gone: every pending request fails with one clear error, and listeners are told once. */
  function exit(): void {
    if (terminated || exited) return;
    exited = new EngineWorkerError(EXITED);
    for (const [id, p] of pending)
      p.onReply({ type: 'error', id, error: { name: exited.name, message: exited.message } });
    pending.clear();
    w.terminate();
    for (const l of exitListeners) l(exited);
    exitListeners.clear();
  }

  w.onmessage = (event: MessageEvent<EngineReply>) => pending.get(event.data.id)?.onReply(event.data);
  w.onerror = (event: ErrorEvent) => {
    const error = {
      type: 'error' as const,
      error: { name: 'Error', message: `the engine worker failed: ${event.message || 'could not start'}` },
    };
    for (const [id, p] of pending) p.onReply({ ...error, id });
  };

  function send(request: EngineRequest): void {
    if (exited) throw exited;
    if (terminated) throw new Error('the engine worker has been terminated.');
    w.postMessage(request);
  }

  // The Worker takes a Web Lock for its life; the page asks for the same lock, which is granted only when the
  // Worker has ended. A crash posts no message and fires no event, so this is how the page learns of it.
  const locks = typeof navigator !== 'undefined' ? (navigator as { locks?: LockManager }).locks : undefined;
  if (locks) {
    const lock = lockName();
    const id = nextId++;
    pending.set(id, {
      onReply(reply) {
        pending.delete(id);
        if (reply.type !== 'done') return;
        void locks.request(lock, () => exit());
      },
    });
    send({ type: 'watch', id, lock });
  }

  return {
    load(source, options = {}) {
      const id = nextId++;
      return new Promise<ModelInfo>((resolve, reject) => {
        pending.set(id, {
          onReply(reply) {
            if (reply.type === 'progress') options.onProgress?.(reply.progress);
            else if (reply.type === 'loaded') {
              pending.delete(id);
              resolve(modelInfoFromMessage(reply.info));
            } else if (reply.type === 'error') {
              pending.delete(id);
              reject(deserializeError(reply.error));
            }
          },
        });
        const { wasmPaths, threads } = getConfig();
        send({
          type: 'load',
          id,
          source: absoluteSource(source),
          device: options.device,
          threads: options.threads ?? threads,
          ...(options.cache === undefined ? {} : { cache: options.cache }),
          ...(wasmPaths === undefined ? {} : { wasmPaths }),
        });
      });
    },

    generate({ signal, pause, ...options }) {
      return {
        [Symbol.asyncIterator]() {
          const id = nextId++;
          const queue: GenerationFrame[] = [];
          let finished = false;
          let failure: Error | null = null;
          let wake: (() => void) | null = null;
          const notify = () => {
            wake?.();
            wake = null;
          };
          let unpause = () => {};
          const onAbort = () => {
            unpause();
            if (!finished) send({ type: 'abort', id });
            failure ??= new GenerationAbortedError();
            finished = true;
            notify();
          };
          pending.set(id, {
            onReply(reply) {
              if (reply.type === 'frame') queue.push(reply.frame);
              else if (reply.type === 'done') finished = true;
              else if (reply.type === 'error') {
                failure = deserializeError(reply.error);
                finished = true;
              }
              if (finished) pending.delete(id);
              notify();
            },
          });
          if (signal?.aborted) onAbort();
          else {
            signal?.addEventListener('abort', onAbort, { once: true });
            send({ type: 'generate', id, options, ...(pause?.paused ? { paused: true } : {}) });
            if (pause) {
              unpause = pause.subscribe((paused) => {
                if (!finished && !exited && !terminated) send({ type: 'pause', id, paused });
              });
            }
          }
          const cleanup = () => {
            unpause();
            signal?.removeEventListener('abort', onAbort);
            if (!finished) send({ type: 'abort', id });
            finished = true;
            pending.delete(id);
          };
          return {
            async next(): Promise<IteratorResult<GenerationFrame>> {
              for (;;) {
                if (failure) {
                  cleanup();
                  throw failure;
                }
                const frame = queue.shift();
                if (frame) return { value: frame, done: false };
                if (finished) {
                  cleanup();
                  return { value: undefined, done: true };
                }
                await new Promise<void>((resolve) => (wake = resolve));
              }
            },
            async return(): Promise<IteratorResult<GenerationFrame>> {
              cleanup();
              return { value: undefined, done: true };
            },
          };
        },
      };
    },

    get alive() {
      return !terminated && !exited;
    },

    onExit(listener) {
      if (exited) {
        listener(exited);
        return () => {};
      }
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },

    stats() {
      const id = nextId++;
      return new Promise<EngineStats>((resolve, reject) => {
        pending.set(id, {
          onReply(reply) {
            pending.delete(id);
            if (reply.type === 'stats') resolve(reply.stats);
            else if (reply.type === 'error') reject(deserializeError(reply.error));
          },
        });
        try {
          send({ type: 'stats', id });
        } catch (error) {
          pending.delete(id);
          reject(error);
        }
      });
    },

    async terminate() {
      if (terminated) return;
      if (exited) {
        terminated = true;
        return;
      }
      const id = nextId++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        pending.set(id, {
          onReply() {
            clearTimeout(timer);
            resolve();
          },
        });
        send({ type: 'dispose', id });
      });
      terminated = true;
      w.terminate();
      for (const [pid, p] of pending)
        p.onReply({ type: 'error', id: pid, error: { name: 'Error', message: 'the engine worker was terminated.' } });
      pending.clear();
    },
  };
}
