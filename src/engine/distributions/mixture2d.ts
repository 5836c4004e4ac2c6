/**
 * 2-D gaussian mixtures q(x) = sum_k w_k N(x; mu_k, C_k) with full 2x2 covariances, stored flat in float64
 * together with what every evaluation needs: the precision P_k = C_k^-1 and the log normaliser
 * log w_k - log(2 pi) - (1/2) log det C_k. Build one with {@link createMixture2d}; every other function of
 * the family (density, score, noising, sampling) reads this form.
 */

/** A 2x2 covariance: a full symmetric matrix, or one number for an isotropic variance s^2 I. */
export type Covariance2d = number | readonly [readonly [number, number], readonly [number, number]];

/** One component of a mixture, as a person writes it. */
export interface Gaussian2dSpec {
  /** Unnormalised weight (default 1); the weights are divided by their sum. */
  weight?: number;
  /** The mean [x, y]. */
  mean: readonly [number, number];
  /** The covariance (default 1, i.e. the identity). Must be symmetric positive definite. */
  cov?: Covariance2d;
}

/** A normalised mixture, flat and precomputed. Treat it as immutable. */
export interface Mixture2d {
  /** The number of components K. */
  readonly size: number;
  /** w_k, summing to 1. */
  readonly weights: Float64Array;
  /** [mu_x, mu_y] per component, back to back (length 2K). */
  readonly means: Float64Array;
  /** [C_xx, C_xy, C_yy] per component (length 3K). */
  readonly covariances: Float64Array;
  /** [P_xx, P_xy, P_yy] of the precision P_k = C_k^-1 (length 3K). */
  readonly precisions: Float64Array;
  /** log w_k - log(2 pi) - (1/2) log det C_k (length K). */
  readonly logNormalisers: Float64Array;
}

/** Thrown when a mixture is invalid; `field` names the offending argument, e.g. `components[2].cov`. */
export class Mixture2dError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'Mixture2dError';
  }
}

const LOG_2PI = Math.log(2 * Math.PI);

/** A mixture from components as written by a person; throws {@link Mixture2dError} naming the bad field. */
export function createMixture2d(components: ReadonlyArray<Gaussian2dSpec>): Mixture2d {
  if (!Array.isArray(components) || components.length === 0) {
    throw new Mixture2dError('components', 'must be a non-empty array of { weight?, mean: [x, y], cov? }.');
  }
  const k = components.length;
  const weights = new Float64Array(k);
  const means = new Float64Array(2 * k);
  const covariances = new Float64Array(3 * k);
  components.forEach((c, i) => {
    const field = `components[${i}]`;
    if (c == null || typeof c !== 'object')
      throw new Mixture2dError(field, 'must be an object { weight?, mean: [x, y], cov? }.');
    weights[i] = c.weight ?? 1;
    const mean = c.mean as unknown;
    if (!Array.isArray(mean) || mean.length !== 2 || !mean.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new Mixture2dError(`${field}.mean`, 'must be two finite numbers [x, y].');
    }
    means[2 * i] = mean[0] as number;
    means[2 * i + 1] = mean[1] as number;
    const [xx, xy, yy] = covarianceEntries(c.cov ?? 1, `${field}.cov`);
    covariances[3 * i] = xx;
    covariances[3 * i + 1] = xy;
    covariances[3 * i + 2] = yy;
  });
  return mixture2dFromArrays(weights, means, covariances);
}

function covarianceEntries(cov: Covariance2d, field: string): [number, number, number] {
  if (typeof cov === 'number') return [cov, 0, cov];
  const ok =
    Array.isArray(cov) &&
    cov.length === 2 &&
    cov.every(
      (row) => Array.isArray(row) && row.length === 2 && row.every((v) => typeof v === 'number' && Number.isFinite(v)),
    );
  if (!ok) throw new Mixture2dError(field, 'must be a variance (number > 0) or a 2x2 matrix [[xx, xy], [xy, yy]].');
  const [[xx, xy], [yx, yy]] = cov;
  if (Math.abs(xy - yx) > 1e-12 * Math.max(1, Math.abs(xy)))
    throw new Mixture2dError(field, `must be symmetric; got xy = ${xy} but yx = ${yx}.`);
  return [xx, xy, yy];
}

/**
 * A mixture from flat arrays (weights K, means 2K, covariances [xx, xy, yy] 3K), copied and validated:
 * weights finite and >= 0 with a positive sum (then normalised), covariances positive definite.
 */
export function mixture2dFromArrays(
  weights: ArrayLike<number>,
  means: ArrayLike<number>,
  covariances: ArrayLike<number>,
): Mixture2d {
  const k = weights.length;
  if (k === 0) throw new Mixture2dError('weights', 'must hold at least one component.');
  if (means.length !== 2 * k)
    throw new Mixture2dError('means', `must hold 2 numbers per component (${2 * k}); got ${means.length}.`);
  if (covariances.length !== 3 * k) {
    throw new Mixture2dError(
      'covariances',
      `must hold 3 numbers [xx, xy, yy] per component (${3 * k}); got ${covariances.length}.`,
    );
  }
  let total = 0;
  for (let i = 0; i < k; i++) {
    const w = weights[i]!;
    if (!(Number.isFinite(w) && w >= 0))
      throw new Mixture2dError(`components[${i}].weight`, `must be a finite number >= 0; got ${String(w)}.`);
    total += w;
  }
  if (!(total > 0)) throw new Mixture2dError('weights', 'must have a positive sum.');
  const w = Float64Array.from(weights, (v) => v / total);
  const mu = Float64Array.from(means);
  const c = Float64Array.from(covariances);
  const precisions = new Float64Array(3 * k);
  const logNormalisers = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    if (!Number.isFinite(mu[2 * i]!) || !Number.isFinite(mu[2 * i + 1]!)) {
      throw new Mixture2dError(`components[${i}].mean`, 'must be two finite numbers [x, y].');
    }
    const xx = c[3 * i]!;
    const xy = c[3 * i + 1]!;
    const yy = c[3 * i + 2]!;
    const det = xx * yy - xy * xy;
    // Positive definite <=> xx > 0 and det > 0 (Sylvester's criterion).
    if (!(Number.isFinite(det) && xx > 0 && det > 0)) {
      throw new Mixture2dError(
        `components[${i}].cov`,
        `must be positive definite (xx > 0, yy > 0, xx*yy - xy^2 > 0); got [[${xx}, ${xy}], [${xy}, ${yy}]].`,
      );
    }
    precisions[3 * i] = yy / det;
    precisions[3 * i + 1] = -xy / det;
    precisions[3 * i + 2] = xx / det;
    logNormalisers[i] = Math.log(w[i]!) - LOG_2PI - 0.5 * Math.log(det);
  }
  return { size: k, weights: w, means: mu, covariances: c, precisions, logNormalisers };
}

/** The mean and covariance of the whole mixture (law of total variance). */
export function mixture2dMoments(m: Mixture2d): { mean: [number, number]; cov: [number, number, number] } {
  let mx = 0;
  let my = 0;
  for (let k = 0; k < m.size; k++) {
    mx += m.weights[k]! * m.means[2 * k]!;
    my += m.weights[k]! * m.means[2 * k + 1]!;
  }
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let k = 0; k < m.size; k++) {
    const w = m.weights[k]!;
    const dx = m.means[2 * k]! - mx;
    const dy = m.means[2 * k + 1]! - my;
    xx += w * (m.covariances[3 * k]! + dx * dx);
    xy += w * (m.covariances[3 * k + 1]! + dx * dy);
    yy += w * (m.covariances[3 * k + 2]! + dy * dy);
  }
  return { mean: [mx, my], cov: [xx, xy, yy] };
}
