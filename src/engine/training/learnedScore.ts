import type { Grid2d } from '../distributions/mixture2dGrid';
import { gridX, gridY } from '../distributions/mixture2dGrid';
import type { Mixture2d } from '../distributions/mixture2d';
import { noiseMixture2d } from '../distributions/mixture2dNoise';
import { sampleMixture2d } from '../distributions/mixture2dSample';
import { type Mixture2dEvaluation, mixture2dEvaluate } from '../distributions/mixture2dScore';
import type { Rng } from '../rng/Rng';
import type { NoisePredictor } from './noisePredictor';
import { predictNoise } from './predictNoise';
import { createPredictorWorkspace } from './predictorWorkspace';

/**
 * The score a noise predictor implies. The ideal predictor is E[eps | x_t] = -sqrt(1 - abar_t) grad log q_t(x_t)
 * (Tweedie's formula; Vincent 2011), so the learned score is
 *   s_theta(x_t, t) = -eps_theta(x_t, t) / sqrt(1 - abar_t)
 * which can be set against the exact score of a gaussian mixture noised to t.
 */

/** The learned score at `count` points ([x, y] pairs) at timestep t, as [sx, sy] pairs. */
export function learnedScore(
  model: NoisePredictor,
  points: ArrayLike<number>,
  count: number,
  t: number,
  alphaBar: number,
): Float64Array {
  const eps = predictNoise(model, points, [t], count);
  const f = -1 / Math.sqrt(1 - alphaBar);
  for (let i = 0; i < eps.length; i++) eps[i]! *= f;
  return eps;
}

/** The learned score on the cell centres of a grid (row 0 at the top, y = yMax), as [sx, sy] pairs. */
export function learnedScoreGrid(model: NoisePredictor, grid: Grid2d, t: number, alphaBar: number): Float64Array {
  const n = grid.nx * grid.ny;
  const points = new Float64Array(2 * n);
  for (let r = 0; r < grid.ny; r++) {
    const y = gridY(grid, r);
    for (let c = 0; c < grid.nx; c++) {
      points[2 * (r * grid.nx + c)] = gridX(grid, c);
      points[2 * (r * grid.nx + c) + 1] = y;
    }
  }
  return learnedScore(model, points, n, t, alphaBar);
}

/** Options of {@link scoreErrorByTimestep}. */
export interface ScoreErrorOptions {
  /** abar_t of the schedule the model was trained on. */
  alphasCumprod: ArrayLike<number>;
  /** The timesteps to measure at. */
  timesteps: ArrayLike<number>;
  /** Points x_t ~ q_t drawn per timestep (default 256). */
  pointsPerTimestep?: number;
  /** Source of the points. */
  rng: Rng;
}

/** The error of the learned score per timestep. */
export interface ScoreError {
  /** The timesteps measured. */
  timesteps: Int32Array;
  /** E_{x ~ q_t} || s_theta(x, t) - grad log q_t(x) ||, per timestep. */
  meanError: Float64Array;
  /** E_{x ~ q_t} || grad log q_t(x) ||, the size of the exact score there (to read the error against). */
  meanScore: Float64Array;
}

/**
 * The mean distance between the learned and the exact score at points drawn from the noised data q_t
 * (where the model was trained: far from the data the learned score is an extrapolation), per timestep.
 */
export function scoreErrorByTimestep(model: NoisePredictor, data: Mixture2d, options: ScoreErrorOptions): ScoreError {
  const { alphasCumprod, rng, pointsPerTimestep: n = 256 } = options;
  const timesteps = Int32Array.from(options.timesteps);
  const meanError = new Float64Array(timesteps.length);
  const meanScore = new Float64Array(timesteps.length);
  const workspace = createPredictorWorkspace(model, n);
  const eps = new Float64Array(2 * n);
  const r: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };
  timesteps.forEach((t, k) => {
    const abar = alphasCumprod[t]!;
    const noised = noiseMixture2d(data, abar);
    const points = sampleMixture2d(noised, n, rng);
    predictNoise(model, points, [t], n, eps, workspace);
    const f = -1 / Math.sqrt(1 - abar);
    let err = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      mixture2dEvaluate(noised, points[2 * i]!, points[2 * i + 1]!, r);
      err += Math.hypot(f * eps[2 * i]! - r.scoreX, f * eps[2 * i + 1]! - r.scoreY);
      size += Math.hypot(r.scoreX, r.scoreY);
    }
    meanError[k] = err / n;
    meanScore[k] = size / n;
  });
  return { timesteps, meanError, meanScore };
}
