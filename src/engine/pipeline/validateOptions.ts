import { GenerateOptionsError } from '../model/errors';
import { GENERATION_DEFAULTS, GENERATION_LIMITS as LIMITS } from './generationLimits';
import type { GenerateOptions } from './types';
import { validateConditioning } from './validateConditioning';
import { validateImageOptions } from './validateImageOptions';

/** Whether `x` is a finite number within `range` (and an integer when the range says so). */
function inRange(x: number, range: { min: number; max: number; integer: boolean }): boolean {
  return (range.integer ? Number.isInteger(x) : Number.isFinite(x)) && x >= range.min && x <= range.max;
}

/** Rejects bad options up front, before any model call, with the option's name and accepted range. */
export function validateGenerateOptions(options: GenerateOptions): void {
  if (!options || typeof options !== 'object') throw new GenerateOptionsError('options', 'must be an object.');
  const { model, prompt, guidanceScale, steps, seed, count, eta } = options;
  if (!model || typeof model.predict !== 'function')
    throw new GenerateOptionsError('model', 'must be a loaded model (from loadModel).');
  if (model.disposed) throw new GenerateOptionsError('model', 'has been disposed; load it again.');
  if (prompt !== undefined && typeof prompt !== 'string')
    throw new GenerateOptionsError('prompt', `must be a string; got ${typeof prompt}.`);
  if (guidanceScale !== undefined && !inRange(guidanceScale, LIMITS.guidanceScale)) {
    const { min, max } = LIMITS.guidanceScale;
    throw new GenerateOptionsError(
      'guidanceScale',
      `must be a number from ${min} to ${max}; got ${String(guidanceScale)}.`,
    );
  }
  const trainSteps = Number(model.manifest.scheduler_config.num_train_timesteps ?? 1000);
  if (steps !== undefined && !inRange(steps, { ...LIMITS.steps, max: trainSteps })) {
    throw new GenerateOptionsError(
      'steps',
      `must be an integer from ${LIMITS.steps.min} to ${trainSteps}; got ${String(steps)}.`,
    );
  }
  if (options.timesteps !== undefined) {
    if (steps !== undefined)
      throw new GenerateOptionsError(
        'timesteps',
        'cannot be combined with steps: give one or the other (the number of steps is the length of timesteps).',
      );
    const list = options.timesteps;
    if (!Array.isArray(list) || list.length < 1 || list.length > trainSteps) {
      throw new GenerateOptionsError(
        'timesteps',
        `must be an array of 1 to ${trainSteps} training timesteps, descending; got ${Array.isArray(list) ? `${list.length} values` : typeof list}.`,
      );
    }
  }
  if (count !== undefined && !inRange(count, LIMITS.count)) {
    throw new GenerateOptionsError(
      'count',
      `must be an integer from ${LIMITS.count.min} to ${LIMITS.count.max}; got ${String(count)}.`,
    );
  }
  // The seed range is createRng's: every safe integer.
  if (seed !== undefined && !inRange(seed, LIMITS.seed))
    throw new GenerateOptionsError('seed', `must be a safe integer; got ${String(seed)}.`);
  if (options.initialNoise !== undefined) {
    const { width, height, channels } = model.manifest.image;
    const expected = (count ?? GENERATION_DEFAULTS.count) * channels * width * height;
    if (!(options.initialNoise instanceof Float32Array) || options.initialNoise.length !== expected) {
      throw new GenerateOptionsError(
        'initialNoise',
        `must be a Float32Array of ${expected} values (count x channels x height x width).`,
      );
    }
  }
  if (options.crossAttention !== undefined && typeof options.crossAttention !== 'boolean') {
    throw new GenerateOptionsError('crossAttention', `must be true or false; got ${typeof options.crossAttention}.`);
  }
  if (options.crossAttention && !model.hasCrossAttention) {
    throw new GenerateOptionsError(
      'crossAttention',
      `is not available: the model '${model.manifest.name}' has no cross-attention output (unet.crossAttention in its model.json).`,
    );
  }
  if (eta !== undefined && !(Number.isFinite(eta) && eta >= 0 && eta <= 1))
    throw new GenerateOptionsError('eta', `must be a number from 0 to 1; got ${String(eta)}.`);
  validateConditioning(options);
  validateImageOptions(options);
}
