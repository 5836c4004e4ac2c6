/// <reference lib="webworker" />
/**
 * The training Worker: runs a {@link TrainingLoop} in slices of about 50 ms, yielding to its event loop
 * between slices (so `pause` is read at once) and posting progress about ten times a second. Started by
 * `createTrainingSession()`; speaks the protocol in `trainingProtocol.ts`.
 */
import { serializeError } from '../worker/serializeError';
import { TrainingLoop } from './TrainingLoop';
import type { TrainingReply, TrainingRequest } from './trainingProtocol';

declare const self: DedicatedWorkerGlobalScope;

const SLICE_MS = 50;
const REPORT_MS = 100;
let loop: TrainingLoop | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastReport = 0;

function send(reply: TrainingReply): void {
  if (reply.type === 'progress') self.postMessage(reply, [reply.progress.losses.buffer, reply.progress.params.buffer]);
  else self.postMessage(reply);
}

function report(): void {
  if (!loop) return;
  lastReport = performance.now();
  send({ type: 'progress', progress: loop.progress() });
}

function tick(): void {
  timer = null;
  if (!loop || loop.status !== 'running') return;
  try {
    loop.slice(SLICE_MS);
  } catch (error) {
    loop = null;
    send({ type: 'error', error: serializeError(error) });
    return;
  }
  if (loop.status !== 'running' || performance.now() - lastReport >= REPORT_MS) report();
  schedule();
}

function schedule(): void {
  if (timer === null && loop?.status === 'running') timer = setTimeout(tick, 0);
}

self.onmessage = (event: MessageEvent<TrainingRequest>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case 'start':
        loop = new TrainingLoop(request.config, request.running, request.run);
        break;
      case 'pause':
        loop?.pause();
        break;
      case 'resume':
        loop?.resume();
        break;
      case 'reset':
        loop?.reset();
        break;
      case 'dispose':
        loop = null;
        self.close();
        return;
    }
    report();
    schedule();
  } catch (error) {
    send({ type: 'error', error: serializeError(error) });
  }
};
