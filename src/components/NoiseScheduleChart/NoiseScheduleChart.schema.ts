import { labelField } from '../shared/props/commonFields';
import { booleanProp, callbackProp, customProp, numberProp } from '../shared/props/figureSchema';
import { checked, checkNumber, type Checked } from '../shared/props/propChecks';
import { resolveSchedule } from '../shared/props/resolveSchedule';
import { QUANTITIES, type ScheduleQuantity } from './quantities';
import {
  DEFAULT_SERIES,
  MAX_CHART_SERIES,
  sanitizeChartSeries,
  sanitizeQuantities,
  type NoiseScheduleChartSeries,
} from './useNoiseScheduleChart';

export type { NoiseScheduleChartSeries, ScheduleQuantity };

/** The longest schedule's number of steps (0 when a schedule is invalid: its own check reports it). */
function maxSteps(schedules: readonly NoiseScheduleChartSeries[]): number {
  let steps = 0;
  for (const [i, item] of schedules.entries()) {
    const spec = typeof item === 'object' && item !== null && 'schedule' in item ? item.schedule : item;
    steps = Math.max(steps, resolveSchedule(`schedules[${i}]`, spec).schedule?.betas.length ?? 0);
  }
  return steps;
}

/** The schedules, their shapes and sizes checked, then each one built (a degenerate one is refused by name). */
function checkSchedules(value: unknown): Checked<readonly NoiseScheduleChartSeries[]> {
  const sanitized = sanitizeChartSeries(value);
  if (sanitized.problem) return sanitized;
  for (const [i, item] of sanitized.value.entries()) {
    const { problem } = resolveSchedule(`schedules[${i}]`, item.schedule);
    if (problem) return { problem };
  }
  return sanitized as Checked<readonly NoiseScheduleChartSeries[]>;
}

/** The props of NoiseScheduleChart, in the order they are checked. */
export const noiseScheduleChartSchema = {
  schedules: /* @__PURE__ */ customProp<readonly NoiseScheduleChartSeries[]>({
    doc:
      'Schedules to compare: diffusers beta_schedule names or scheduler_config objects (snake_case keys, `num_train_timesteps` ' +
      'at most 10000), optionally `{ schedule, label }`.',
    type: 'readonly NoiseScheduleChartSeries[]',
    default: DEFAULT_SERIES,
    accepts: `1 to ${MAX_CHART_SERIES} schedules`,
    check: checkSchedules,
  }),
  quantities: /* @__PURE__ */ customProp<readonly ScheduleQuantity[], ScheduleQuantity[]>({
    doc: "Which quantities to plot, one panel each: 'beta', 'alphaBar', 'sqrtAlphaBar', 'snr' (log scale), 'logSnr'.",
    type: 'readonly ScheduleQuantity[]',
    default: [...QUANTITIES],
    accepts: 'each quantity at most once',
    control: 'check',
    options: QUANTITIES,
    check: sanitizeQuantities,
  }),
  t: /* @__PURE__ */ customProp<number, number | undefined>({
    doc:
      'Timestep of the crosshair (an integer on the x axis); hovering and the slider move it. Left out: no crosshair until the ' +
      'reader hovers or moves the slider.',
    type: 'number',
    default: undefined,
    accepts: "an integer from 0 to the longest schedule's last timestep",
    control: 'range',
    range: { min: 0, max: 999, integer: true },
    check: (x, earlier) => {
      const steps = maxSteps(earlier.schedules as readonly NoiseScheduleChartSeries[]);
      // With an invalid schedule (reported by its own check) the crosshair is not checked.
      if (steps === 0) return { value: undefined };
      return checked(checkNumber('t', x, { min: 0, max: steps - 1, integer: true }), x as number);
    },
  }),
  onTChange: /* @__PURE__ */ callbackProp<(t: number) => void>({
    doc: 'Called when the reader selects a timestep with the slider.',
    type: '(t: number) => void',
  }),
  showSlider: /* @__PURE__ */ booleanProp({
    doc: 'Show the labelled timestep slider (the keyboard way to move the crosshair).',
    default: true,
  }),
  panelWidth: /* @__PURE__ */ numberProp({ doc: 'Width of each panel in px.', default: 240, min: 120, max: 2000 }),
  panelHeight: /* @__PURE__ */ numberProp({ doc: 'Height of each panel in px.', default: 180, min: 100, max: 2000 }),
  label: /* @__PURE__ */ labelField('Noise schedules over the diffusion timestep'),
};
