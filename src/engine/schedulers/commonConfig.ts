import { alphasCumprodFromBetas } from '../schedules/alphas';
import {
  type BetaScheduleName,
  checkTrainedBetas,
  DEFAULT_BETA_END,
  DEFAULT_BETA_START,
  makeBetas,
} from '../schedules/betas';
import { rescaleZeroTerminalSnr } from '../schedules/rescaleZeroTerminalSnr';
import { SchedulerConfigError } from '../schedules/SchedulerConfigError';
import type { ConfigReader } from './ConfigReader';
import type { PredictionType, TimestepSpacing } from './types';

/** The `scheduler_config.json` keys every scheduler of the kit reads, resolved (diffusers' names). */
export type CommonSchedulerConfig = {
  /** Number of diffusion steps the model was trained with, T. */
  readonly num_train_timesteps: number;
  /** First beta of the `linear`, `scaled_linear` and `sigmoid` schedules. */
  readonly beta_start: number;
  /** Last beta of those schedules. */
  readonly beta_end: number;
  /** The named beta schedule. */
  readonly beta_schedule: BetaScheduleName;
  /** Explicit betas that replace the named schedule, or null. */
  readonly trained_betas: readonly number[] | null;
  /** What the model predicts. */
  readonly prediction_type: PredictionType;
  /** How inference timesteps are spread over 0..T-1. */
  readonly timestep_spacing: TimestepSpacing;
  /** Added to `leading` timesteps (Stable Diffusion uses 1). */
  readonly steps_offset: number;
  /** Rescale betas to zero terminal SNR (Lin et al. 2024). */
  readonly rescale_betas_zero_snr: boolean;
};

/** Per-class differences in the common keys: defaults and the values diffusers' class accepts. */
export interface CommonConfigRules {
  timestepSpacing: TimestepSpacing;
  betaSchedules: readonly BetaScheduleName[];
  predictionTypes: readonly PredictionType[];
  /** Older spellings this class maps to a current prediction type (e.g. `original_sample`). */
  predictionAliases?: Readonly<Record<string, PredictionType>>;
  /** Why a diffusers prediction type is refused by this class, if one is. */
  unsupportedPredictionTypes?: Readonly<Record<string, string>>;
  /**
   * The class's own defaults of the beta keys where they differ from the common ones (linear, 0.0001 to 0.02):
   * LCMScheduler defaults to Stable Diffusion's scaled_linear, 0.00085 to 0.012.
   */
  betaDefaults?: { betaSchedule: BetaScheduleName; betaStart: number; betaEnd: number };
}

const SPACINGS: readonly TimestepSpacing[] = ['leading', 'trailing', 'linspace'];

/** Reads and validates the common keys, with the class's defaults and accepted values from `rules`. */
export function readCommonConfig(read: ConfigReader, rules: CommonConfigRules): CommonSchedulerConfig {
  const num_train_timesteps = read.integer('num_train_timesteps', 1000, 1);
  const unsupportedSchedules: Record<string, string> = {};
  if (!rules.betaSchedules.includes('sigmoid'))
    unsupportedSchedules.sigmoid = "diffusers implements 'sigmoid' only in DDPMScheduler";
  const betaDefaults = rules.betaDefaults ?? {
    betaSchedule: 'linear',
    betaStart: DEFAULT_BETA_START,
    betaEnd: DEFAULT_BETA_END,
  };
  const beta_schedule = read.choice('beta_schedule', betaDefaults.betaSchedule, rules.betaSchedules, {
    unsupported: unsupportedSchedules,
  });
  const beta_start = read.number('beta_start', betaDefaults.betaStart);
  const beta_end = read.number('beta_end', betaDefaults.betaEnd);
  const trained_betas = read.numberArray('trained_betas');
  const prediction_type = read.choice('prediction_type', 'epsilon', rules.predictionTypes, {
    aliases: rules.predictionAliases,
    unsupported: {
      flow_prediction: 'flow-matching models need a flow-matching scheduler',
      ...rules.unsupportedPredictionTypes,
    },
  });
  const timestep_spacing = read.choice('timestep_spacing', rules.timestepSpacing, SPACINGS);
  const steps_offset = read.integer('steps_offset', 0, 0);
  const rescale_betas_zero_snr = read.boolean('rescale_betas_zero_snr', false);
  return {
    num_train_timesteps,
    beta_start,
    beta_end,
    beta_schedule,
    trained_betas,
    prediction_type,
    timestep_spacing,
    steps_offset,
    rescale_betas_zero_snr,
  };
}

/**
 * The keys of diffusers' x_0 clipping (DDPM, DDIM, LCM): clip the predicted x_0 to [-clip_sample_range,
 * clip_sample_range].
 */
export type ClipSampleConfig = {
  /** Clip the predicted x_0 (default true; false for LCMScheduler). */
  readonly clip_sample: boolean;
  /** The clipping bound (default 1). */
  readonly clip_sample_range: number;
};

/**
 * Reads `clip_sample` and `clip_sample_range` with diffusers' defaults (the class's `clip_sample` default is
 * `clipByDefault`).
 */
export function readClipSample(read: ConfigReader, clipByDefault = true): ClipSampleConfig {
  return {
    clip_sample: read.boolean('clip_sample', clipByDefault),
    clip_sample_range: read.number('clip_sample_range', 1, 'a number > 0', (x) => x > 0),
  };
}

/**
 * The keys of diffusers' dynamic thresholding (Saharia et al. 2022). The kit does not implement it, so
 * `thresholding` must be false; the other two keys are read (and checked) for completeness, unused.
 */
export type ThresholdingConfig = {
  /** Dynamic thresholding is not supported: always false. */
  readonly thresholding: false;
  /** Read for completeness; unused since thresholding is off. */
  readonly dynamic_thresholding_ratio: number;
  /** Read for completeness; unused since thresholding is off. */
  readonly sample_max_value: number;
};

/** Reads the thresholding keys; `clipSampleInstead` adds that clip_sample still works (schedulers that have it). */
export function readThresholding(
  read: ConfigReader,
  { clipSampleInstead }: { clipSampleInstead: boolean },
): ThresholdingConfig {
  const advice = `Dynamic thresholding is not supported; set thresholding to false${clipSampleInstead ? ' (clip_sample still works)' : ''}.`;
  return {
    thresholding: read.unsupportedFeature('thresholding', advice),
    dynamic_thresholding_ratio: read.number('dynamic_thresholding_ratio', 0.995),
    sample_max_value: read.number('sample_max_value', 1),
  };
}

/**
 * abar_{T-1} under zero terminal SNR for the samplers that work in sigma = sqrt((1 - abar) / abar): diffusers
 * (Euler, Euler ancestral, DPM-Solver) sets it to 2^-24 instead of 0, so that sigma_{T-1} (about 4096) stays finite.
 */
export const ZERO_SNR_TERMINAL_ALPHA_CUMPROD = 2 ** -24;

/** Options of {@link trainingSchedule}. */
export interface TrainingScheduleOptions {
  /**
   * With `rescale_betas_zero_snr`, replace abar_{T-1} = 0 by {@link ZERO_SNR_TERMINAL_ALPHA_CUMPROD} (default false).
   */
  finiteTerminalSigma?: boolean;
}

/**
 * The training schedule of a configuration: betas (after any zero-SNR rescaling) and abar. Errors in the
 * schedule keys are prefixed with `className`.
 */
export function trainingSchedule(
  config: CommonSchedulerConfig,
  className: string,
  { finiteTerminalSigma = false }: TrainingScheduleOptions = {},
): { betas: Float64Array; alphasCumprod: Float64Array } {
  let betas: Float64Array;
  try {
    betas =
      config.trained_betas !== null
        ? checkTrainedBetas(config.trained_betas, config.num_train_timesteps)
        : makeBetas({
            betaSchedule: config.beta_schedule,
            numTrainTimesteps: config.num_train_timesteps,
            betaStart: config.beta_start,
            betaEnd: config.beta_end,
          });
  } catch (error) {
    if (error instanceof SchedulerConfigError) {
      throw new SchedulerConfigError(error.key, error.accepted, error.received, `${className}: ${error.message}`);
    }
    throw error;
  }
  if (config.rescale_betas_zero_snr) betas = rescaleZeroTerminalSnr(betas);
  const alphasCumprod = alphasCumprodFromBetas(betas);
  if (config.rescale_betas_zero_snr && finiteTerminalSigma)
    alphasCumprod[alphasCumprod.length - 1] = ZERO_SNR_TERMINAL_ALPHA_CUMPROD;
  return { betas, alphasCumprod };
}
