import type { Rng } from '../rng/Rng';
import { betasFromAlphasCumprod } from '../schedules/alphas';
import { createScheduler } from '../schedulers/createScheduler';
import type { SchedulerName } from '../schedulers/types';
import { checkSampleBounds, clipPredictedSample, type SampleBounds } from './clipPredictedSample';
import type { NoisePredictor } from './noisePredictor';
import { predictNoise } from './predictNoise';
import { createPredictorWorkspace } from './predictorWorkspace';

/**
 * Sampling from a trained 2-D noise predictor with one of the kit's diffusers-compatible schedulers: draw
 * x_T ~ N(0, sigma_init^2 I), then for each inference timestep t ask eps_theta(scaleModelInput(x, t), t) and
 * let the scheduler step (prediction_type 'epsilon', `trailing` timesteps so the first step starts from pure
 * noise at t = T - 1). With `clipSample` the x0 each eps implies is kept in the data's box (see
 * clipPredictedSample.ts): without it, a schedule whose last abar is near 0 (cosine) throws DDIM, DPM-Solver++
 * and Euler samples far off the data.
 */

/** Options of {@link sampleNoisePredictor}. */
export interface SampleNoisePredictorOptions {
  /** abar_t of the schedule the model was trained on. */
  alphasCumprod: ArrayLike<number>;
  /** The scheduler (default 'ddim'). */
  scheduler?: SchedulerName;
  /** Inference steps (default 50, at most T). */
  steps?: number;
  /** How many points. */
  count: number;
  /** Source of the starting noise and of the stochastic schedulers' noise. */
  rng: Rng;
  /**
   * A box the predicted clean points x0 are clamped to at every step, eps re-derived from them (diffusers'
   * `clip_sample` per axis, with `use_clipped_model_output`); `dataBounds(trainingPoints)` gives the data's.
   * Default: no clamping.
   */
  clipSample?: SampleBounds | null;
}

/** The state after each scheduler step. */
export interface SamplingProgress {
  /** Steps done so far (1..steps). */
  step: number;
  /** The inference steps in all. */
  steps: number;
  /** The timestep just stepped from. */
  t: number;
  /** The current points, [x, y] pairs (a fresh array each step). */
  points: Float64Array;
}

/**
 * The largest beta the sampler's schedule takes: a step with beta_t = 1 (zero terminal SNR, abar_T = 0) leaves
 * eps saying nothing of x0 and makes every epsilon-prediction scheduler divide by 0, so it samples with
 * beta_T = 0.999 instead, the cap of diffusers' cosine schedule ('squaredcos_cap_v2').
 */
export const MAX_SAMPLING_BETA = 0.999;

/**
 * abar as the sampler sees it: the schedule's, with each abar_t = 0 replaced by abar_{t-1} (1 - {@link
 * MAX_SAMPLING_BETA}).
 */
export function samplingAlphasCumprod(alphasCumprod: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(alphasCumprod);
  for (let t = 0; t < out.length; t++) if (!(out[t]! > 0)) out[t] = (t > 0 ? out[t - 1]! : 1) * (1 - MAX_SAMPLING_BETA);
  return out;
}

/**
 * The scheduler config a 2-D model of this schedule samples with (abar_t = 0 raised as {@link samplingAlphasCumprod}
 * says).
 */
export function samplerConfig(alphasCumprod: ArrayLike<number>): Record<string, unknown> {
  return {
    num_train_timesteps: alphasCumprod.length,
    trained_betas: Array.from(betasFromAlphasCumprod(samplingAlphasCumprod(alphasCumprod))),
    prediction_type: 'epsilon',
    timestep_spacing: 'trailing',
    clip_sample: false,
  };
}

/**
 * Sampling one scheduler step at a time: a generator to drive in slices (a page can yield between steps).
 * Each value is the state after one step; the last one holds the samples.
 */
export function* sampleNoisePredictorSteps(
  model: NoisePredictor,
  options: SampleNoisePredictorOptions,
): Generator<SamplingProgress, Float64Array, void> {
  const { alphasCumprod, scheduler: name = 'ddim', steps = 50, count, rng, clipSample = null } = options;
  const T = alphasCumprod.length;
  if (T !== model.spec.numTrainTimesteps)
    throw new RangeError(
      `the schedule has ${T} timesteps but the model was trained with ${model.spec.numTrainTimesteps}.`,
    );
  if (!(Number.isInteger(steps) && steps >= 1 && steps <= T))
    throw new RangeError(`steps must be an integer from 1 to ${T}; got ${String(steps)}.`);
  if (!(Number.isInteger(count) && count >= 0))
    throw new RangeError(`count must be a non-negative integer; got ${String(count)}.`);
  if (clipSample) checkSampleBounds(clipSample);
  const abar = samplingAlphasCumprod(alphasCumprod);
  const scheduler = createScheduler(name, samplerConfig(alphasCumprod));
  scheduler.setTimesteps(steps);
  let x = new Float64Array(2 * count);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal() * scheduler.initNoiseSigma;
  const workspace = createPredictorWorkspace(model, Math.max(1, count));
  const eps = new Float64Array(2 * count);
  const t1 = new Float64Array(1);
  const timesteps = scheduler.timesteps;
  for (let s = 0; s < timesteps.length; s++) {
    const t = timesteps[s]!;
    t1[0] = t;
    const input = scheduler.scaleModelInput(x, t);
    predictNoise(model, input, t1, count, eps, workspace);
    if (clipSample) clipPredictedSample(input, eps, count, abar[t]!, clipSample);
    x = scheduler.step(eps, t, x, { rng }).prevSample;
    yield { step: s + 1, steps: timesteps.length, t, points: x };
  }
  return x;
}

/** Draws `count` samples from the model: the last state of {@link sampleNoisePredictorSteps}. */
export function sampleNoisePredictor(model: NoisePredictor, options: SampleNoisePredictorOptions): Float64Array {
  const it = sampleNoisePredictorSteps(model, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
