import { DIFFUSERS_CLASS_NAMES, SCHEDULER_NAMES, type SchedulerName } from '../../../engine';
import { describeValue, isPlainObject, safeCheck, type Checked, type PropProblem } from '../props/propChecks';
import { MAX_TRAIN_TIMESTEPS, sanitizeScheduleSpec } from '../props/resolveSchedule';

/** The longest prompt accepted, in characters (the model reads a handful of words). */
export const MAX_PROMPT_LENGTH = 1000;
/** The longest model URL accepted. */
export const MAX_MODEL_URL_LENGTH = 2048;
/** The side of one image in CSS pixels. */
export const CELL_SIZE_RANGE = { min: 4, max: 256 } as const;
/** The most keys of a scheduler_config object (diffusers' have about 20). */
const MAX_CONFIG_KEYS = 64;
const MAX_CONFIG_KEY_LENGTH = 64;
const MAX_CONFIG_STRING_LENGTH = 256;

/** Checks the model URL: a non-empty string. */
export function checkModelUrl(value: unknown): PropProblem | null {
  if (value === undefined || (typeof value === 'string' && value.length > 0 && value.length <= MAX_MODEL_URL_LENGTH))
    return null;
  const got =
    typeof value === 'string' ? (value.length === 0 ? "''" : `${value.length} characters`) : describeValue(value);
  return {
    prop: 'model',
    message: `model must be the URL of a model.json (a non-empty string of at most ${MAX_MODEL_URL_LENGTH} characters); got ${got}.`,
  };
}

/** A second model's URL prop (a live preview's, a student's): a model.json URL as `model`, or false for none. */
export function checkOptionalModel(prop: string, value: unknown): PropProblem | null {
  const problem = value === false ? null : checkModelUrl(value);
  return problem && { prop, message: `${prop} must be false or ${problem.message.replace(/^model must be /, '')}` };
}

/**
 * A diffusers scheduler_config object reduced to plain JSON values: at most 64 keys, each a string, a finite
 * number, true/false, null or an array of finite numbers (at most MAX_TRAIN_TIMESTEPS of them, its length
 * checked first); `_class_name` one of the kit's schedulers; the schedule keys checked as every schedule
 * prop is. The copy is what the figure keys its run on and sends to the engine.
 */
export function sanitizeSchedulerConfig(prop: string, value: unknown): Checked<Record<string, unknown>> {
  return safeCheck(prop, () => {
    if (!isPlainObject(value))
      return {
        problem: {
          prop,
          message: `${prop} must be a scheduler name or a diffusers scheduler_config object; got ${describeValue(value)}.`,
        },
      };
    const keys = Object.keys(value);
    if (keys.length > MAX_CONFIG_KEYS)
      return { problem: { prop, message: `${prop} must have at most ${MAX_CONFIG_KEYS} keys; got ${keys.length}.` } };
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (key.length > MAX_CONFIG_KEY_LENGTH)
        return {
          problem: {
            prop,
            message: `${prop} has a key of ${key.length} characters (at most ${MAX_CONFIG_KEY_LENGTH}).`,
          },
        };
      const v = value[key];
      const bad = (): Checked<Record<string, unknown>> => ({
        problem: {
          prop,
          message: `${prop}.${key} must be a string (at most ${MAX_CONFIG_STRING_LENGTH} characters), a finite number, true, false, null or an array of at most ${MAX_TRAIN_TIMESTEPS} numbers; got ${describeValue(v)}.`,
        },
      });
      if (v === null || typeof v === 'boolean') out[key] = v;
      else if (typeof v === 'number') {
        if (!Number.isFinite(v)) return bad();
        out[key] = v;
      } else if (typeof v === 'string') {
        if (v.length > MAX_CONFIG_STRING_LENGTH) return bad();
        out[key] = v;
      } else if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) {
        const list = v as ArrayLike<unknown>;
        if (!Number.isSafeInteger(list.length) || list.length > MAX_TRAIN_TIMESTEPS) return bad();
        const copy = new Array<number>(list.length);
        for (let i = 0; i < list.length; i++) {
          const x = list[i];
          if (typeof x !== 'number' || !Number.isFinite(x)) return bad();
          copy[i] = x;
        }
        out[key] = copy;
      } else return bad();
    }
    const className = out._class_name;
    const classNames = Object.values(DIFFUSERS_CLASS_NAMES);
    if (className !== undefined && className !== null && !classNames.includes(className as string)) {
      return {
        problem: {
          prop,
          message: `${prop}._class_name must be one of ${classNames.map((n) => `'${n}'`).join(', ')}; got ${describeValue(className)}.`,
        },
      };
    }
    // The schedule keys in diffusers' spelling, checked (types, sizes) as every schedule prop is.
    const schedule = sanitizeScheduleSpec(prop, {
      beta_schedule: out.beta_schedule,
      num_train_timesteps: out.num_train_timesteps,
      beta_start: out.beta_start,
      beta_end: out.beta_end,
      trained_betas: out.trained_betas,
      rescale_betas_zero_snr: out.rescale_betas_zero_snr,
    });
    if (schedule.problem) return { problem: schedule.problem };
    return { value: out };
  });
}

/**
 * Checks the scheduler prop: a short name, or (when allowed) a scheduler_config object; returns the sanitised value.
 */
export function checkSchedulerProp(
  value: unknown,
  allowSchedulerConfig = true,
): Checked<SchedulerName | Record<string, unknown>> {
  if (SCHEDULER_NAMES.includes(value as never)) return { value: value as SchedulerName };
  if (allowSchedulerConfig && isPlainObject(value)) return sanitizeSchedulerConfig('scheduler', value);
  return {
    problem: {
      prop: 'scheduler',
      message: `scheduler must be one of ${SCHEDULER_NAMES.map((n) => `'${n}'`).join(', ')}${allowSchedulerConfig ? ' or a diffusers scheduler_config object' : ''}; got ${describeValue(value)}.`,
    },
  };
}
