/**
 * Discrete noise schedules with diffusers' names and float64 values: betas, alphas, abar and the views
 * derived from abar (SNR, log-SNR, VE sigmas).
 */
export {
  BETA_SCHEDULES,
  DEFAULT_BETA_END,
  DEFAULT_BETA_START,
  betasForAlphaBar,
  cosineAlphaBar,
  isBetaScheduleName,
  linearBetas,
  makeBetas,
  scaledLinearBetas,
  sigmoidBetas,
  squaredcosCapV2Betas,
  type BetaOptions,
  type BetaScheduleName,
} from './betas';
export { alphasCumprodFromBetas, alphasFromBetas, betasFromAlphasCumprod } from './alphas';
export {
  logSnrFromAlphasCumprod,
  sigmasFromAlphasCumprod,
  snrFromAlphasCumprod,
  sqrtAlphasCumprod,
  sqrtOneMinusAlphasCumprod,
} from './derived';
export { rescaleZeroTerminalSnr } from './rescaleZeroTerminalSnr';
export { noiseSchedule, type NoiseSchedule, type NoiseScheduleOptions } from './noiseSchedule';
export { SchedulerConfigError } from './SchedulerConfigError';
