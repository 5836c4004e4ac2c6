import { type Mixture2d, Mixture2dError, mixture2dFromArrays } from './mixture2d';

/**
 * A gaussian kernel density estimate from points, as a mixture: one isotropic component N(p_i, h^2 I) of
 * weight 1/n per point. Being a mixture, it noises, scores and samples with the same exact maths.
 */

/** A bandwidth rule, or a bandwidth h > 0 given outright. */
export type KdeBandwidth = 'scott' | 'silverman' | number;

/** The rules {@link kdeBandwidth} knows. */
export const KDE_BANDWIDTH_RULES = ['scott', 'silverman'] as const;

function checkPoints(points: ReadonlyArray<readonly [number, number]>): void {
  if (!Array.isArray(points) || points.length === 0)
    throw new Mixture2dError('points', 'must hold at least one [x, y] point.');
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new Mixture2dError(`points[${i}]`, 'must be two finite numbers [x, y].');
    }
  });
}

function quantile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q; // linear interpolation between order statistics (numpy's default)
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The bandwidth of a rule for an isotropic 2-D kernel, with the d = 2 rate n^(-1/(d+4)) = n^(-1/6):
 * - `scott` (Scott 1992): h = sigma n^(-1/6), sigma = sqrt((var_x + var_y) / 2) (sample variances, n - 1).
 *   (Silverman's multivariate factor (4 / (d + 2))^(1/(d+4)) is exactly 1 when d = 2, so it adds nothing.)
 * - `silverman`: Silverman's (1986, eq. 3.31) robust rule of thumb, h = 0.9 A n^(-1/6) with
 *   A = min(sigma, IQR / 1.349) and IQR the mean of the two axes' interquartile ranges: narrower, and
 *   not widened by a few outliers or well-separated clusters.
 * Needs two or more distinct points; a number passes through after checking it is > 0.
 */
export function kdeBandwidth(points: ReadonlyArray<readonly [number, number]>, rule: KdeBandwidth = 'scott'): number {
  checkPoints(points);
  if (typeof rule === 'number') {
    if (!(Number.isFinite(rule) && rule > 0))
      throw new Mixture2dError('bandwidth', `must be a number > 0; got ${String(rule)}.`);
    return rule;
  }
  if (rule !== 'scott' && rule !== 'silverman') {
    throw new Mixture2dError('bandwidth', `must be 'scott', 'silverman' or a number > 0; got ${String(rule)}.`);
  }
  const n = points.length;
  if (n < 2)
    throw new Mixture2dError(
      'points',
      `needs at least 2 points for the '${rule}' rule; give a numeric bandwidth for 1 point.`,
    );
  const xs = Float64Array.from(points, (p) => p[0]);
  const ys = Float64Array.from(points, (p) => p[1]);
  const variance = (v: Float64Array) => {
    let mean = 0;
    for (const a of v) mean += a / n;
    let s = 0;
    for (const a of v) s += (a - mean) * (a - mean);
    return s / (n - 1);
  };
  const sigma = Math.sqrt((variance(xs) + variance(ys)) / 2);
  const rate = Math.pow(n, -1 / 6);
  let h: number;
  if (rule === 'scott') h = sigma * rate;
  else {
    xs.sort();
    ys.sort();
    const iqr = (quantile(xs, 0.75) - quantile(xs, 0.25) + quantile(ys, 0.75) - quantile(ys, 0.25)) / 2;
    const spread = iqr > 0 ? Math.min(sigma, iqr / 1.349) : sigma;
    h = 0.9 * spread * rate;
  }
  if (!(h > 0))
    throw new Mixture2dError(
      'points',
      'are all the same point, so no bandwidth rule applies; give a numeric bandwidth.',
    );
  return h;
}

/** The KDE of `points` with bandwidth `h` (a rule or a number; default Scott's rule) as a mixture. */
export function kdeMixture2d(
  points: ReadonlyArray<readonly [number, number]>,
  bandwidth: KdeBandwidth = 'scott',
): Mixture2d {
  const h = kdeBandwidth(points, bandwidth);
  const n = points.length;
  const means = new Float64Array(2 * n);
  const cov = new Float64Array(3 * n);
  points.forEach((p, i) => {
    means[2 * i] = p[0];
    means[2 * i + 1] = p[1];
    cov[3 * i] = h * h;
    cov[3 * i + 2] = h * h;
  });
  return mixture2dFromArrays(new Float64Array(n).fill(1), means, cov);
}
