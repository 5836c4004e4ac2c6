import { GENERATION_DEFAULTS, GENERATION_LIMITS, type DeviceRequest, type SchedulerName } from '../../../engine';
import { DEVICE_REQUESTS } from '../../../engine/internal';
import { checked, type PropValidator } from '../props/propChecks';
import { checkModelUrl, checkSchedulerProp } from './generationChecks';

/**
 * The model-driven figures' default step count: the fewest DDIM, DPM-Solver++ or Euler steps whose radical test on the
 * shipped model is within 2 points of 25 DDIM steps by both judges (its README's step curve: 15). The engine's own
 * default (GENERATION_DEFAULTS.steps) stays 20, for any model.
 */
export const FIGURE_DEFAULT_STEPS = 15;

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
    steps: v.number('steps', FIGURE_DEFAULT_STEPS, L.steps),
    scheduler: v.read<SchedulerName | Record<string, unknown> | undefined>('scheduler', undefined, (x) => checkSchedulerProp(x)),
    guidanceScale: v.optionalNumber('guidanceScale', L.guidanceScale),
    seed: v.number('seed', GENERATION_DEFAULTS.seed, L.seed),
  };
}
