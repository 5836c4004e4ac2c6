import { SCHEDULER_NAMES, type SchedulerName } from '../../engine';
import { describeValue, type Checked } from '../shared/props/propChecks';
import { MAX_CHART_POINTS, MAX_CHART_STEPS } from './raceSteps';

/** Checks a list of samplers: 1 to 5 distinct scheduler short names; returns a copy. */
export function checkSchedulerList(prop: string, value: unknown): Checked<SchedulerName[]> {
  const names = SCHEDULER_NAMES.map((n) => `'${n}'`).join(', ');
  const bad = (got: string): Checked<SchedulerName[]> => ({
    problem: {
      prop,
      message: `${prop} must be an array of 1 to ${SCHEDULER_NAMES.length} different scheduler names (${names}); got ${got}.`,
    },
  });
  if (!Array.isArray(value)) return bad(describeValue(value));
  if (value.length < 1 || value.length > SCHEDULER_NAMES.length) return bad(describeValue(value));
  const out: SchedulerName[] = [];
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (!SCHEDULER_NAMES.includes(v as SchedulerName)) return bad(`${describeValue(v)} at ${i}`);
    if (out.includes(v as SchedulerName)) return bad(`${describeValue(v)} twice`);
    out.push(v as SchedulerName);
  }
  return { value: out };
}

/**
 * Checks the chart's step counts: at most 12 integers from 1 to 200 (empty: no chart); returns them sorted, once each.
 */
export function checkChartSteps(prop: string, value: unknown): Checked<number[]> {
  const bad = (got: string): Checked<number[]> => ({
    problem: {
      prop,
      message: `${prop} must be an array of at most ${MAX_CHART_POINTS} integers from 1 to ${MAX_CHART_STEPS} (empty: no chart); got ${got}.`,
    },
  });
  if (!Array.isArray(value) || value.length > MAX_CHART_POINTS) return bad(describeValue(value));
  const out = new Set<number>();
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_CHART_STEPS)
      return bad(`${describeValue(v)} at ${i}`);
    out.add(v);
  }
  return { value: [...out].sort((a, b) => a - b) };
}
