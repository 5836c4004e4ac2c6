import type { Rng } from '../rng/Rng';
import type { Mixture2d } from './mixture2d';

/**
 * `n` draws of a 2-D mixture as [x, y] pairs (length 2n, float64). Per draw, in stream order: one uniform
 * picks component k by its cumulative weight, then two normals z give mu_k + L_k z, where L_k is the
 * Cholesky factor of C_k: L = [[sqrt(xx), 0], [xy / sqrt(xx), sqrt(yy - xy^2 / xx)]], so L L^T = C_k.
 * `components`, when given, receives the index of the component of each draw.
 */
export function sampleMixture2d(m: Mixture2d, n: number, rng: Rng, components?: Int32Array): Float64Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer; got ${String(n)}.`);
  const k = m.size;
  const cumulative = new Float64Array(k);
  let acc = 0;
  for (let i = 0; i < k; i++) cumulative[i] = acc += m.weights[i]!;
  const chol = new Float64Array(3 * k);
  for (let i = 0; i < k; i++) {
    const xx = m.covariances[3 * i]!;
    const xy = m.covariances[3 * i + 1]!;
    const yy = m.covariances[3 * i + 2]!;
    const l11 = Math.sqrt(xx);
    chol[3 * i] = l11;
    chol[3 * i + 1] = xy / l11;
    chol[3 * i + 2] = Math.sqrt(Math.max(0, yy - (xy * xy) / xx));
  }
  const out = new Float64Array(2 * n);
  for (let s = 0; s < n; s++) {
    const u = rng.uniform() * acc;
    let c = 0;
    while (c < k - 1 && u >= cumulative[c]!) c++;
    const z1 = rng.normal();
    const z2 = rng.normal();
    out[2 * s] = m.means[2 * c]! + chol[3 * c]! * z1;
    out[2 * s + 1] = m.means[2 * c + 1]! + chol[3 * c + 1]! * z1 + chol[3 * c + 2]! * z2;
    if (components) components[s] = c;
  }
  return out;
}
