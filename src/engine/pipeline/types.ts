import type { DiffusionModel } from '../model/loadModel';
import type { SchedulerName } from '../schedulers/types';

/** Options of {@link generate}. */
export interface GenerateOptions {
  /** A loaded model (`loadModel`). */
  model: DiffusionModel;
  /** The English prompt; empty or absent gives unconditional samples. */
  prompt?: string;
  /** Classifier-free guidance scale w: eps = eps_uncond + w (eps_cond - eps_uncond). 1 = no guidance. Default: the manifest's. */
  guidanceScale?: number;
  /** Number of denoising steps, 1 to the schedule's training steps. Default 20. */
  steps?: number;
  /** A scheduler short name, or a diffusers scheduler_config object (its `_class_name` picks the class). Default: the manifest's. */
  scheduler?: SchedulerName | Record<string, unknown>;
  /** Seed of the initial noise and of any stochastic step. Default 0. */
  seed?: number;
  /** Number of images. Default 16. */
  count?: number;
  /** DDIM's eta (0 deterministic). */
  eta?: number;
  /**
   * The starting noise x_T (count x channels x height x width, standard normal), instead of drawing it from
   * `seed`: to reproduce another implementation's run exactly. Stochastic steps still draw from `seed`.
   */
  initialNoise?: Float32Array;
  /** Stops the generation between steps. */
  signal?: AbortSignal;
}

/** One denoising step's state: what DenoiseAnimator draws. Arrays are [count, channels, height, width], flat. */
export interface GenerationFrame {
  /** Index of the step just taken, 1-based. */
  step: number;
  totalSteps: number;
  /** The timestep t the model was called at. */
  timestep: number;
  /** The sample after this step (x at the next, lower noise level); after the last step, the images. */
  sample: Float32Array;
  /** The model's estimate of the clean images x_0 at this step. */
  predictedX0: Float32Array;
  /** The (guided) noise estimate eps at this step. */
  predictedNoise: Float32Array;
  count: number;
  channels: number;
  width: number;
  height: number;
  /** Milliseconds since the generation started. */
  elapsedMs: number;
}
