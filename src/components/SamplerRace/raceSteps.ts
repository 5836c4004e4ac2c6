import type { SchedulerName } from '../../engine';

/**
 * The step counts of the quality chart: 1 to 50, dense where samplers change fastest (few steps) and sparse
 * after, so a chart costs 131 steps per sampler instead of the 1,275 of every count from 1 to 50.
 */
export const DEFAULT_CHART_STEPS: readonly number[] = [1, 2, 3, 5, 8, 12, 20, 30, 50];

/** The samplers raced by default, in lane order: DDIM (the shipped model's own), then the others. */
export const DEFAULT_RACE_SCHEDULERS: readonly SchedulerName[] = [
  'ddim',
  'dpmSolverMultistep',
  'euler',
  'eulerAncestral',
  'ddpm',
];

/** The reference every result is measured against: many deterministic DDIM steps from the same noise. */
export const DEFAULT_REFERENCE = { scheduler: 'ddim' as SchedulerName, steps: 200 };

/** The most step counts on the chart, and the largest. */
export const MAX_CHART_POINTS = 12;
export const MAX_CHART_STEPS = 200;

/** Step counts sorted ascending, duplicates dropped. */
export function sortedSteps(steps: readonly number[]): number[] {
  return [...new Set(steps)].sort((a, b) => a - b);
}
