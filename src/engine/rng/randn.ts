import type { Rng } from './Rng';

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer; got ${String(n)}.`);
  }
}

/** `n` standard normal draws from `rng`, in stream order, as float32. */
export function randn(rng: Rng, n: number): Float32Array {
  checkCount(n);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

/** `n` standard normal draws from `rng`, in stream order, kept in float64. */
export function randn64(rng: Rng, n: number): Float64Array {
  checkCount(n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

/** `n` uniform draws in [0, 1) from `rng`, as float64. */
export function rand(rng: Rng, n: number): Float64Array {
  checkCount(n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.uniform();
  return out;
}
