import { BETA_SCHEDULES } from '../../../engine';
import { callbackProp, customProp, numberProp } from './figureSchema';
import {
  checked,
  checkNumber,
  describeValue,
  errorText,
  type Checked,
  type NumberRange,
  type PropProblem,
} from './propChecks';
import { sanitizeScheduleSpec, type ScheduleSpec } from './resolveSchedule';
import type { ScheduleAbar } from './resolveScheduleAbar';

/**
 * The props the 2-D field figures (ScoreFieldPlot, GuidanceField) share: the schedule and the timestep on it, the
 * t slider's callback, the grid of arrows, the density's resolution and the view's extent. Each figure gives what
 * differs: its own limit on the schedule's steps (`resolve`), its defaults and ranges.
 */

/** The limits both 2-D field figures put on their grids, their schedule's steps, their extent and their seed. */
export const FIELD_PLOT_LIMITS = {
  gridSize: { integer: true, min: 2, max: 32 },
  densityResolution: { integer: true, min: 8, max: 256 },
  numTrainTimesteps: { integer: true, min: 2, max: 10_000 },
  extent: { min: 0, minExclusive: true, max: 1000 },
  seed: { integer: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
} as const;

/** The `data` problem a 2-D field figure shows when its exact computation throws; `where` says which, e.g. `at t = 3`. */
export function fieldComputeProblem(where: string, error: unknown): PropProblem {
  return { prop: 'data', message: `the figure could not be computed ${where}: ${errorText(error)}` };
}

/** A figure's way to build abar_t from its (sanitised) `schedule` prop, with its limit on the number of steps. */
export type ResolveFieldSchedule = (schedule: unknown) => ScheduleAbar | { problem: PropProblem };

/** The schedule's number of training steps T, or 0 when it cannot be built (its own check reports why). */
export function fieldScheduleSteps(resolve: ResolveFieldSchedule, schedule: unknown): number {
  const resolved = resolve(schedule);
  return 'problem' in resolved ? 0 : resolved.alphasCumprod.length;
}

/**
 * The `schedule` prop: its shape checked, then built by `resolve` (so that a schedule the figure cannot run is refused
 * here).
 */
export function fieldScheduleField<S extends ScheduleSpec>(o: { type: string; resolve: ResolveFieldSchedule }) {
  return customProp<S>({
    doc:
      "The noise schedule, as every figure takes one: a diffusers `beta_schedule` name (1000 steps) or a config with diffusers' " +
      "snake_case keys (`{ beta_schedule: 'linear', num_train_timesteps: 500 }`; camelCase accepted as an alias).",
    type: o.type,
    default: 'squaredcos_cap_v2' as S,
    defaultText: "'squaredcos_cap_v2'",
    accepts: 'schedules of 2 to 10000 training steps',
    control: 'select',
    options: BETA_SCHEDULES,
    check: (x): Checked<S> => {
      const spec = sanitizeScheduleSpec('schedule', x) as Checked<S>;
      if (spec.problem) return spec;
      const resolved = o.resolve(spec.value);
      return 'problem' in resolved ? { problem: resolved.problem } : spec;
    },
  });
}

/** The timestep `t`, an integer on the schedule read before it (any integer from 0 when that schedule is refused). */
export function fieldTimestepField(o: { doc: string; resolve: ResolveFieldSchedule }) {
  return customProp<number>({
    doc: o.doc,
    type: 'number',
    default: 0,
    accepts: "an integer from 0 to T - 1, T the schedule's number of training steps",
    control: 'range',
    range: { min: 0, max: 999, integer: true },
    check: (x, earlier) => {
      const T = fieldScheduleSteps(o.resolve, earlier.schedule);
      return checked(
        checkNumber('t', x, T > 0 ? { min: 0, max: T - 1, integer: true } : { min: 0, integer: true }),
        x as number,
      );
    },
  });
}

/** The callback of the t slider. */
export const onTChangeField = /* @__PURE__ */ callbackProp<(t: number) => void>({
  doc: 'Called with the new t when the reader moves the slider.',
  type: '(t: number) => void',
});

/** Arrows per side of the score grid. */
export function gridSizeField(o: { default: number; range: NumberRange }) {
  return numberProp({ doc: 'Arrows per side of the score grid.', default: o.default, ...o.range });
}

/** Density cells per side; `doc` may add the figure's limit on the work. */
export function densityResolutionField(o: { doc?: string; default: number; range: NumberRange }) {
  return numberProp({ doc: o.doc ?? 'Density cells per side.', default: o.default, ...o.range });
}

/** Half-width of the square view, automatic when left out. */
export function extentField(range: NumberRange) {
  return numberProp({
    doc: 'Half-width of the square view; automatic (data and N(0, I) both fit) when left out.',
    default: undefined,
    defaultText: 'automatic: the view fits both the data and N(0, I)',
    ...range,
  });
}

/**
 * Copies the on/off layers `keys` of a `show` prop (a plain object) into `out`, leaving out those it does not set;
 * the problem with the first that is not true or false, else null.
 */
export function readShowFlags<K extends string>(
  show: Readonly<Record<string, unknown>>,
  keys: readonly K[],
  out: Partial<Record<K, boolean>>,
): PropProblem | null {
  for (const key of keys) {
    const value = show[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean')
      return { prop: `show.${key}`, message: `show.${key} must be true or false; got ${describeValue(value)}.` };
    out[key] = value;
  }
  return null;
}
