/** The most training points a trainer takes. */
export const MAX_TRAINING_POINTS = 100_000;

/** A copy of `data` ([x, y] pairs) as float64, checked: 1 to {@link MAX_TRAINING_POINTS} finite points. */
export function checkTrainingData(data: ArrayLike<number>): Float64Array {
  const n = data?.length;
  if (!(Number.isInteger(n) && n >= 2 && n % 2 === 0))
    throw new RangeError(`data must hold [x, y] pairs, at least one point; got length ${String(n)}.`);
  if (n / 2 > MAX_TRAINING_POINTS)
    throw new RangeError(`data must hold at most ${MAX_TRAINING_POINTS} points; got ${n / 2}.`);
  const out = Float64Array.from(data);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) throw new RangeError(`data[${i}] must be a finite number; got ${String(out[i])}.`);
  }
  return out;
}
