/** alpha_t = 1 - beta_t (Ho et al. 2020, notation of section 2). */
export function alphasFromBetas(betas: ArrayLike<number>): Float64Array {
  return Float64Array.from(betas, (b) => 1 - b);
}

/**
 * abar_t = prod_{s <= t} (1 - beta_s), the signal fraction left at step t (Ho et al. 2020, eq. 4:
 * q(x_t | x_0) = N(sqrt(abar_t) x_0, (1 - abar_t) I)). Accumulated left to right, like `torch.cumprod`.
 */
export function alphasCumprodFromBetas(betas: ArrayLike<number>): Float64Array {
  const out = new Float64Array(betas.length);
  let product = 1;
  for (let i = 0; i < betas.length; i++) {
    product *= 1 - betas[i]!;
    out[i] = product;
  }
  return out;
}

/**
 * The inverse of {@link alphasCumprodFromBetas}: beta_0 = 1 - abar_0 and beta_t = 1 - abar_t / abar_{t-1}, the
 * betas of a schedule given by its abar (diffusers' `trained_betas` for it).
 */
export function betasFromAlphasCumprod(alphasCumprod: ArrayLike<number>): Float64Array {
  const betas = new Float64Array(alphasCumprod.length);
  if (betas.length > 0) betas[0] = 1 - alphasCumprod[0]!;
  for (let t = 1; t < betas.length; t++) betas[t] = 1 - alphasCumprod[t]! / alphasCumprod[t - 1]!;
  return betas;
}
