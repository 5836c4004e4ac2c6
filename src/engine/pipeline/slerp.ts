import type { FloatArray } from '../forward/addNoise';

/** Below this angle (cos theta > 0.9995) slerp falls back to the straight line, where sin(theta) ~ 0 divides badly. */
const PARALLEL_COS = 0.9995;

function checkPair(a: FloatArray, b: FloatArray, t: number, where: string): void {
  if (
    !(a instanceof Float32Array || a instanceof Float64Array) ||
    !(b instanceof Float32Array || b instanceof Float64Array)
  )
    throw new TypeError(`${where}: a and b must be Float32Arrays (or Float64Arrays).`);
  if (a.length !== b.length)
    throw new RangeError(`${where}: a and b must have the same length; got ${a.length} and ${b.length}.`);
  if (typeof t !== 'number' || !Number.isFinite(t))
    throw new RangeError(`${where}: t must be a finite number; got ${String(t)}.`);
}

/**
 * Linear interpolation (1 - t) a + t b, elementwise, in float64 rounded to float32: lerp(a, b, 0) is a and
 * lerp(a, b, 1) is b exactly.
 */
export function lerp(a: FloatArray, b: FloatArray, t: number): Float32Array {
  checkPair(a, b, t, 'lerp');
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (1 - t) * a[i]! + t * b[i]!;
  return out;
}

/**
 * Spherical linear interpolation (Shoemake 1985), the usual way to walk between two Gaussian noise draws:
 *   slerp(a, b, t) = sin((1 - t) theta) / sin(theta) a + sin(t theta) / sin(theta) b,   cos(theta) = a.b / (|a| |b|).
 * For endpoints of equal norm every point keeps that norm (it moves along the great circle through a and b), whereas
 * the straight line between two independent N(0, I) draws dips to about 1 / sqrt(2) of their norm halfway. When a
 * and b are nearly parallel (cos theta > 0.9995), or either is zero, it is the straight line (1 - t) a + t b.
 * slerp(a, b, 0) is a and slerp(a, b, 1) is b exactly; t outside 0..1 extrapolates along the circle. Computed in
 * float64, returned as float32.
 */
export function slerp(a: FloatArray, b: FloatArray, t: number): Float32Array {
  checkPair(a, b, t, 'slerp');
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  const cos = na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 1;
  // Nearly parallel (or a zero or non-finite endpoint): the straight line.
  if (!(cos <= PARALLEL_COS)) return lerp(a, b, t);
  const theta = Math.acos(Math.max(-1, cos));
  const sin = Math.sin(theta);
  // Nearly opposite: no single great circle; the straight line (through the origin).
  if (sin < 1e-6) return lerp(a, b, t);
  const ca = Math.sin((1 - t) * theta) / sin;
  const cb = Math.sin(t * theta) / sin;
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = ca * a[i]! + cb * b[i]!;
  return out;
}
