/**
 * The guidance-scale embedding of guided-distilled U-Nets (latent consistency models, Luo et al. 2023,
 * section 4.2: the guidance scale w is an input of the student, not a second unconditional pass), as diffusers'
 * `get_guidance_scale_embedding` computes it (after VDM's sinusoidal features): with h = floor(dim / 2) and
 * frequencies f_i = 10000^(-i / (h - 1)), i = 0..h-1,
 *   e(w) = [sin(1000 w f_0), ..., sin(1000 w f_{h-1}), cos(1000 w f_0), ..., cos(1000 w f_{h-1})]
 * (sines first), zero-padded by one value when dim is odd. The LCM pipeline passes w = guidance_scale - 1 (the
 * paper's w: eps_u + (w + 1)(eps_c - eps_u) is the usual scale g = w + 1) and feeds e(w) to the U-Net as
 * `timestep_cond`, whose size is the U-Net's `time_cond_proj_dim`.
 *
 * Computed in float64, stored as float32. diffusers (and its training scripts) compute it in float32, where
 * 1000 w f_i is rounded before sin and cos: for large w the two differ by up to about 1e-3 in the highest-frequency
 * features, far below anything the U-Net's linear projection of them resolves.
 */
export function guidanceScaleEmbedding(w: number, dim: number): Float32Array {
  if (typeof w !== 'number' || !Number.isFinite(w))
    throw new RangeError(`guidanceScaleEmbedding: w must be a finite number; got ${String(w)}.`);
  if (!Number.isInteger(dim) || dim < 4) {
    // h - 1 = 0 for dim < 4 divides by zero in diffusers' formula (NaN features).
    throw new RangeError(
      `guidanceScaleEmbedding: dim must be an integer >= 4 (the U-Net's time_cond_proj_dim); got ${String(dim)}.`,
    );
  }
  const half = Math.floor(dim / 2);
  const scaled = w * 1000;
  const out = new Float32Array(dim); // an odd dim leaves the last value 0: diffusers' zero pad
  const logStep = Math.log(10000) / (half - 1);
  for (let i = 0; i < half; i++) {
    const phase = scaled * Math.exp(-logStep * i);
    out[i] = Math.sin(phase);
    out[half + i] = Math.cos(phase);
  }
  return out;
}

/** `batch` copies of {@link guidanceScaleEmbedding}(w, dim), [batch, dim] flat: a U-Net call's `timestep_cond`. */
export function guidanceScaleEmbeddingBatch(w: number, dim: number, batch: number): Float32Array {
  const one = guidanceScaleEmbedding(w, dim);
  const out = new Float32Array(batch * dim);
  for (let b = 0; b < batch; b++) out.set(one, b * dim);
  return out;
}
