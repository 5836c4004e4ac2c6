/**
 * Keeping a 2-D sampler's predicted clean points inside the data's box, as diffusers' `clip_sample` keeps an
 * image's in [-1, 1], for any epsilon-prediction scheduler: at each step the model's eps gives
 *   x0 = (x_t - sqrt(1 - abar_t) eps) / sqrt(abar_t),
 * x0 is clamped to the box per axis, and eps is re-derived from the clamped x0 (diffusers'
 * `use_clipped_model_output`), eps' = (x_t - sqrt(abar_t) x0') / sqrt(1 - abar_t), so every scheduler then
 * steps towards a point in the box.
 *
 * Why it matters: a schedule whose last abar is near 0 (the cosine schedule capped at beta 0.999 ends at
 * abar_999 = 2.4e-9) divides the model's error in eps by sqrt(abar_T) = 4.9e-5 on the first step, and DDIM,
 * DPM-Solver++ and Euler carry that x0 into x_{t'} with weight sqrt(abar_t') (about 0.03 a 50-step grid
 * later): a noise error of 0.01 puts points hundreds of units away, and the few steps left cannot bring them
 * back. With the clamp the first step's x0 stays in the box and those steps are harmless.
 */

/** A box of the plane: where the predicted clean points are kept while sampling. */
export interface SampleBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * The bounding box of [x, y] pairs, each side widened by `margin` times the box's larger side (default 0.1),
 * and by at least `minPad` (default 0.1) so a single point or a line still gives a box. Null with no points.
 */
export function dataBounds(points: ArrayLike<number>, margin = 0.1, minPad = 0.1): SampleBounds | null {
  if (points.length < 2) return null;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  const pad = Math.max(minPad, margin * Math.max(xMax - xMin, yMax - yMin));
  return { xMin: xMin - pad, xMax: xMax + pad, yMin: yMin - pad, yMax: yMax + pad };
}

/** Throws unless the box has finite sides in order. */
export function checkSampleBounds(b: SampleBounds, name = 'clipSample'): void {
  const ok =
    [b.xMin, b.xMax, b.yMin, b.yMax].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    b.xMin <= b.xMax &&
    b.yMin <= b.yMax;
  if (!ok) throw new RangeError(`${name} must have finite xMin <= xMax and yMin <= yMax; got ${JSON.stringify(b)}.`);
}

/**
 * Rewrites `eps` (in place, [x, y] pairs of `count` points) so that the x0 it implies at noise level
 * `alphaCumprod` from the model input `xt` (the variance-preserving x_t: what the model saw) lies in `bounds`.
 * Points whose x0 is already inside keep their eps bit for bit. With abar = 0 (zero terminal SNR) x_t says
 * nothing about x0: the box's centre stands in for it.
 */
export function clipPredictedSample(
  xt: ArrayLike<number>,
  eps: Float64Array,
  count: number,
  alphaCumprod: number,
  bounds: SampleBounds,
): void {
  const a = Math.sqrt(alphaCumprod);
  const s = Math.sqrt(1 - alphaCumprod);
  const lo = [bounds.xMin, bounds.yMin];
  const hi = [bounds.xMax, bounds.yMax];
  for (let i = 0; i < 2 * count; i++) {
    const low = lo[i & 1]!;
    const high = hi[i & 1]!;
    const x0 = a > 0 ? (xt[i]! - s * eps[i]!) / a : NaN;
    if (x0 >= low && x0 <= high) continue;
    const clamped = Number.isNaN(x0) ? (low + high) / 2 : Math.min(high, Math.max(low, x0));
    if (s > 0) eps[i] = (xt[i]! - a * clamped) / s;
  }
}
