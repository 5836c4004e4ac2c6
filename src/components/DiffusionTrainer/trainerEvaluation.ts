import { type Grid2d, type Mixture2d, createRng, mixture2dScoreGrid, noiseMixture2d } from '../../engine';
import { type NoisePredictor, type ScoreError, learnedScoreGrid, scoreErrorByTimestep } from '../../engine/internal';

/**
 * What the figure shows of a network at one moment, computed on the page from a weights snapshot: the
 * learned score on a grid at the chosen t, the exact one beside it, and the error per t. All cheap (a few
 * thousand forward passes); the samples, which cost more, are drawn in slices elsewhere (useModelSamples).
 */

/** The square [-extent, extent]^2 the figure shows. */
export const VIEW_EXTENT = 3.5;

/** The arrow grid of a panel. */
export function scoreGrid(gridSize: number): Grid2d {
  return { xMin: -VIEW_EXTENT, xMax: VIEW_EXTENT, yMin: -VIEW_EXTENT, yMax: VIEW_EXTENT, nx: gridSize, ny: gridSize };
}

/** The learned score at t on the grid, [sx, sy] pairs. */
export function learnedField(
  model: NoisePredictor,
  gridSize: number,
  t: number,
  alphasCumprod: Float64Array,
): Float64Array {
  return learnedScoreGrid(model, scoreGrid(gridSize), t, alphasCumprod[t]!);
}

/** The exact score of the data noised to t on the grid, [sx, sy] pairs. */
export function exactField(mixture: Mixture2d, gridSize: number, t: number, alphasCumprod: Float64Array): Float64Array {
  return mixture2dScoreGrid(noiseMixture2d(mixture, alphasCumprod[t]!), scoreGrid(gridSize));
}

/** The timesteps of the error chart: 10 from about T/100 to T - 1, denser near the data where errors differ most. */
export function errorTimesteps(T: number): Int32Array {
  const n = 10;
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    // Quadratic spacing: s = ((k + 1) / n)^2 puts half the points in the first quarter of the schedule.
    const t = Math.round(((k + 1) / n) ** 2 * (T - 1));
    if (t >= 1 && !out.includes(t)) out.push(t);
  }
  return Int32Array.from(out);
}

/**
 * The error of the learned score per t against the exact one (fixed points per t, seeded, so successive snapshots
 * compare).
 */
export function scoreErrors(
  model: NoisePredictor,
  mixture: Mixture2d,
  alphasCumprod: Float64Array,
  seed: number,
): ScoreError {
  return scoreErrorByTimestep(model, mixture, {
    alphasCumprod,
    timesteps: errorTimesteps(alphasCumprod.length),
    pointsPerTimestep: 64,
    rng: createRng(seed),
  });
}
