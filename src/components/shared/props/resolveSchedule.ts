import { noiseScheduleFromConfig, SchedulerConfigError, type BetaScheduleName, type DiffusersScheduleConfig, type NoiseSchedule } from '../../../engine';
import type { PropProblem } from './propChecks';

export type { DiffusersScheduleConfig };

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
 * Builds the engine's {@link NoiseSchedule} for a schedule prop (`noiseScheduleFromConfig`), never throwing:
 * an unknown name or a bad config value becomes a problem naming the prop and the diffusers key. Results are
 * cached by content, so an inline config object does not rebuild the schedule on every render.
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
    const schedule = noiseScheduleFromConfig(typed);
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
