import type { EngineWorker, GenerationFrame, PauseSignal, WorkerGenerateOptions } from '../../../engine';
import { imageToBytes, noiseToBytes, type ImageConvention } from './sampleBytes';
import type { BatchShape } from '../draw/drawSamples';

/** A generation frame as a figure keeps it: the numbers for the readout and the three arrays as display bytes. */
export interface StoredFrame extends BatchShape {
  step: number;
  totalSteps: number;
  timestep: number;
  elapsedMs: number;
  /** x after this step. */
  sample: Uint8Array;
  /** The model's estimate of the clean images at this step. */
  predictedX0: Uint8Array;
  /** The (guided) noise estimate at this step. */
  predictedNoise: Uint8Array;
}

/** Which array of a frame to draw. */
export type FrameLayer = 'sample' | 'predictedX0' | 'predictedNoise';

/** What every kept frame has: the batch's shape, and the sample and the predicted x0 as display bytes. */
export function frameImageBytes(frame: GenerationFrame, image: ImageConvention) {
  return {
    count: frame.count,
    channels: frame.channels,
    width: frame.width,
    height: frame.height,
    sample: imageToBytes(frame.sample, image),
    predictedX0: imageToBytes(frame.predictedX0, image),
  };
}

/** Converts a frame to display bytes (see `sampleBytes.ts`). */
export function storeFrame(frame: GenerationFrame, image: ImageConvention): StoredFrame {
  return {
    step: frame.step,
    totalSteps: frame.totalSteps,
    timestep: frame.timestep,
    elapsedMs: frame.elapsedMs,
    ...frameImageBytes(frame, image),
    predictedNoise: noiseToBytes(frame.predictedNoise),
  };
}

/**
 * Runs one generation on a shared engine's Worker, handing each frame to `onFrame` until the end or until
 * `signal` aborts. Resolves 'done' or 'aborted' (an abort is not an error); rejects with the engine's error.
 * `pause` holds the generation between steps while paused (the figure is far from view or the page hidden).
 */
export async function runGeneration(
  worker: Pick<EngineWorker, 'generate'>,
  options: WorkerGenerateOptions,
  signal: AbortSignal,
  onFrame: (frame: GenerationFrame) => void,
  pause?: PauseSignal,
): Promise<'done' | 'aborted'> {
  try {
    for await (const frame of worker.generate({ ...options, signal, ...(pause ? { pause } : {}) })) {
      if (signal.aborted) return 'aborted';
      onFrame(frame);
    }
    return signal.aborted ? 'aborted' : 'done';
  } catch (error) {
    if (signal.aborted || (error as Error)?.name === 'AbortError') return 'aborted';
    throw error;
  }
}
