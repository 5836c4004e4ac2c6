import type { Rng } from '../rng/Rng';
import { betasFromAlphasCumprod } from '../schedules/alphas';
import { createScheduler } from '../schedulers/createScheduler';
import type { SchedulerName } from '../schedulers/types';
import type { NoisePredictor } from './noisePredictor';
import { predictNoise } from './predictNoise';
import { createPredictorWorkspace } from './predictorWorkspace';

/**
 * Sampling from a trained 2-D noise predictor with one of the kit's diffusers-compatible schedulers: draw
 * x_T ~ N(0, sigma_init^2 I), then for each inference timestep t ask eps_theta(scaleModelInput(x, t), t) and
 * let the scheduler step (prediction_type 'epsilon', no clipping, `trailing` timesteps so the first step
 * starts from pure noise at t = T - 1).
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

/** The scheduler config a 2-D model of this schedule samples with. */
export function samplerConfig(alphasCumprod: ArrayLike<number>): Record<string, unknown> {
  return {
    num_train_timesteps: alphasCumprod.length,
    trained_betas: Array.from(betasFromAlphasCumprod(alphasCumprod)),
    prediction_type: 'epsilon',
    timestep_spacing: 'trailing',
    clip_sample: false,
  };
}

/**
 * Sampling one scheduler step at a time: a generator to drive in slices (a page can yield between steps).
 * Each value is the state after one step; the last one holds the samples.
 */
export function* sampleNoisePredictorSteps(model: NoisePredictor, options: SampleNoisePredictorOptions): Generator<SamplingProgress, Float64Array, void> {
  const { alphasCumprod, scheduler: name = 'ddim', steps = 50, count, rng } = options;
  const T = alphasCumprod.length;
  if (T !== model.spec.numTrainTimesteps) throw new RangeError(`the schedule has ${T} timesteps but the model was trained with ${model.spec.numTrainTimesteps}.`);
  if (!(Number.isInteger(steps) && steps >= 1 && steps <= T)) throw new RangeError(`steps must be an integer from 1 to ${T}; got ${String(steps)}.`);
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count must be a non-negative integer; got ${String(count)}.`);
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
    predictNoise(model, scheduler.scaleModelInput(x, t), t1, count, eps, workspace);
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
