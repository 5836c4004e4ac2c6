import type { SerializedError } from '../worker/protocol';
import type { NoisePredictorSpec } from './noisePredictor';

/**
 * The messages between a page and the training Worker (trainerWorker.ts). The page sends a config with
 * `start`, then `pause`, `resume`, `reset`; the Worker answers with `progress` messages a few times a
 * second, each with the losses of the steps since the last one and a copy of the weights.
 */

/** What one training run needs. Plain data: it crosses to the Worker by structured cloning. */
export interface TrainingConfig {
  /** The training set, [x, y] pairs. */
  data: Float64Array;
  /** abar_t for t = 0..T-1. */
  alphasCumprod: Float64Array;
  /** Seed of the weights and the batches. */
  seed: number;
  /** Optimiser steps to take before stopping. */
  maxSteps: number;
  /** Samples per step. */
  batchSize: number;
  /** Adam's initial learning rate (decaying along a half cosine over `maxSteps`). */
  learningRate: number;
  /** The network's shape (T comes from `alphasCumprod`). */
  model: Omit<NoisePredictorSpec, 'numTrainTimesteps'>;
}

/** Where a run stands, as the page sees it. */
export interface TrainingProgress {
  /** The run it belongs to (the `run` of its `start`): replies of a replaced run still in flight are told apart. */
  run: number;
  /** Optimiser steps taken. */
  step: number;
  /** The run's `maxSteps`. */
  maxSteps: number;
  /** The loss of each step since the previous progress message (empty after a reset). */
  losses: Float64Array;
  /** A copy of the weights after `step` steps (the layout of `noisePredictorLayout(spec)`). */
  params: Float64Array;
  /** The network's shape, to rebuild the predictor from `params`. */
  spec: NoisePredictorSpec;
  /** 'running', 'paused', or 'done' (maxSteps reached). */
  status: TrainingStatus;
}

/** The state of a run. */
export type TrainingStatus = 'running' | 'paused' | 'done';

/**
 * What the page sends. `start` replaces any run (numbered by `run`); `reset` returns to step 0 of the same config,
 * paused.
 */
export type TrainingRequest =
  | { type: 'start'; config: TrainingConfig; run: number; running: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' }
  | { type: 'dispose' };

/** What the Worker answers. */
export type TrainingReply =
  { type: 'progress'; progress: TrainingProgress } | { type: 'error'; error: SerializedError };
