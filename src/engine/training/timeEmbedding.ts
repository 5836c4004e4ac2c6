/**
 * The sinusoidal time embedding that tells the noise predictor which noise level it sees. With s = t / T in
 * [0, 1) and K frequencies w_k spread geometrically from 1 to `maxFrequency` (radians per unit of s):
 *   emb(t) = [sin(w_0 s), cos(w_0 s), ..., sin(w_{K-1} s), cos(w_{K-1} s)]
 * Low frequencies vary slowly across the whole schedule, high ones separate neighbouring noise levels; as
 * in the transformer's position encoding (Vaswani et al. 2017) and the DDPM U-Net (Ho et al. 2020).
 */

/** The angular frequencies w_k, k = 0..K-1: 1, ..., maxFrequency in a geometric progression. */
export function timeFrequencies(count: number, maxFrequency: number): Float64Array {
  const w = new Float64Array(count);
  for (let k = 0; k < count; k++) w[k] = count === 1 ? 1 : Math.pow(maxFrequency, k / (count - 1));
  return w;
}

/** Writes emb(t) (2K numbers) into `out` at `offset`. */
export function embedTime(
  t: number,
  numTrainTimesteps: number,
  frequencies: Float64Array,
  out: Float64Array,
  offset = 0,
): void {
  const s = t / numTrainTimesteps;
  for (let k = 0; k < frequencies.length; k++) {
    const a = frequencies[k]! * s;
    out[offset + 2 * k] = Math.sin(a);
    out[offset + 2 * k + 1] = Math.cos(a);
  }
}
