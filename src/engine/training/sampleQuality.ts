/**
 * How close a set of 2-D samples is to the data, two ways:
 * - mean nearest distance: the average, over `from`, of the distance to the nearest point of `to`. Samples ->
 *   data says whether samples land on the data ("precision"); data -> samples whether they cover it ("recall").
 * - MMD^2 with a gaussian kernel k(a, b) = exp(-||a - b||^2 / (2 h^2)) (Gretton et al. 2012, unbiased
 *   estimator, eq. 3): 0 in expectation when both sets come from the same distribution.
 */

/** Mean over the points of `from` of the distance to the nearest point of `to` (both [x, y] pairs). */
export function meanNearestDistance(from: ArrayLike<number>, to: ArrayLike<number>): number {
  const n = from.length / 2;
  const m = to.length / 2;
  if (n === 0 || m === 0) return NaN;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = from[2 * i]!;
    const y = from[2 * i + 1]!;
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      const dx = x - to[2 * j]!;
      const dy = y - to[2 * j + 1]!;
      const d = dx * dx + dy * dy;
      if (d < best) best = d;
    }
    total += Math.sqrt(best);
  }
  return total / n;
}

/** The unbiased MMD^2 estimate between two sets of [x, y] pairs, gaussian kernel of bandwidth `h` (default 0.3). */
export function mmdSquared(a: ArrayLike<number>, b: ArrayLike<number>, h = 0.3): number {
  const n = a.length / 2;
  const m = b.length / 2;
  if (n < 2 || m < 2) return NaN;
  const g = -1 / (2 * h * h);
  const k = (p: ArrayLike<number>, i: number, q: ArrayLike<number>, j: number) => {
    const dx = p[2 * i]! - q[2 * j]!;
    const dy = p[2 * i + 1]! - q[2 * j + 1]!;
    return Math.exp(g * (dx * dx + dy * dy));
  };
  let aa = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) aa += k(a, i, a, j);
  let bb = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) bb += k(b, i, b, j);
  let ab = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) ab += k(a, i, b, j);
  return (2 * aa) / (n * (n - 1)) + (2 * bb) / (m * (m - 1)) - (2 * ab) / (n * m);
}
