/**
 * diffusers-compatible schedulers: configure with a `scheduler_config.json` object, `setTimesteps(n)`,
 * then `step` through `timesteps`. All compute in float64 and accept Float32Array or Float64Array samples.
 */
export type {
  Scheduler,
  SchedulerInfo,
  SchedulerName,
  StepOptions,
  StepOutput,
  PredictionType,
  TimestepSpacing,
} from './types';
export type { RawSchedulerConfig } from './ConfigReader';
export type { CommonSchedulerConfig } from './commonConfig';
export { DDPMScheduler, type DDPMSchedulerConfig, type DDPMVarianceType } from './DDPMScheduler';
export { DDIMScheduler, type DDIMSchedulerConfig, type DDIMStepOptions } from './DDIMScheduler';
export {
  DPMSolverMultistepScheduler,
  type DPMSolverAlgorithmType,
  type DPMSolverMultistepSchedulerConfig,
} from './DPMSolverMultistepScheduler';
export {
  EulerDiscreteScheduler,
  type EulerDiscreteSchedulerConfig,
  type EulerStepOptions,
} from './EulerDiscreteScheduler';
export {
  EulerAncestralDiscreteScheduler,
  type EulerAncestralDiscreteSchedulerConfig,
} from './EulerAncestralDiscreteScheduler';
export { LCMScheduler, type LCMSchedulerConfig, type LCMTimestepOptions } from './LCMScheduler';
export { createScheduler } from './createScheduler';
export { schedulerFromConfig } from './schedulerFromConfig';
export { noiseScheduleFromConfig, type DiffusersScheduleConfig } from './noiseScheduleFromConfig';
export {
  DIFFUSERS_CLASS_NAMES,
  SCHEDULER_CLASSES,
  SCHEDULER_LABELS,
  SCHEDULER_NAMES,
  SCHEDULER_REGISTRY,
  schedulerEntryForClassName,
  type SchedulerClasses,
  type SchedulerInstance,
  type SchedulerRegistryEntry,
} from './registry';
export { karrasSigmas, sigmaToTimestep } from './sigmaGrids';
export { SchedulerUsageError, type SchedulerUsageErrorCode } from './SchedulerUsageError';
export { SchedulerConfigError } from '../schedules/SchedulerConfigError';
