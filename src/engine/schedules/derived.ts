/**
 * Views derived from abar_t (`alphasCumprod`), each a new Float64Array of the same length. They are the
 * quantities charts and samplers speak in: the VP coefficients of x_0 and eps, the signal-to-noise ratio,
 * and the equivalent VE noise level sigma_t (Karras et al. 2022).
 */

/** sqrt(abar_t): the coefficient of x_0 in x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps. */
export function sqrtAlphasCumprod(alphasCumprod: ArrayLike<number>): Float64Array {
  return Float64Array.from(alphasCumprod, (a) => Math.sqrt(a));
}

/** sqrt(1 - abar_t): the coefficient of eps in x_t. */
export function sqrtOneMinusAlphasCumprod(alphasCumprod: ArrayLike<number>): Float64Array {
  return Float64Array.from(alphasCumprod, (a) => Math.sqrt(1 - a));
}

/** SNR_t = abar_t / (1 - abar_t) (Kingma et al. 2021). */
export function snrFromAlphasCumprod(alphasCumprod: ArrayLike<number>): Float64Array {
  return Float64Array.from(alphasCumprod, (a) => a / (1 - a));
}

/** log SNR_t = log(abar_t) - log(1 - abar_t); twice DPM-Solver's lambda_t (Lu et al. 2022). */
export function logSnrFromAlphasCumprod(alphasCumprod: ArrayLike<number>): Float64Array {
  return Float64Array.from(alphasCumprod, (a) => Math.log(a) - Math.log1p(-a));
}

/**
 * sigma_t = sqrt((1 - abar_t) / abar_t) = 1 / sqrt(SNR_t): the noise level of the equivalent
 * variance-exploding process x_t / sqrt(abar_t) = x_0 + sigma_t eps, used by the Euler samplers.
 */
export function sigmasFromAlphasCumprod(alphasCumprod: ArrayLike<number>): Float64Array {
  return Float64Array.from(alphasCumprod, (a) => Math.sqrt((1 - a) / a));
}
