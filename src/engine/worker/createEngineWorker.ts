import type { DeviceRequest } from '../model/device';
import { GenerationAbortedError } from '../model/errors';
import type { FileProgress } from '../model/fetchBytes';
import type { GenerationFrame } from '../pipeline/types';
import type { EngineReply, EngineRequest, ModelInfo, WorkerGenerateOptions } from './protocol';
import { deserializeError } from './serializeError';

/** The engine running in a Web Worker, seen from the page. */
export interface EngineWorker {
  /** Loads a model in the Worker (replacing any loaded one). */
  load(source: string | URL | { manifest: unknown; baseUrl: string | URL }, options?: { device?: DeviceRequest; threads?: number; onProgress?: (p: FileProgress) => void }): Promise<ModelInfo>;
  /** Generates in the Worker; frames arrive as they are computed. `signal` aborts between steps. */
  generate(options: WorkerGenerateOptions & { signal?: AbortSignal }): AsyncIterable<GenerationFrame>;
  /** Releases the model's sessions and stops the Worker. */
  terminate(): Promise<void>;
}

interface Pending {
  onReply(reply: EngineReply): void;
}

/**
 * Starts the engine Worker. `worker` lets a caller bring its own (e.g. a bundler-specific URL); by default the
 * Worker is made from `engineWorker.ts` next to this file, as bundlers (Vite, webpack 5) understand.
 */
export function createEngineWorker(worker?: Worker): EngineWorker {
  const w = worker ?? new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'diffusion-kit-engine' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let terminated = false;

  w.onmessage = (event: MessageEvent<EngineReply>) => pending.get(event.data.id)?.onReply(event.data);
  w.onerror = (event: ErrorEvent) => {
    const error = { type: 'error' as const, error: { name: 'Error', message: `the engine worker failed: ${event.message || 'could not start'}` } };
    for (const [id, p] of pending) p.onReply({ ...error, id });
  };

  function send(request: EngineRequest): void {
    if (terminated) throw new Error('the engine worker has been terminated.');
    w.postMessage(request);
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
              resolve(reply.info);
            } else if (reply.type === 'error') {
              pending.delete(id);
              reject(deserializeError(reply.error));
            }
          },
        });
        const plain = typeof source === 'string' || source instanceof URL ? new URL(String(source), location.href).href : { manifest: source.manifest, baseUrl: new URL(String(source.baseUrl), location.href).href };
        send({ type: 'load', id, source: plain, device: options.device, threads: options.threads });
      });
    },

    generate({ signal, ...options }) {
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
          const onAbort = () => {
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
            send({ type: 'generate', id, options });
          }
          const cleanup = () => {
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

    async terminate() {
      if (terminated) return;
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
      for (const [pid, p] of pending) p.onReply({ type: 'error', id: pid, error: { name: 'Error', message: 'the engine worker was terminated.' } });
      pending.clear();
    },
  };
}
