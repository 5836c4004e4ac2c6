import type { Mixture2d } from './mixture2d';

/**
 * Density, log-density and exact score of a 2-D gaussian mixture.
 *
 * With e_k(x) = log w_k - log(2 pi) - (1/2) log det C_k - (1/2) (x - mu_k)^T P_k (x - mu_k), P_k = C_k^-1:
 *   log q(x) = logsumexp_k e_k(x)                      (computed as M + log sum_k exp(e_k - M), M = max e_k)
 *   r_k(x)   = exp(e_k(x) - log q(x))                  (responsibilities, summing to 1)
 *   grad log q(x) = sum_k r_k(x) * (-P_k (x - mu_k))   (the score)
 * Everything is float64; the max-shift keeps far-away points finite where q(x) itself underflows.
 */

/** A point evaluation: log q(x), and the score when asked for. */
export interface Mixture2dEvaluation {
  /** log q(x). */
  logDensity: number;
  /** d/dx log q(x). */
  scoreX: number;
  /** d/dy log q(x). */
  scoreY: number;
}

// Scratch for the exponents e_k, grown on demand (evaluation is not re-entrant, and needs not be).
let scratch = new Float64Array(64);

function exponents(m: Mixture2d, x: number, y: number): number {
  if (scratch.length < m.size) scratch = new Float64Array(Math.max(m.size, 2 * scratch.length));
  const e = scratch;
  const mu = m.means;
  const p = m.precisions;
  const ln = m.logNormalisers;
  let max = -Infinity;
  for (let k = 0, k2 = 0, k3 = 0; k < m.size; k++, k2 += 2, k3 += 3) {
    const dx = x - mu[k2]!;
    const dy = y - mu[k2 + 1]!;
    const v = ln[k]! - 0.5 * (p[k3]! * dx * dx + 2 * p[k3 + 1]! * dx * dy + p[k3 + 2]! * dy * dy);
    e[k] = v;
    if (v > max) max = v;
  }
  return max;
}

/** log q(x, y), by log-sum-exp. */
export function mixture2dLogDensity(m: Mixture2d, x: number, y: number): number {
  const max = exponents(m, x, y);
  let sum = 0;
  for (let k = 0; k < m.size; k++) sum += Math.exp(scratch[k]! - max);
  return max + Math.log(sum);
}

/** q(x, y). Underflows to 0 far from every component; use {@link mixture2dLogDensity} there. */
export function mixture2dDensity(m: Mixture2d, x: number, y: number): number {
  return Math.exp(mixture2dLogDensity(m, x, y));
}

/** The score grad log q at (x, y) and log q there, in one pass over the components. */
export function mixture2dEvaluate(m: Mixture2d, x: number, y: number, out?: Mixture2dEvaluation): Mixture2dEvaluation {
  const max = exponents(m, x, y);
  const mu = m.means;
  const p = m.precisions;
  let sum = 0;
  let gx = 0;
  let gy = 0;
  for (let k = 0, k2 = 0, k3 = 0; k < m.size; k++, k2 += 2, k3 += 3) {
    const a = Math.exp(scratch[k]! - max); // proportional to r_k
    if (a === 0) continue;
    const dx = x - mu[k2]!;
    const dy = y - mu[k2 + 1]!;
    sum += a;
    gx -= a * (p[k3]! * dx + p[k3 + 1]! * dy);
    gy -= a * (p[k3 + 1]! * dx + p[k3 + 2]! * dy);
  }
  const result = out ?? { logDensity: 0, scoreX: 0, scoreY: 0 };
  result.logDensity = max + Math.log(sum);
  result.scoreX = gx / sum;
  result.scoreY = gy / sum;
  return result;
}

/** The score grad log q(x, y) as [d/dx, d/dy]. */
export function mixture2dScore(m: Mixture2d, x: number, y: number): [number, number] {
  const r = mixture2dEvaluate(m, x, y);
  return [r.scoreX, r.scoreY];
}

/** The responsibilities r_k(x, y) = P(component k | x), summing to 1. */
export function mixture2dResponsibilities(m: Mixture2d, x: number, y: number): Float64Array {
  const max = exponents(m, x, y);
  const r = new Float64Array(m.size);
  let sum = 0;
  for (let k = 0; k < m.size; k++) sum += r[k] = Math.exp(scratch[k]! - max);
  for (let k = 0; k < m.size; k++) r[k]! /= sum;
  return r;
}
