import { DEVICE_REQUESTS, GENERATION_DEFAULTS, GENERATION_LIMITS, type DeviceRequest, type SchedulerName } from '../../../engine';
import { checked, type PropValidator } from '../props/propChecks';
import { checkModelUrl, checkSchedulerProp } from './generationChecks';

/** Reads the `model` and `device` props of a model-driven figure, in that order (default: the shipped model, 'auto'). */
export function readModelProps(v: PropValidator) {
  return {
    model: v.read<string | undefined>('model', undefined, (x) => checked(checkModelUrl(x), x as string)),
    device: v.oneOf<DeviceRequest>('device', 'auto', DEVICE_REQUESTS),
  };
}

/**
 * Reads the sampling props of a model-driven figure, in this order: `steps`, `scheduler` (default: the model's),
 * `guidanceScale` (default: the model's) and `seed`, with the engine's defaults and limits.
 */
export function readSamplingProps(v: PropValidator) {
  const L = GENERATION_LIMITS;
  return {
    steps: v.number('steps', GENERATION_DEFAULTS.steps, L.steps),
    scheduler: v.read<SchedulerName | Record<string, unknown> | undefined>('scheduler', undefined, (x) => checkSchedulerProp(x)),
    guidanceScale: v.optionalNumber('guidanceScale', L.guidanceScale),
    seed: v.number('seed', GENERATION_DEFAULTS.seed, L.seed),
  };
}
