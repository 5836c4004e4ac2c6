import type { BetaScheduleName, NoiseSchedule } from '../../../engine';
import { noiseScheduleFromConfig, type DiffusersScheduleConfig } from '../../../engine/internal';
import { describeValue, errorText, isPlainObject, safeCheck, type Checked, type PropProblem } from './propChecks';

export type { DiffusersScheduleConfig };

/**
 * A noise schedule as components accept it: a diffusers `beta_schedule` name (1000 steps) or a config with
 * diffusers' snake_case keys (`beta_schedule`, `num_train_timesteps`, `beta_start`, `beta_end`,
 * `trained_betas`, `rescale_betas_zero_snr`). The engine's camelCase spellings (`betaSchedule`,
 * `numTrainTimesteps`, ...) are accepted as aliases.
 */
export type ScheduleSpec = BetaScheduleName | DiffusersScheduleConfig;

/** The result of {@link resolveSchedule}: the schedule, or the problem to show instead of the figure. */
export type ResolvedSchedule = { schedule: NoiseSchedule; problem: null } | { schedule: null; problem: PropProblem };

/**
 * The most training timesteps a figure draws a schedule of (real models use 1000, a few 4000). Each step is a
 * point of a chart and a slider position; beyond this the work and the markup grow with no gain to a reader.
 */
export const MAX_TRAIN_TIMESTEPS = 10_000;

/** A schedule config reduced to the keys the kit reads, each checked for its type and size. */
export interface SanitizedScheduleConfig {
  beta_schedule?: string;
  num_train_timesteps?: number;
  beta_start?: number;
  beta_end?: number;
  trained_betas?: number[];
  rescale_betas_zero_snr?: boolean;
}

/** A schedule prop after {@link sanitizeScheduleSpec}: a name, or a sanitised config. */
export type SanitizedScheduleSpec = string | SanitizedScheduleConfig;

/** The schedule keys, in diffusers' spelling and the engine's camelCase alias. */
const KEYS = [
  ['beta_schedule', 'betaSchedule'],
  ['num_train_timesteps', 'numTrainTimesteps'],
  ['beta_start', 'betaStart'],
  ['beta_end', 'betaEnd'],
  ['trained_betas', 'trainedBetas'],
  ['rescale_betas_zero_snr', 'rescaleBetasZeroSnr'],
] as const;

const MAX_NAME_LENGTH = 64;

/** An array of numbers (plain or typed), checked for its length before any element is read. */
function readTrainedBetas(prop: string, value: unknown): Checked<number[]> {
  const isArray = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isArray)
    return {
      problem: {
        prop,
        message: `${prop}: trained_betas must be an array of numbers in [0, 1]; got ${describeValue(value)}.`,
      },
    };
  const list = value as ArrayLike<unknown>;
  const n = list.length;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_TRAIN_TIMESTEPS) {
    return {
      problem: {
        prop,
        message: `${prop}: trained_betas must hold from 1 to ${MAX_TRAIN_TIMESTEPS} betas (the limit on training steps); got ${n}.`,
      },
    };
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const b = list[i];
    if (typeof b !== 'number' || !(b >= 0 && b <= 1)) {
      return {
        problem: { prop, message: `${prop}: trained_betas[${i}] must be a number in [0, 1]; got ${describeValue(b)}.` },
      };
    }
    out[i] = b;
  }
  return { value: out };
}

/**
 * Checks the shape of a schedule prop without building it: a name (a short string), or a plain object whose
 * schedule keys have the right types and sizes (`num_train_timesteps` at most {@link MAX_TRAIN_TIMESTEPS},
 * `trained_betas` checked for its length before it is copied). Other keys (`_class_name`, ...) are left out
 * of the copy. The values themselves (a known name, beta ranges) are the engine's to check. Never throws.
 */
export function sanitizeScheduleSpec(prop: string, spec: unknown): Checked<SanitizedScheduleSpec> {
  return safeCheck(prop, () => {
    if (typeof spec === 'string') {
      return spec.length <= MAX_NAME_LENGTH
        ? { value: spec }
        : {
            problem: {
              prop,
              message: `${prop} must be a diffusers beta_schedule name; got a string of ${spec.length} characters.`,
            },
          };
    }
    if (!isPlainObject(spec)) {
      return {
        problem: {
          prop,
          message: `${prop} must be a diffusers beta_schedule name or a scheduler_config object; got ${describeValue(spec)}.`,
        },
      };
    }
    const out: SanitizedScheduleConfig = {};
    for (const [key, alias] of KEYS) {
      const snake = spec[key] ?? undefined;
      const camel = spec[alias] ?? undefined;
      if (snake !== undefined && camel !== undefined && snake !== camel) {
        return { problem: { prop, message: `${prop}: give ${key} or its alias ${alias}, not both.` } };
      }
      const value = snake ?? camel;
      if (value === undefined) continue;
      const bad = (what: string): Checked<SanitizedScheduleSpec> => ({
        problem: { prop, message: `${prop}: ${key} must be ${what}; got ${describeValue(value)}.` },
      });
      switch (key) {
        case 'beta_schedule':
          if (typeof value !== 'string' || value.length > MAX_NAME_LENGTH) return bad('a diffusers beta_schedule name');
          out.beta_schedule = value;
          break;
        case 'num_train_timesteps':
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TRAIN_TIMESTEPS) {
            return bad(`an integer from 1 to ${MAX_TRAIN_TIMESTEPS} (the limit on training steps)`);
          }
          out.num_train_timesteps = value;
          break;
        case 'beta_start':
        case 'beta_end':
          if (typeof value !== 'number' || !Number.isFinite(value)) return bad('a number between 0 and 1');
          out[key] = value;
          break;
        case 'trained_betas': {
          const betas = readTrainedBetas(prop, value);
          if (betas.problem) return betas;
          out.trained_betas = betas.value;
          break;
        }
        case 'rescale_betas_zero_snr':
          if (typeof value !== 'boolean') return bad('true or false');
          out.rescale_betas_zero_snr = value;
          break;
      }
    }
    return { value: out };
  });
}

/**
 * A schedule built from accepted values can still be degenerate: with large betas over many steps alpha-bar
 * underflows to 0 long before the end, and rescaling to zero terminal SNR then divides 0 by 0. Every beta and
 * alpha-bar must be a number in [0, 1], or the figures would draw NaN.
 */
function checkScheduleValues(prop: string, schedule: NoiseSchedule): PropProblem | null {
  const { betas, alphasCumprod } = schedule;
  for (let t = 0; t < betas.length; t++) {
    const b = betas[t]!;
    const a = alphasCumprod[t]!;
    if (!(b >= 0 && b <= 1 && a >= 0 && a <= 1)) {
      return {
        prop,
        message:
          `${prop}: this schedule is degenerate: at t = ${t} beta is ${describeValue(b)} and alpha-bar ${describeValue(a)}, not numbers in [0, 1] ` +
          '(alpha-bar reaches 0 too early); choose smaller betas, fewer steps or no rescale_betas_zero_snr.',
      };
    }
  }
  return null;
}

const cache = new Map<string, NoiseSchedule>();
const CACHE_SIZE = 16;

/**
 * Builds the engine's {@link NoiseSchedule} for a schedule prop (`noiseScheduleFromConfig`), never throwing:
 * a value of the wrong type or size, an unknown name or a bad config value becomes a problem naming the prop
 * and the diffusers key. Results are cached by content, so an inline config object does not rebuild the
 * schedule on every render.
 */
export function resolveSchedule(prop: string, spec: unknown): ResolvedSchedule {
  const sanitized = sanitizeScheduleSpec(prop, spec);
  if (sanitized.problem) return { schedule: null, problem: sanitized.problem };
  const clean = sanitized.value;
  const key = JSON.stringify(clean);
  const hit = cache.get(key);
  if (hit) return { schedule: hit, problem: null };
  try {
    const schedule = noiseScheduleFromConfig(clean as ScheduleSpec);
    const degenerate = checkScheduleValues(prop, schedule);
    if (degenerate) return { schedule: null, problem: degenerate };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, schedule);
    return { schedule, problem: null };
  } catch (error) {
    return { schedule: null, problem: { prop, message: `${prop}: ${errorText(error)}` } };
  }
}

/** A short label for a schedule prop: its name, or the config's beta_schedule (`trained_betas` when given). */
export function scheduleLabel(spec: ScheduleSpec | SanitizedScheduleSpec): string {
  const clean = sanitizeScheduleSpec('schedule', spec);
  if (clean.problem) return 'custom';
  const value = clean.value;
  if (typeof value === 'string') return value;
  if (value.trained_betas !== undefined) return 'trained_betas';
  return value.beta_schedule ?? 'linear';
}
