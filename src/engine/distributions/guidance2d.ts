import { type Grid2d, mixture2dScoreGrid } from './mixture2dGrid';
import { type Mixture2dEvaluation, mixture2dEvaluate } from './mixture2dScore';
import type { LabelledMixture2d } from './labelledMixture2d';

/**
 * Classifier-free guidance (Ho & Salimans 2022), exactly, for a labelled 2-D mixture at one noise level.
 * A guided sampler replaces the score of p_t(x | y) by
 *   s_w(x) = grad log p_t(x) + w (grad log p_t(x | y) - grad log p_t(x))
 *          = (1 - w) grad log p_t(x) + w grad log p_t(x | y),
 * computed here in the second form, so that w = 0 gives the unconditional score and w = 1 the conditional one
 * bit for bit. By Bayes, grad log p_t(x | y) - grad log p_t(x) = grad log p_t(y | x): the gradient of an
 * implicit classifier, so s_w = grad log p_t(x | y) + (w - 1) grad log p_t(y | x). For w > 1 that extra term
 * pushes x away from the other classes, past the bulk of class y into its far tail. s_w is also the score of
 * the tilted density p_t(x)^(1 - w) p_t(x | y)^w (unnormalised): {@link guidedLogDensityGrid} draws it.
 */

/** A point evaluation of the guided score, with the two scores it mixes and the class posterior. */
export interface GuidedScore2d {
  /** s_w, the guided score. */
  scoreX: number;
  scoreY: number;
  /** grad log p_t(x). */
  unconditionalX: number;
  unconditionalY: number;
  /** grad log p_t(x | y). */
  conditionalX: number;
  conditionalY: number;
  /** log p_t(y | x) = log p(y) + log p_t(x | y) - log p_t(x). */
  logClassPosterior: number;
}

const scratchU: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };
const scratchC: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };

/** Checks a class index and a guidance scale against a labelled mixture. */
export function checkGuidance(m: LabelledMixture2d, classIndex: number, guidanceScale: number): void {
  if (!(Number.isSafeInteger(classIndex) && classIndex >= 0 && classIndex < m.classes.length)) {
    throw new RangeError(`classIndex must be an integer from 0 to ${m.classes.length - 1}; got ${String(classIndex)}.`);
  }
  if (!Number.isFinite(guidanceScale))
    throw new RangeError(`guidanceScale must be a finite number; got ${String(guidanceScale)}.`);
}

/** The guided score at (x, y) of a (noised) labelled mixture, for class `classIndex` and scale w. */
export function guidedScore2d(
  m: LabelledMixture2d,
  classIndex: number,
  guidanceScale: number,
  x: number,
  y: number,
  out?: GuidedScore2d,
): GuidedScore2d {
  checkGuidance(m, classIndex, guidanceScale);
  const cls = m.classes[classIndex]!;
  const u = mixture2dEvaluate(m.joint, x, y, scratchU);
  const c = mixture2dEvaluate(cls.mixture, x, y, scratchC);
  const w = guidanceScale;
  const r = out ?? {
    scoreX: 0,
    scoreY: 0,
    unconditionalX: 0,
    unconditionalY: 0,
    conditionalX: 0,
    conditionalY: 0,
    logClassPosterior: 0,
  };
  r.unconditionalX = u.scoreX;
  r.unconditionalY = u.scoreY;
  r.conditionalX = c.scoreX;
  r.conditionalY = c.scoreY;
  r.scoreX = (1 - w) * u.scoreX + w * c.scoreX;
  r.scoreY = (1 - w) * u.scoreY + w * c.scoreY;
  // Bayes in logs; clamp the rounding that could lift it a hair above log 1 = 0.
  r.logClassPosterior = Math.min(0, Math.log(cls.prior) + c.logDensity - u.logDensity);
  return r;
}

/** log p_t(y | x) for every class at (x, y), by Bayes; the exponentials sum to 1. */
export function classLogPosteriors2d(m: LabelledMixture2d, x: number, y: number): Float64Array {
  const logPx = mixture2dEvaluate(m.joint, x, y, scratchU).logDensity;
  return Float64Array.from(m.classes, (c) =>
    Math.min(0, Math.log(c.prior) + mixture2dEvaluate(c.mixture, x, y, scratchC).logDensity - logPx),
  );
}

/** The unconditional and conditional scores of a (noised) labelled mixture on a grid, to mix for any w. */
export interface GuidanceGrids {
  grid: Grid2d;
  /** grad log p_t(x) per cell, [sx, sy] pairs. */
  unconditional: Float64Array;
  /** grad log p_t(x | y) per cell, [sx, sy] pairs. */
  conditional: Float64Array;
  /** log p_t(x) per cell. */
  logUnconditional: Float64Array;
  /** log p_t(x | y) per cell. */
  logConditional: Float64Array;
}

/** Both scores and log-densities on `grid` (row-major, row 0 at the top), for one class. */
export function guidanceGrids(m: LabelledMixture2d, classIndex: number, grid: Grid2d): GuidanceGrids {
  checkGuidance(m, classIndex, 0);
  const n = grid.nx * grid.ny;
  const logUnconditional = new Float64Array(n);
  const logConditional = new Float64Array(n);
  const unconditional = mixture2dScoreGrid(m.joint, grid, undefined, logUnconditional);
  const conditional = mixture2dScoreGrid(m.classes[classIndex]!.mixture, grid, undefined, logConditional);
  return { grid, unconditional, conditional, logUnconditional, logConditional };
}

/** s_w = (1 - w) s_u + w s_c on every cell of `grids`, as [sx, sy] pairs. */
export function guidedScoreGrid(
  grids: GuidanceGrids,
  guidanceScale: number,
  out = new Float64Array(grids.unconditional.length),
): Float64Array {
  const w = guidanceScale;
  const { unconditional: u, conditional: c } = grids;
  for (let i = 0; i < u.length; i++) out[i] = (1 - w) * u[i]! + w * c[i]!;
  return out;
}

/**
 * log of the tilted density p_t(x)^(1 - w) p_t(x | y)^w on every cell, normalised so that it sums to 1 over the
 * grid's cells times their area (a Riemann sum: the tilt has no closed-form normaliser). w = 0 is p_t(x),
 * w = 1 is p_t(x | y).
 */
export function guidedLogDensityGrid(
  grids: Pick<GuidanceGrids, 'grid' | 'logUnconditional' | 'logConditional'>,
  guidanceScale: number,
  out = new Float64Array(grids.logUnconditional.length),
): Float64Array {
  const w = guidanceScale;
  const { logUnconditional: lu, logConditional: lc, grid } = grids;
  let max = -Infinity;
  for (let i = 0; i < lu.length; i++) {
    // 0 * -Infinity is NaN: a weight of 0 drops its term.
    const v = (w === 1 ? 0 : (1 - w) * lu[i]!) + (w === 0 ? 0 : w * lc[i]!);
    out[i] = v;
    if (v > max) max = v;
  }
  const cell = ((grid.xMax - grid.xMin) / grid.nx) * ((grid.yMax - grid.yMin) / grid.ny);
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += Math.exp(out[i]! - max);
  const logZ = max + Math.log(sum * cell);
  for (let i = 0; i < out.length; i++) out[i]! -= logZ;
  return out;
}
