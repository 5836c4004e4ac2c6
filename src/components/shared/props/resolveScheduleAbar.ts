import type { PropProblem } from './propChecks';
import { type ScheduleSpec, resolveSchedule, scheduleLabel } from './resolveSchedule';

/** A `schedule` prop as the 2-D field figures use it: abar_t and the schedule's label. */
export interface ScheduleAbar {
  alphasCumprod: Float64Array;
  name: string;
}

/**
 * abar_t and the label of the `schedule` prop; or the problem with it, where `checkSteps` gives the message for a
 * number of training timesteps the figure does not take (null for one it takes).
 */
export function resolveScheduleAbar(
  schedule: unknown,
  checkSteps: (count: number) => string | null,
): ScheduleAbar | { problem: PropProblem } {
  const resolved = resolveSchedule('schedule', schedule);
  if (resolved.problem) return { problem: resolved.problem };
  const { alphasCumprod } = resolved.schedule;
  const message = checkSteps(alphasCumprod.length);
  if (message) return { problem: { prop: 'schedule', message } };
  return { alphasCumprod, name: scheduleLabel(schedule as ScheduleSpec) };
}
