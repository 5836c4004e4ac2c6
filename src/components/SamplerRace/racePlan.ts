import type { SchedulerName } from '../../engine';
import { sortedSteps } from './raceSteps';

/** One generation of a race: a sampler at a number of steps. */
export interface RaceJob {
  scheduler: SchedulerName;
  steps: number;
  /** The lanes (the chosen step count), the reference, or a point of the chart. */
  role: 'lane' | 'reference' | 'chart';
  /** `scheduler@steps`: the same key is the same generation (and the same cache entry). */
  key: string;
}

/** What a race runs, in order; every key once. */
export interface RacePlan {
  jobs: RaceJob[];
  /** The key of the reference, or null when there is no chart. */
  referenceKey: string | null;
}

/** Inputs of {@link racePlan}. */
export interface RacePlanOptions {
  schedulers: readonly SchedulerName[];
  /** The lanes' step count. */
  steps: number;
  /** The chart's step counts (none: no chart and no reference). */
  chartSteps: readonly number[];
  reference: { scheduler: SchedulerName; steps: number };
}

export const jobKey = (scheduler: SchedulerName, steps: number) => `${scheduler}@${steps}`;

/**
 * The order of a race: the lanes first (what the reader is waiting to see), then the reference, then the
 * chart from the fewest steps up, every sampler at each count, so the chart fills in from the left. A
 * generation needed twice (a lane that is also a chart point, a reference that is also DDIM's point) runs once.
 */
export function racePlan({ schedulers, steps, chartSteps, reference }: RacePlanOptions): RacePlan {
  const jobs: RaceJob[] = [];
  const seen = new Set<string>();
  const add = (scheduler: SchedulerName, n: number, role: RaceJob['role']) => {
    const key = jobKey(scheduler, n);
    if (seen.has(key)) return;
    seen.add(key);
    jobs.push({ scheduler, steps: n, role, key });
  };
  for (const s of schedulers) add(s, steps, 'lane');
  const chart = sortedSteps(chartSteps);
  if (chart.length === 0) return { jobs, referenceKey: null };
  add(reference.scheduler, reference.steps, 'reference');
  for (const n of chart) for (const s of schedulers) add(s, n, 'chart');
  return { jobs, referenceKey: jobKey(reference.scheduler, reference.steps) };
}

/**
 * The work of a race in image-steps (U-Net evaluations of one image, guidance's second pass not counted):
 * count x (every sampler at the lanes' steps and at each chart step, plus the reference), duplicates once.
 */
export function raceWork(options: RacePlanOptions, count: number): number {
  return count * racePlan(options).jobs.reduce((sum, job) => sum + job.steps, 0);
}
