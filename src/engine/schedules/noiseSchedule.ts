import { alphasCumprodFromBetas, alphasFromBetas } from './alphas';
import { type BetaOptions, makeBetas } from './betas';
import {
  logSnrFromAlphasCumprod,
  sigmasFromAlphasCumprod,
  snrFromAlphasCumprod,
  sqrtAlphasCumprod,
  sqrtOneMinusAlphasCumprod,
} from './derived';
import { rescaleZeroTerminalSnr } from './rescaleZeroTerminalSnr';

/** Options of {@link noiseSchedule}: a beta schedule and, optionally, diffusers' zero-terminal-SNR rescaling. */
export interface NoiseScheduleOptions extends BetaOptions {
  /** diffusers' `rescale_betas_zero_snr`: rescale so abar at the last step is 0 (default false). */
  rescaleBetasZeroSnr?: boolean;
}

/** Every per-timestep quantity of a discrete noise schedule, indexed by training timestep t = 0..T-1. */
export interface NoiseSchedule {
  /** beta_t, the variance added at step t. */
  readonly betas: Float64Array;
  /** alpha_t = 1 - beta_t. */
  readonly alphas: Float64Array;
  /** abar_t = prod_{s <= t} alpha_s. */
  readonly alphasCumprod: Float64Array;
  /** sqrt(abar_t). */
  readonly sqrtAlphasCumprod: Float64Array;
  /** sqrt(1 - abar_t). */
  readonly sqrtOneMinusAlphasCumprod: Float64Array;
  /** abar_t / (1 - abar_t). */
  readonly snr: Float64Array;
  /** log(abar_t / (1 - abar_t)). */
  readonly logSnr: Float64Array;
  /** sqrt((1 - abar_t) / abar_t). */
  readonly sigmas: Float64Array;
}

/**
 * Builds a whole noise schedule at once, for charts and explanations. Schedulers do the same internally
 * from their `scheduler_config.json`.
 */
export function noiseSchedule(options: NoiseScheduleOptions = {}): NoiseSchedule {
  let betas = makeBetas(options);
  if (options.rescaleBetasZeroSnr) betas = rescaleZeroTerminalSnr(betas);
  const alphasCumprod = alphasCumprodFromBetas(betas);
  return {
    betas,
    alphas: alphasFromBetas(betas),
    alphasCumprod,
    sqrtAlphasCumprod: sqrtAlphasCumprod(alphasCumprod),
    sqrtOneMinusAlphasCumprod: sqrtOneMinusAlphasCumprod(alphasCumprod),
    snr: snrFromAlphasCumprod(alphasCumprod),
    logSnr: logSnrFromAlphasCumprod(alphasCumprod),
    sigmas: sigmasFromAlphasCumprod(alphasCumprod),
  };
}
