import type { SchedulerName } from '../../../engine';

/** The kit's scheduler short names, in menu order, with the names readers know them by. */
export const SCHEDULER_LABELS: Readonly<Record<SchedulerName, string>> = {
  ddim: 'DDIM',
  ddpm: 'DDPM',
  dpmSolverMultistep: 'DPM-Solver++ (multistep)',
  euler: 'Euler',
  eulerAncestral: 'Euler ancestral',
};

/** The short names, in menu order. */
export const SCHEDULER_OPTIONS = Object.keys(SCHEDULER_LABELS) as SchedulerName[];

/** A label for a scheduler prop: a short name's label, or a config's `_class_name` (else "custom config"). */
export function schedulerLabel(scheduler: SchedulerName | Readonly<Record<string, unknown>> | undefined): string {
  if (scheduler === undefined) return "the model's scheduler";
  if (typeof scheduler === 'string') return SCHEDULER_LABELS[scheduler] ?? scheduler;
  const name = scheduler._class_name;
  return typeof name === 'string' ? name.replace(/Scheduler$/, '') : 'custom scheduler config';
}
