import { interpOnIntegerGrid, linspace } from '../schedules/numpyGrids';

/**
 * Noise-level grids for the samplers that work in sigma = sqrt((1 - abar) / abar) (Karras et al. 2022).
 */

/**
 * sigma at each (possibly fractional) timestep: linear interpolation between the training sigmas
 * (`trainSigmas[t]` = sigma_t, ascending in t), as diffusers' `np.interp(timesteps, arange(T), sigmas)`.
 */
export function sigmasAtTimesteps(timesteps: readonly number[], trainSigmas: Float64Array): number[] {
  return timesteps.map((t) => interpOnIntegerGrid(t, trainSigmas));
}

/** Karras et al. 2022, eq. 5: n sigmas from sigmaMax down to sigmaMin, evenly spaced in sigma^(1/rho). */
export function karrasSigmas(sigmaMin: number, sigmaMax: number, n: number, rho = 7): Float64Array {
  const minInvRho = sigmaMin ** (1 / rho);
  const maxInvRho = sigmaMax ** (1 / rho);
  return Float64Array.from(linspace(0, 1, n), (ramp) => (maxInvRho + ramp * (minInvRho - maxInvRho)) ** rho);
}

/**
 * The fractional training timestep whose sigma is `sigma`, by linear interpolation in log sigma between
 * neighbouring training steps (diffusers' `_sigma_to_t`). `logSigmas[t]` = log sigma_t, ascending in t.
 * Values outside the training range clamp to the ends.
 */
export function sigmaToTimestep(sigma: number, logSigmas: Float64Array): number {
  const logSigma = Math.log(Math.max(sigma, 1e-10));
  // low = the last t with log sigma_t <= log sigma (0 if none), at most T-2 so that low + 1 exists.
  let low = 0;
  for (let t = 0; t < logSigmas.length; t++) if (logSigmas[t]! <= logSigma) low = t;
  low = Math.min(low, logSigmas.length - 2);
  const high = low + 1;
  const lowValue = logSigmas[low]!;
  const highValue = logSigmas[high]!;
  const w = Math.min(1, Math.max(0, (lowValue - logSigma) / (lowValue - highValue)));
  return (1 - w) * low + w * high;
}

/**
 * The scale of the starting noise x_T for the sigma (Euler-family) schedulers, as diffusers computes it:
 * sigma_max for `linspace` and `trailing` spacing (their first timestep is T-1), sqrt(sigma_max^2 + 1) otherwise.
 */
export function initialNoiseSigma(sigmas: ArrayLike<number>, spacing: string): number {
  let max = 0;
  for (let i = 0; i < sigmas.length; i++) max = Math.max(max, sigmas[i]!);
  return spacing === 'linspace' || spacing === 'trailing' ? max : Math.sqrt(max * max + 1);
}
