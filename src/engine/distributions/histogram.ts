/** A histogram over equal-width bins. */
export interface Histogram {
  /** bins + 1 bin edges, ascending; bin i is [edges[i], edges[i+1]) and the last bin also holds its right edge. */
  edges: Float64Array;
  /** How many values fell in each bin. */
  counts: Uint32Array;
  /**
   * counts / (total * binWidth): a density, so sum(density) * binWidth is the fraction of values inside
   * [min, max] (1 when none fell outside), comparable to a pdf drawn on the same axes.
   */
  density: Float64Array;
  /** (max - min) / bins. */
  binWidth: number;
  /** Values counted (the first `count` of the input), including those outside [min, max]. */
  total: number;
  /** Values below min or above max (not in any bin). */
  outside: number;
}

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** Number of equal-width bins (integer >= 1). */
  bins: number;
  /** Left edge of the first bin (default: the smallest value). */
  min?: number;
  /** Right edge of the last bin (default: the largest value). */
  max?: number;
  /** Bin only the first `count` values (default: all). */
  count?: number;
}

/** The smallest and largest of the first `count` values (count >= 1). */
export function extent(values: ArrayLike<number>, count = values.length): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * Bins values into `bins` equal-width bins over [min, max] (numpy.histogram's convention: half-open bins,
 * the last one closed). NaN values are counted as outside.
 */
export function histogram(values: ArrayLike<number>, options: HistogramOptions): Histogram {
  const { bins } = options;
  const count = options.count ?? values.length;
  if (!Number.isSafeInteger(bins) || bins < 1)
    throw new RangeError(`bins must be an integer >= 1; got ${String(bins)}.`);
  if (!Number.isSafeInteger(count) || count < 0 || count > values.length) {
    throw new RangeError(`count must be an integer from 0 to ${values.length}; got ${String(count)}.`);
  }
  let [lo, hi] = count > 0 ? extent(values, count) : [0, 1];
  lo = options.min ?? lo;
  hi = options.max ?? hi;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) {
    throw new RangeError(`min and max must be finite with min <= max; got ${String(lo)} and ${String(hi)}.`);
  }
  if (hi === lo) {
    // numpy widens a zero-width range to [v - 0.5, v + 0.5].
    lo -= 0.5;
    hi += 0.5;
  }
  const binWidth = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + i * binWidth;
  edges[bins] = hi;
  const counts = new Uint32Array(bins);
  let outside = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!(v >= lo && v <= hi)) {
      outside++;
      continue;
    }
    counts[Math.min(bins - 1, Math.floor((v - lo) / binWidth))]!++;
  }
  const density = new Float64Array(bins);
  if (count > 0) for (let i = 0; i < bins; i++) density[i] = counts[i]! / (count * binWidth);
  return { edges, counts, density, binWidth, total: count, outside };
}
