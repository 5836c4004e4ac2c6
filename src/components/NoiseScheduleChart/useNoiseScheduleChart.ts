import { useMemo } from 'react';
import type { NoiseSchedule } from '../../engine';
import { formatNumber } from '../shared/format/formatNumber';
import { checkNumber, type PropProblem } from '../shared/props/propChecks';
import { resolveSchedule, scheduleLabel, type ScheduleSpec } from '../shared/props/resolveSchedule';
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

function isSeriesObject(item: unknown): item is { schedule: ScheduleSpec; label?: string } {
  return typeof item === 'object' && item !== null && 'schedule' in item;
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
  items: readonly NoiseScheduleChartSeries[],
  quantities: readonly ScheduleQuantity[],
): { model: NoiseScheduleChartModel; problem: null } | { model: null; problem: PropProblem } {
  if (!Array.isArray(items) || items.length === 0 || items.length > 8) {
    return { model: null, problem: { prop: 'schedules', message: 'schedules must be an array of 1 to 8 schedules (diffusers names or configs).' } };
  }
  if (!Array.isArray(quantities) || quantities.length === 0 || quantities.some((q) => !(QUANTITIES as readonly string[]).includes(q))) {
    return {
      model: null,
      problem: { prop: 'quantities', message: `quantities must be a non-empty array of ${QUANTITIES.map((q) => `'${q}'`).join(', ')}; got ${JSON.stringify(quantities)}.` },
    };
  }
  const series: ChartSeries[] = [];
  for (const [i, item] of items.entries()) {
    const spec = isSeriesObject(item) ? item.schedule : item;
    const resolved = resolveSchedule(`schedules[${i}]`, spec);
    if (resolved.problem) return { model: null, problem: resolved.problem };
    const label = isSeriesObject(item) && item.label ? item.label : scheduleLabel(spec);
    series.push({ label, schedule: resolved.schedule, steps: resolved.schedule.betas.length });
  }
  const maxSteps = Math.max(...series.map((s) => s.steps));
  const panels = (quantities as readonly ScheduleQuantity[]).map((quantity): ChartPanel => {
    const info = QUANTITY_INFO[quantity];
    return { quantity, title: info.title, short: info.short, log: info.log, extent: extentOf(series.map((s) => info.read(s.schedule)), info.log) };
  });
  return { model: { series, panels, maxSteps, description: describe(series, panels, maxSteps) }, problem: null };
}

/** Checks a selected timestep against the chart's x axis. */
export function checkChartT(t: number | undefined, maxSteps: number): PropProblem | null {
  return t === undefined ? null : checkNumber('t', t, { min: 0, max: maxSteps - 1, integer: true });
}

/**
 * The model of a NoiseScheduleChart, rebuilt only when the schedules or quantities change in content
 * (inline arrays and config objects are compared by their JSON).
 */
export function useNoiseScheduleChart(items: readonly NoiseScheduleChartSeries[], quantities: readonly ScheduleQuantity[]) {
  let key: string | null;
  try {
    key = JSON.stringify([items, quantities]);
  } catch {
    key = null; // not serialisable: fall back to identity
  }
  return useMemo(() => buildNoiseScheduleChartModel(items, quantities), [key, key === null ? items : null, key === null ? quantities : null]);
}
