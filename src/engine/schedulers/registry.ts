import type { RawSchedulerConfig } from './ConfigReader';
import { DDIMScheduler } from './DDIMScheduler';
import { DDPMScheduler } from './DDPMScheduler';
import { DPMSolverMultistepScheduler } from './DPMSolverMultistepScheduler';
import { EulerAncestralDiscreteScheduler } from './EulerAncestralDiscreteScheduler';
import { EulerDiscreteScheduler } from './EulerDiscreteScheduler';
import type { SchedulerName } from './types';

/** The scheduler classes of the kit by short name. */
export const SCHEDULER_CLASSES = {
  ddpm: DDPMScheduler,
  ddim: DDIMScheduler,
  dpmSolverMultistep: DPMSolverMultistepScheduler,
  euler: EulerDiscreteScheduler,
  eulerAncestral: EulerAncestralDiscreteScheduler,
} as const satisfies Record<SchedulerName, new (config?: RawSchedulerConfig) => unknown>;

/** The scheduler class for each short name. */
export type SchedulerClasses = typeof SCHEDULER_CLASSES;

/** An instance of the scheduler named `N`. */
export type SchedulerInstance<N extends SchedulerName> = InstanceType<SchedulerClasses[N]>;

/** The short names, in a stable order. */
export const SCHEDULER_NAMES = Object.keys(SCHEDULER_CLASSES) as SchedulerName[];

/** diffusers' `_class_name` of each short name. */
export const DIFFUSERS_CLASS_NAMES: Readonly<Record<SchedulerName, string>> = {
  ddpm: 'DDPMScheduler',
  ddim: 'DDIMScheduler',
  dpmSolverMultistep: 'DPMSolverMultistepScheduler',
  euler: 'EulerDiscreteScheduler',
  eulerAncestral: 'EulerAncestralDiscreteScheduler',
};
