import type { SchedulerName } from '../../../engine';
import { SCHEDULER_LABELS } from '../../../engine/internal';

// The names readers know the schedulers by come from the engine's registry.
export { SCHEDULER_LABELS };

/**
 * The short names in menu order: DDIM first (the shipped model's own), then the rest as the registry lists them.
 * LCM is left out of the menus: it samples models distilled for it (glyffuser-mini-turbo, LCM-style diffusers
 * U-Nets), and gives poor images from the shipped 25-step model; a figure still takes it as a prop.
 */
export const SCHEDULER_OPTIONS: SchedulerName[] = [
  'ddim',
  ...(Object.keys(SCHEDULER_LABELS) as SchedulerName[]).filter((name) => name !== 'ddim' && name !== 'lcm'),
];

/** A label for a scheduler prop: a short name's label, or a config's `_class_name` (else "custom config"). */
export function schedulerLabel(scheduler: SchedulerName | Readonly<Record<string, unknown>> | undefined): string {
  if (scheduler === undefined) return "the model's scheduler";
  if (typeof scheduler === 'string') return SCHEDULER_LABELS[scheduler] ?? scheduler;
  const name = scheduler._class_name;
  return typeof name === 'string' ? name.replace(/Scheduler$/, '') : 'custom scheduler config';
}
