import type { Rng } from '../rng/Rng';
import { backpropagate } from './backpropagate';
import type { NoisePredictor } from './noisePredictor';
import { predictNoise } from './predictNoise';
import type { PredictorWorkspace } from './predictorWorkspace';

/**
 * The noise-prediction loss of DDPM (Ho et al. 2020, eq. 14, "L_simple"): for clean x_0 from the data,
 * t uniform in {0, ..., T-1} and eps ~ N(0, I),
 *   x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps,    L = E || eps - eps_theta(x_t, t) ||^2
 * estimated on a batch as the mean over the batch and the two coordinates (PyTorch's MSELoss).
 */

/** A training batch: the noised points, their timesteps and the noise to predict. */
export interface NoiseBatch {
  /** Number of samples B. */
  count: number;
  /** x_t, [x, y] pairs (2B). */
  noised: Float64Array;
  /** t per sample (B). */
  timesteps: Float64Array;
  /** eps per sample, [x, y] pairs (2B). */
  noise: Float64Array;
}

/** An empty batch of `count` samples, to fill with {@link drawNoiseBatch}. */
export function createNoiseBatch(count: number): NoiseBatch {
  return {
    count,
    noised: new Float64Array(2 * count),
    timesteps: new Float64Array(count),
    noise: new Float64Array(2 * count),
  };
}

/**
 * Fills `batch` from `data` ([x, y] pairs): per sample, in stream order, one uniform picks a data point, one
 * uniform picks t, two normals give eps.
 */
export function drawNoiseBatch(
  data: Float64Array,
  alphasCumprod: Float64Array,
  rng: Rng,
  batch: NoiseBatch,
): NoiseBatch {
  const n = data.length / 2;
  const T = alphasCumprod.length;
  for (let b = 0; b < batch.count; b++) {
    const i = Math.min(n - 1, Math.floor(rng.uniform() * n));
    const t = Math.min(T - 1, Math.floor(rng.uniform() * T));
    const abar = alphasCumprod[t]!;
    const a = Math.sqrt(abar);
    const s = Math.sqrt(1 - abar);
    const ex = rng.normal();
    const ey = rng.normal();
    batch.timesteps[b] = t;
    batch.noise[2 * b] = ex;
    batch.noise[2 * b + 1] = ey;
    batch.noised[2 * b] = a * data[2 * i]! + s * ex;
    batch.noised[2 * b + 1] = a * data[2 * i + 1]! + s * ey;
  }
  return batch;
}

/**
 * The loss on `batch` and, when `grads` is given, its gradient dL/dtheta added into `grads`:
 * dL/d(eps_theta) = 2 (eps_theta - eps) / (2B).
 */
export function noisePredictionLoss(
  model: NoisePredictor,
  batch: NoiseBatch,
  workspace: PredictorWorkspace,
  scratch: Float64Array,
  grads?: Float64Array,
): number {
  const { count } = batch;
  const pred = predictNoise(model, batch.noised, batch.timesteps, count, scratch, workspace);
  let sum = 0;
  const scale = 2 / (2 * count);
  for (let k = 0; k < 2 * count; k++) {
    const r = pred[k]! - batch.noise[k]!;
    sum += r * r;
    pred[k] = scale * r; // reuse the buffer for dL/d(eps_theta)
  }
  if (grads) backpropagate(model, workspace, pred, count, grads);
  return sum / (2 * count);
}
