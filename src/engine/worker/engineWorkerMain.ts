/// <reference lib="webworker" />
/**
 * The engine inside a Web Worker: loads the model and runs generations off the main thread, streaming frames
 * back as transferable buffers. `startEngineWorker()` is called by the Worker entries (`engineWorker.ts`, the
 * wasm build; `engineWorkerWebgpu.ts`, the WebGPU build) once they have registered their onnxruntime-web build;
 * speaks the protocol in `protocol.ts`.
 */
import { loadModel, type DiffusionModel } from '../model/loadModel';
import { generate } from '../pipeline/generate';
import type { EngineReply, EngineRequest } from './protocol';
import { serializeError } from './serializeError';
import { PauseController, untilResumed } from './pauseController';
import { ortLive } from '../model/ortStats';
import { installWasmMemoryProbe, wasmMemoryBytes } from './wasmMemoryProbe';

declare const self: DedicatedWorkerGlobalScope;

let model: DiffusionModel | null = null;
const running = new Map<number, AbortController>();
const pauses = new Map<number, PauseController>();

function reply(message: EngineReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** The last load request, so that a model whose WebGPU device was lost can be loaded again on wasm. */
let lastLoad: Extract<EngineRequest, { type: 'load' }> | null = null;

/**
 * After the loss of the WebGPU device the model cannot run; the next generation loads it again on wasm (its
 * files come from the browser's cache or the model cache) instead of failing again.
 */
async function recoverFromDeviceLoss(): Promise<void> {
  if (!model?.deviceLost || !lastLoad) return;
  const lost = model;
  model = null;
  await lost.dispose().catch(() => undefined);
  model = await loadModel(lastLoad.source, {
    device: 'wasm',
    threads: lastLoad.threads,
    cache: lastLoad.cache,
    ...(lastLoad.wasmPaths === undefined ? {} : { wasmPaths: lastLoad.wasmPaths }),
  });
}

async function handle(request: EngineRequest): Promise<void> {
  switch (request.type) {
    case 'load': {
      lastLoad = request;
      await model?.dispose();
      model = null;
      model = await loadModel(request.source, {
        device: request.device,
        threads: request.threads,
        cache: request.cache,
        ...(request.wasmPaths === undefined ? {} : { wasmPaths: request.wasmPaths }),
        onProgress: (progress) => reply({ type: 'progress', id: request.id, progress }),
      });
      reply({
        type: 'loaded',
        id: request.id,
        info: {
          manifest: model.manifest,
          device: model.device,
          deviceReason: model.deviceReason,
          threads: model.threads,
          threadsReason: model.threadsReason,
          tokenizerText: model.tokenizer ? JSON.stringify(model.tokenizer.toJSON()) : null,
          conditioning: model.conditioning,
          acceptsPrompts: model.acceptsPrompts,
        },
      });
      return;
    }
    case 'generate': {
      await recoverFromDeviceLoss();
      if (!model) throw new Error('no model is loaded in the worker; call load() first.');
      const controller = new AbortController();
      running.set(request.id, controller);
      const pause = new PauseController();
      pause.setPaused(request.paused === true);
      pauses.set(request.id, pause);
      // Time spent paused is not generation time: the frames' clock leaves it out.
      let pausedMs = 0;
      try {
        // Started paused (the figure was already out of view): no step runs until resumed.
        await untilResumed(pause.signal, controller.signal);
        for await (const frame of generate({ ...request.options, model, signal: controller.signal })) {
          const buffers = [frame.sample.buffer, frame.predictedX0.buffer, frame.predictedNoise.buffer];
          if (frame.crossAttention) buffers.push(frame.crossAttention.data.buffer);
          reply(
            {
              type: 'frame',
              id: request.id,
              frame: pausedMs ? { ...frame, elapsedMs: frame.elapsedMs - pausedMs } : frame,
            },
            buffers,
          );
          // Yield to the event loop between steps so an 'abort' message is read now, not after the last step.
          await new Promise((resolve) => setTimeout(resolve, 0));
          // A paused generation waits here, between steps, until resumed or aborted.
          if (pause.signal.paused) {
            const since = performance.now();
            await untilResumed(pause.signal, controller.signal);
            pausedMs += performance.now() - since;
          }
        }
        reply({ type: 'done', id: request.id });
      } finally {
        running.delete(request.id);
        pauses.delete(request.id);
      }
      return;
    }
    case 'abort':
      running.get(request.id)?.abort();
      return;
    case 'pause':
      pauses.get(request.id)?.setPaused(request.paused);
      return;
    case 'watch': {
      // Holds the lock for the Worker's whole life: the browser frees it only when this Worker ends, however it
      // ends (terminated, crashed, out of memory), and the page's own request for it is granted then.
      const locks = (self.navigator as { locks?: LockManager }).locks;
      if (!locks) throw new Error('Web Locks are not available here; the page cannot watch the worker.');
      await new Promise<void>((held) => {
        void locks.request(request.lock, () => {
          held();
          return new Promise<never>(() => {});
        });
      });
      reply({ type: 'done', id: request.id });
      return;
    }
    case 'stats': {
      const memory = (performance as { memory?: { usedJSHeapSize?: number } }).memory;
      reply({
        type: 'stats',
        id: request.id,
        stats: {
          wasmMemoryBytes: wasmMemoryBytes(),
          jsHeapBytes: typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null,
          liveSessions: ortLive.sessions,
          liveTensors: ortLive.tensors,
          running: running.size,
        },
      });
      return;
    }
    case 'dispose':
      for (const c of running.values()) c.abort();
      await model?.dispose();
      model = null;
      reply({ type: 'done', id: request.id });
      return;
  }
}

/**
 * Starts answering the page. Not in onnxruntime's own thread workers: they load the script that holds
 * onnxruntime, which is this Worker's bundle when a bundler inlines it (one file, no code splitting), and are
 * named 'em-pthread...'.
 */
export function startEngineWorker(): void {
  if (self.name?.startsWith('em-pthread')) return;
  // Before onnxruntime instantiates its wasm, so that its memory can be reported ('stats').
  installWasmMemoryProbe();
  self.onmessage = (event: MessageEvent<EngineRequest>) => {
    const request = event.data;
    handle(request).catch((error: unknown) => reply({ type: 'error', id: request.id, error: serializeError(error) }));
  };
}
