import { noiseSchedule, type BetaScheduleName, type NoiseSchedule } from '../../engine/schedules';
import { SchedulerConfigError } from '../../engine/schedules/SchedulerConfigError';
import type { PropProblem } from './propChecks';

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

/** A noise schedule as components accept it: a diffusers `beta_schedule` name (1000 steps) or a config. */
export type ScheduleSpec = BetaScheduleName | DiffusersScheduleConfig;

/** The result of {@link resolveSchedule}: the schedule, or the problem to show instead of the figure. */
export type ResolvedSchedule = { schedule: NoiseSchedule; problem: null } | { schedule: null; problem: PropProblem };

const cache = new Map<string, NoiseSchedule>();
const CACHE_SIZE = 16;

function cacheKey(spec: ScheduleSpec): string {
  if (typeof spec === 'string') return spec;
  const betas = spec.trained_betas;
  return JSON.stringify([
    spec.beta_schedule ?? null,
    spec.num_train_timesteps ?? null,
    spec.beta_start ?? null,
    spec.beta_end ?? null,
    spec.rescale_betas_zero_snr ?? null,
    betas == null ? null : Array.from(betas),
  ]);
}

/**
 * Builds the engine's {@link NoiseSchedule} for a schedule prop, never throwing: an unknown name or a bad
 * config value becomes a problem naming the prop and the diffusers key. Results are cached by content, so
 * an inline config object does not rebuild the schedule on every render.
 */
export function resolveSchedule(prop: string, spec: unknown): ResolvedSchedule {
  if (typeof spec !== 'string' && (typeof spec !== 'object' || spec === null || Array.isArray(spec))) {
    return {
      schedule: null,
      problem: { prop, message: `${prop} must be a diffusers beta_schedule name or a scheduler_config object; got ${spec === null ? 'null' : typeof spec}.` },
    };
  }
  const typed = spec as ScheduleSpec;
  const key = cacheKey(typed);
  const hit = cache.get(key);
  if (hit) return { schedule: hit, problem: null };
  try {
    const config: DiffusersScheduleConfig = typeof typed === 'string' ? { beta_schedule: typed } : typed;
    const schedule = noiseSchedule({
      betaSchedule: config.beta_schedule ?? 'linear',
      numTrainTimesteps: config.num_train_timesteps ?? 1000,
      betaStart: config.beta_start ?? undefined,
      betaEnd: config.beta_end ?? undefined,
      trainedBetas: config.trained_betas ?? null,
      rescaleBetasZeroSnr: config.rescale_betas_zero_snr ?? false,
    });
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, schedule);
    return { schedule, problem: null };
  } catch (error) {
    if (error instanceof SchedulerConfigError) return { schedule: null, problem: { prop, message: `${prop}: ${error.message}` } };
    throw error;
  }
}

/** A short label for a schedule prop: its name, or the config's beta_schedule (`trained_betas` when given). */
export function scheduleLabel(spec: ScheduleSpec): string {
  if (typeof spec === 'string') return spec;
  if (spec.trained_betas != null) return 'trained_betas';
  return spec.beta_schedule ?? 'linear';
}
