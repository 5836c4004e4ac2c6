import type { FloatArray } from '../forward/addNoise';
import { SchedulerUsageError } from './SchedulerUsageError';
import type { StepOptions } from './types';

/** A new zeroed array of `sample`'s type (Float32Array or Float64Array) and length `n`. */
export function allocLike<T extends FloatArray>(sample: T, n = sample.length): T {
  return (sample instanceof Float32Array ? new Float32Array(n) : new Float64Array(n)) as T;
}

/** Rejects anything but a Float32Array or Float64Array for the argument `name`. */
export function checkFloatArray(value: unknown, name: string, where: string): asserts value is FloatArray {
  if (!(value instanceof Float32Array) && !(value instanceof Float64Array)) {
    throw new SchedulerUsageError('invalid-argument', `${where}: ${name} must be a Float32Array or Float64Array.`);
  }
}

/** Checks `modelOutput` and `sample` are float arrays of equal length. */
export function checkStepArrays(modelOutput: unknown, sample: unknown, where: string): void {
  checkFloatArray(modelOutput, 'modelOutput', where);
  checkFloatArray(sample, 'sample', where);
  if (modelOutput.length !== sample.length) {
    throw new SchedulerUsageError(
      'length-mismatch',
      `${where}: modelOutput has length ${modelOutput.length} but sample has length ${sample.length}; they must be equal (one model output per sample element).`,
    );
  }
}

/**
 * The fresh noise of a stochastic step, as float64: `options.noise` as given, or `length` draws of
 * `options.rng.normal()` in element order. Exactly one of the two must be present.
 */
export function stepNoise(options: StepOptions | undefined, length: number, where: string, why: string): Float64Array {
  const rng = options?.rng;
  const noise = options?.noise;
  if (rng !== undefined && noise !== undefined) {
    throw new SchedulerUsageError('noise-required', `${where}: pass options.rng or options.noise, not both.`);
  }
  if (noise !== undefined) {
    checkFloatArray(noise, 'options.noise', where);
    if (noise.length !== length) {
      throw new SchedulerUsageError(
        'length-mismatch',
        `${where}: options.noise has length ${noise.length} but sample has length ${length}; give one noise value per element.`,
      );
    }
    return Float64Array.from(noise);
  }
  if (rng !== undefined) {
    const out = new Float64Array(length);
    for (let i = 0; i < length; i++) out[i] = rng.normal();
    return out;
  }
  throw new SchedulerUsageError(
    'noise-required',
    `${where}: this step is stochastic (${why}); pass options.rng (e.g. createRng(seed)) or options.noise (${length} standard normal values).`,
  );
}

/** Validates an explicit `options.noise` even on steps that do not use it, so mistakes surface early. */
export function checkUnusedNoise(options: StepOptions | undefined, length: number, where: string): void {
  const noise = options?.noise;
  if (noise === undefined) return;
  checkFloatArray(noise, 'options.noise', where);
  if (noise.length !== length) {
    throw new SchedulerUsageError(
      'length-mismatch',
      `${where}: options.noise has length ${noise.length} but sample has length ${length}.`,
    );
  }
}
