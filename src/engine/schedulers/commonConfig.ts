import { alphasCumprodFromBetas } from '../schedules/alphas';
import { type BetaScheduleName, checkTrainedBetas, DEFAULT_BETA_END, DEFAULT_BETA_START, makeBetas } from '../schedules/betas';
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
}

const SPACINGS: readonly TimestepSpacing[] = ['leading', 'trailing', 'linspace'];

/** Reads and validates the common keys. */
export function readCommonConfig(read: ConfigReader, rules: CommonConfigRules): CommonSchedulerConfig {
  const num_train_timesteps = read.integer('num_train_timesteps', 1000, 1);
  const unsupportedSchedules: Record<string, string> = {};
  if (!rules.betaSchedules.includes('sigmoid')) unsupportedSchedules.sigmoid = "diffusers implements 'sigmoid' only in DDPMScheduler";
  const beta_schedule = read.choice('beta_schedule', 'linear', rules.betaSchedules, { unsupported: unsupportedSchedules });
  const beta_start = read.number('beta_start', DEFAULT_BETA_START);
  const beta_end = read.number('beta_end', DEFAULT_BETA_END);
  const trained_betas = read.numberArray('trained_betas');
  const prediction_type = read.choice('prediction_type', 'epsilon', rules.predictionTypes, {
    aliases: rules.predictionAliases,
    unsupported: { flow_prediction: 'flow-matching models need a flow-matching scheduler', ...rules.unsupportedPredictionTypes },
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

/** The training schedule of a configuration: betas (after any zero-SNR rescaling) and abar. */
export function trainingSchedule(config: CommonSchedulerConfig, className: string): { betas: Float64Array; alphasCumprod: Float64Array } {
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
  return { betas, alphasCumprod: alphasCumprodFromBetas(betas) };
}
