import { BETA_SCHEDULES, DEFAULT_BETA_END, DEFAULT_BETA_START, type BetaScheduleName } from '../schedules/betas';
import { noiseSchedule, type NoiseSchedule } from '../schedules/noiseSchedule';
import { ConfigReader } from './ConfigReader';

/**
 * The schedule keys of a diffusers `scheduler_config.json`, spelt as in the JSON file (snake_case). Other
 * keys (`_class_name`, `prediction_type`, ...) may be present and are ignored.
 */
export interface DiffusersScheduleConfig {
  /** `linear`, `scaled_linear`, `squaredcos_cap_v2` or `sigmoid` (default `linear`). */
  beta_schedule?: string;
  /** Number of training steps T (default 1000). */
  num_train_timesteps?: number;
  /** First beta of the linear-type schedules (default 0.0001). */
  beta_start?: number;
  /** Last beta of the linear-type schedules (default 0.02). */
  beta_end?: number;
  /** Explicit betas, one per training step; override `beta_schedule`. */
  trained_betas?: ArrayLike<number> | null;
  /** Rescale to zero terminal SNR (Lin et al. 2024; default false). */
  rescale_betas_zero_snr?: boolean;
  [key: string]: unknown;
}

/**
 * The noise schedule of a diffusers `scheduler_config.json`, or of a bare `beta_schedule` name with
 * diffusers' defaults (T = 1000). Keys are read by the schedulers' rules ({@link ConfigReader}); an invalid
 * value throws a `SchedulerConfigError` naming the key.
 */
export function noiseScheduleFromConfig(config: BetaScheduleName | DiffusersScheduleConfig): NoiseSchedule {
  const read = new ConfigReader(typeof config === 'string' ? { beta_schedule: config } : config);
  const numTrainTimesteps = read.integer('num_train_timesteps', 1000, 1);
  const trainedBetas = read.numberArray('trained_betas');
  return noiseSchedule({
    numTrainTimesteps,
    trainedBetas,
    // As in diffusers, explicit betas make the schedule's name irrelevant.
    betaSchedule: trainedBetas ? undefined : read.choice('beta_schedule', 'linear', BETA_SCHEDULES),
    betaStart: read.number('beta_start', DEFAULT_BETA_START),
    betaEnd: read.number('beta_end', DEFAULT_BETA_END),
    rescaleBetasZeroSnr: read.boolean('rescale_betas_zero_snr', false),
  });
}
