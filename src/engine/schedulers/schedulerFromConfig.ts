import { describeValue, SchedulerConfigError } from '../schedules/SchedulerConfigError';
import type { RawSchedulerConfig } from './ConfigReader';
import { SCHEDULER_REGISTRY, schedulerEntryForClassName } from './registry';
import type { Scheduler } from './types';

/**
 * The scheduler a diffusers `scheduler_config.json` describes, chosen by its `_class_name`
 * (`DDPMScheduler`, `DDIMScheduler`, `DPMSolverMultistepScheduler`, `EulerDiscreteScheduler`,
 * `EulerAncestralDiscreteScheduler`, `LCMScheduler`) and configured by the rest of the object.
 */
export function schedulerFromConfig(json: RawSchedulerConfig): Scheduler {
  const className = json !== null && typeof json === 'object' ? json._class_name : undefined;
  const entry = schedulerEntryForClassName(className);
  if (entry === undefined) {
    const known = SCHEDULER_REGISTRY.map((e) => e.className);
    throw new SchedulerConfigError(
      '_class_name',
      known,
      className,
      `schedulerFromConfig: _class_name ${describeValue(className)} is not a scheduler diffusion-kit implements; ` +
        `the known ones are ${known.join(', ')}. Change _class_name to one of them (their configs share most keys), or construct a scheduler class directly.`,
    );
  }
  return new entry.Scheduler(json);
}
