import { MAX_TRAIN_TIMESTEPS } from '../shared/props/resolveSchedule';
import type { PropProblem } from '../shared/props/propChecks';

/**
 * The documented limits of DiffusionTrainer's props. Training runs off the main thread, but its cost still
 * adds up on a reader's machine, and the figure samples and evaluates the network on the page: the limits
 * keep each of those within a second or so of CPU on a slow laptop.
 */
export const DIFFUSION_TRAINER_LIMITS = {
  seed: { integer: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  /** Optimiser steps of a run. */
  maxSteps: { integer: true, min: 1, max: 20_000 },
  /** Points drawn from a preset for the training set. */
  dataCount: { integer: true, min: 16, max: 20_000 },
  /** Width of each hidden layer. */
  hiddenWidth: { integer: true, min: 4, max: 128 },
  /** Number of hidden layers. */
  hiddenLayers: { integer: true, min: 1, max: 4 },
  batchSize: { integer: true, min: 1, max: 512 },
  learningRate: { min: 0, minExclusive: true, max: 0.1 },
  samplingSteps: { integer: true, min: 1, max: 200 },
  sampleCount: { integer: true, min: 0, max: 2000 },
  gridSize: { integer: true, min: 4, max: 32 },
  panelSize: { integer: true, min: 120, max: 800 },
  /** Training timesteps of the schedule: the noise-prediction loss needs at least two. */
  numTrainTimesteps: { integer: true, min: 2, max: MAX_TRAIN_TIMESTEPS },
} as const;

/**
 * The most multiply-adds one sampling run may take: sampleCount x samplingSteps x hiddenLayers x hiddenWidth^2
 * (about a second of JavaScript; the defaults, 400 x 50 x 3 x 64^2, take 0.25e9).
 */
export const MAX_SAMPLING_WORK = 2e9;

/** Checks the sampling work against {@link MAX_SAMPLING_WORK}. */
export function checkSamplingWork(o: {
  sampleCount: number;
  samplingSteps: number;
  hiddenLayers: number;
  hiddenWidth: number;
}): PropProblem | null {
  const work = o.sampleCount * o.samplingSteps * o.hiddenLayers * o.hiddenWidth ** 2;
  if (work <= MAX_SAMPLING_WORK) return null;
  return {
    prop: 'sampleCount',
    message: `sampleCount x samplingSteps x hiddenLayers x hiddenWidth^2 must be at most ${MAX_SAMPLING_WORK.toExponential(0)} (the work of one sampling run); got ${o.sampleCount} x ${o.samplingSteps} x ${o.hiddenLayers} x ${o.hiddenWidth}^2 = ${work.toExponential(2)}. Draw fewer samples, take fewer steps or use a smaller network.`,
  };
}
