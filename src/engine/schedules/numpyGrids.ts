/**
 * Grids computed with the same floating-point steps as numpy, so timesteps built from them match diffusers'
 * bit for bit (diffusers builds its timestep grids with `np.linspace`, `np.arange` and `ndarray.round`).
 */

/** numpy's `round`: to the nearest integer, ties to the even neighbour (`Math.round` sends ties up). */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * `np.linspace(start, stop, num)`: element i is `start + i * ((stop - start) / (num - 1))`, and the last
 * element is exactly `stop`.
 */
export function linspace(start: number, stop: number, num: number): number[] {
  if (num <= 0) return [];
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const out = new Array<number>(num);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  out[num - 1] = stop;
  return out;
}

/**
 * The first `count` elements of `np.arange(start, stop, step)` for a float step. numpy fills element i as
 * `start + i * delta` with `delta = (start + step) - start`, which may differ from `step` in the last bit.
 */
export function arangePrefix(start: number, step: number, count: number): number[] {
  const delta = start + step - start;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = start + i * delta;
  return out;
}

/**
 * `np.interp(x, [0, 1, ..., n-1], values)`: piecewise-linear interpolation on the integer grid, clamped to
 * the end values; an x on a grid point returns that value exactly.
 */
export function interpOnIntegerGrid(x: number, values: ArrayLike<number>): number {
  const last = values.length - 1;
  if (x <= 0) return values[0]!;
  if (x >= last) return values[last]!;
  const j = Math.floor(x);
  const left = values[j]!;
  if (x === j) return left;
  const slope = values[j + 1]! - left;
  return slope * (x - j) + left;
}
