import { useMemo } from 'react';
import type { NoiseSchedule } from '../../engine';
import { formatNumber } from '../shared/format/formatNumber';
import {
  checkNumber,
  checkString,
  describeValue,
  isPlainObject,
  safeCheck,
  type Checked,
  type PropProblem,
} from '../shared/props/propChecks';
import {
  resolveSchedule,
  sanitizeScheduleSpec,
  scheduleLabel,
  type SanitizedScheduleSpec,
  type ScheduleSpec,
} from '../shared/props/resolveSchedule';
import { QUANTITIES, QUANTITY_INFO, type ScheduleQuantity } from './quantities';

/** A schedule to plot: a diffusers name or config, optionally with its own legend label. */
export type NoiseScheduleChartSeries = ScheduleSpec | { schedule: ScheduleSpec; label?: string };

/** The default comparison: the linear schedule of DDPM and the cosine schedule of improved DDPM, 1000 steps. */
export const DEFAULT_SERIES: readonly NoiseScheduleChartSeries[] = [
  { schedule: 'linear', label: 'linear' },
  { schedule: 'squaredcos_cap_v2', label: 'cosine (squaredcos_cap_v2)' },
];

/** One resolved schedule of the chart. */
export interface ChartSeries {
  label: string;
  schedule: NoiseSchedule;
  /** Number of training steps T. */
  steps: number;
}

/** One panel: a quantity, its y extent over every series, and whether its axis is logarithmic. */
export interface ChartPanel {
  quantity: ScheduleQuantity;
  title: string;
  short: string;
  log: boolean;
  /** [min, max] of the finite (and, on a log axis, positive) values of every series. */
  extent: [number, number];
}

/** The plain model the chart draws. */
export interface NoiseScheduleChartModel {
  series: ChartSeries[];
  panels: ChartPanel[];
  /** The largest T: the x axis runs from 0 to maxSteps - 1. */
  maxSteps: number;
  /** A text description of the figure. */
  description: string;
}

function isSeriesObject(item: unknown): item is { schedule: unknown; label?: unknown } {
  return isPlainObject(item) && 'schedule' in item;
}

/** The most schedules a chart compares. */
export const MAX_CHART_SERIES = 8;
/** The longest series label. */
export const MAX_SERIES_LABEL_LENGTH = 200;

/** A series after {@link sanitizeChartSeries}: a checked schedule spec and its label. */
export interface SanitizedChartSeries {
  schedule: SanitizedScheduleSpec;
  label: string;
}

/**
 * Checks the `schedules` prop: an array of 1 to 8 schedules (names or configs, with or without a label),
 * each schedule's shape checked (see `sanitizeScheduleSpec`) and each label a short string. Never throws.
 */
export function sanitizeChartSeries(items: unknown): Checked<SanitizedChartSeries[]> {
  return safeCheck('schedules', () => {
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_CHART_SERIES) {
      return {
        problem: {
          prop: 'schedules',
          message: `schedules must be an array of 1 to ${MAX_CHART_SERIES} schedules (diffusers names or configs); got ${describeValue(items)}.`,
        },
      };
    }
    const out: SanitizedChartSeries[] = [];
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      const prop = `schedules[${i}]`;
      const spec = sanitizeScheduleSpec(prop, isSeriesObject(item) ? item.schedule : item);
      if (spec.problem) return { problem: spec.problem };
      let label = scheduleLabel(spec.value);
      if (isSeriesObject(item) && item.label !== undefined && item.label !== '') {
        const problem = checkString(`${prop}.label`, item.label, { maxLength: MAX_SERIES_LABEL_LENGTH });
        if (problem) return { problem: { prop, message: problem.message } };
        label = item.label as string;
      }
      out.push({ schedule: spec.value, label });
    }
    return { value: out };
  });
}

/** Checks the `quantities` prop: 1 to 5 of {@link QUANTITIES}, none twice. */
export function sanitizeQuantities(quantities: unknown): Checked<ScheduleQuantity[]> {
  return safeCheck('quantities', () => {
    const ok =
      Array.isArray(quantities) &&
      quantities.length > 0 &&
      quantities.length <= QUANTITIES.length &&
      quantities.every((q) => (QUANTITIES as readonly unknown[]).includes(q)) &&
      new Set(quantities).size === quantities.length;
    return ok
      ? { value: [...(quantities as ScheduleQuantity[])] }
      : {
          problem: {
            prop: 'quantities',
            message: `quantities must be a non-empty array of ${QUANTITIES.map((q) => `'${q}'`).join(', ')}, each at most once; got ${describeValue(quantities)}.`,
          },
        };
  });
}

/** The value plotted for `series` at `t`, or undefined past its last step. Exactly the engine's number. */
export function valueAt(series: ChartSeries, quantity: ScheduleQuantity, t: number): number | undefined {
  return t >= 0 && t < series.steps ? QUANTITY_INFO[quantity].read(series.schedule)[t] : undefined;
}

function extentOf(arrays: Float64Array[], log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (const v of a) {
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return log ? [1e-3, 1] : [0, 1];
  if (lo === hi) return log ? [lo / 10, hi * 10] : [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/** First t with log SNR <= 0 (signal and noise of equal variance), or -1. */
function snrCrossing(s: NoiseSchedule): number {
  return s.logSnr.findIndex((v) => v <= 0);
}

function describe(series: ChartSeries[], panels: ChartPanel[], maxSteps: number): string {
  const f = (v: number) => formatNumber(v, 3);
  const parts = series.map((s) => {
    const last = s.steps - 1;
    const cross = snrCrossing(s.schedule);
    return (
      `${s.label} (${s.steps} steps): β from ${f(s.schedule.betas[0]!)} to ${f(s.schedule.betas[last]!)}, ` +
      `ᾱ at the last step ${f(s.schedule.alphasCumprod[last]!)}, ` +
      (cross >= 0 ? `signal-to-noise ratio falls below 1 at t = ${cross}` : 'signal-to-noise ratio stays above 1')
    );
  });
  return (
    `Noise schedule quantities over timestep t from 0 to ${maxSteps - 1}, one panel each: ` +
    `${panels.map((p) => p.title).join('; ')}. ${parts.join('. ')}.`
  );
}

/** Builds the model, or the first problem: a bad schedule names `schedules[i]` and the diffusers key. */
export function buildNoiseScheduleChartModel(
  items: unknown,
  quantities: unknown,
): { model: NoiseScheduleChartModel; problem: null } | { model: null; problem: PropProblem } {
  const checkedItems = sanitizeChartSeries(items);
  if (checkedItems.problem) return { model: null, problem: checkedItems.problem };
  const checkedQuantities = sanitizeQuantities(quantities);
  if (checkedQuantities.problem) return { model: null, problem: checkedQuantities.problem };
  const series: ChartSeries[] = [];
  for (const [i, item] of checkedItems.value.entries()) {
    const resolved = resolveSchedule(`schedules[${i}]`, item.schedule);
    if (resolved.problem) return { model: null, problem: resolved.problem };
    series.push({ label: item.label, schedule: resolved.schedule, steps: resolved.schedule.betas.length });
  }
  const maxSteps = Math.max(...series.map((s) => s.steps));
  const panels = checkedQuantities.value.map((quantity): ChartPanel => {
    const info = QUANTITY_INFO[quantity];
    return {
      quantity,
      title: info.title,
      short: info.short,
      log: info.log,
      extent: extentOf(
        series.map((s) => info.read(s.schedule)),
        info.log,
      ),
    };
  });
  return { model: { series, panels, maxSteps, description: describe(series, panels, maxSteps) }, problem: null };
}

/** Checks a selected timestep against the chart's x axis. */
export function checkChartT(t: number | undefined, maxSteps: number): PropProblem | null {
  return t === undefined ? null : checkNumber('t', t, { min: 0, max: maxSteps - 1, integer: true });
}

/**
 * The model of a NoiseScheduleChart, rebuilt only when the schedules or quantities change in content
 * (compared by the JSON of their sanitised copies, so inline arrays and config objects do not rebuild it).
 */
export function useNoiseScheduleChart(items: unknown, quantities: unknown) {
  const cleanItems = sanitizeChartSeries(items);
  const cleanQuantities = sanitizeQuantities(quantities);
  const key = JSON.stringify([cleanItems, cleanQuantities]);
  return useMemo(() => buildNoiseScheduleChartModel(items, quantities), [key]);
}
