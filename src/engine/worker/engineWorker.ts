/// <reference lib="webworker" />
/**
 * The engine inside a Web Worker: loads the model and runs generations off the main thread, streaming frames
 * back as transferable buffers. Started by `createEngineWorker()`; speaks the protocol in `protocol.ts`.
 */
import { loadModel, type DiffusionModel } from '../model/loadModel';
import { generate } from '../pipeline/generate';
import type { EngineReply, EngineRequest } from './protocol';
import { serializeError } from './serializeError';

declare const self: DedicatedWorkerGlobalScope;

let model: DiffusionModel | null = null;
const running = new Map<number, AbortController>();

function reply(message: EngineReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function handle(request: EngineRequest): Promise<void> {
  switch (request.type) {
    case 'load': {
      await model?.dispose();
      model = null;
      model = await loadModel(request.source, {
        device: request.device,
        threads: request.threads,
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
          tokenizer: model.tokenizer.toJSON(),
        },
      });
      return;
    }
    case 'generate': {
      if (!model) throw new Error('no model is loaded in the worker; call load() first.');
      const controller = new AbortController();
      running.set(request.id, controller);
      try {
        for await (const frame of generate({ ...request.options, model, signal: controller.signal })) {
          const buffers = [frame.sample.buffer, frame.predictedX0.buffer, frame.predictedNoise.buffer];
          if (frame.crossAttention) buffers.push(frame.crossAttention.data.buffer);
          reply({ type: 'frame', id: request.id, frame }, buffers);
          // Yield to the event loop between steps so an 'abort' message is read now, not after the last step.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        reply({ type: 'done', id: request.id });
      } finally {
        running.delete(request.id);
      }
      return;
    }
    case 'abort':
      running.get(request.id)?.abort();
      return;
    case 'dispose':
      for (const c of running.values()) c.abort();
      await model?.dispose();
      model = null;
      reply({ type: 'done', id: request.id });
      return;
  }
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => reply({ type: 'error', id: request.id, error: serializeError(error) }));
};
