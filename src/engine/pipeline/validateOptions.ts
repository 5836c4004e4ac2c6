import { GenerateOptionsError } from '../model/errors';
import type { GenerateOptions } from './types';

const MAX_COUNT = 256;

/** Rejects bad options up front, before any model call, with the option's name and accepted range. */
export function validateGenerateOptions(options: GenerateOptions): void {
  if (!options || typeof options !== 'object') throw new GenerateOptionsError('options', 'must be an object.');
  const { model, prompt, guidanceScale, steps, seed, count, eta } = options;
  if (!model || typeof model.predict !== 'function') throw new GenerateOptionsError('model', 'must be a loaded model (from loadModel).');
  if (model.disposed) throw new GenerateOptionsError('model', 'has been disposed; load it again.');
  if (prompt !== undefined && typeof prompt !== 'string') throw new GenerateOptionsError('prompt', `must be a string; got ${typeof prompt}.`);
  if (guidanceScale !== undefined && !(Number.isFinite(guidanceScale) && guidanceScale >= 0 && guidanceScale <= 50)) {
    throw new GenerateOptionsError('guidanceScale', `must be a number from 0 to 50; got ${String(guidanceScale)}.`);
  }
  const trainSteps = Number(model.manifest.scheduler_config.num_train_timesteps ?? 1000);
  if (steps !== undefined && !(Number.isInteger(steps) && steps >= 1 && steps <= trainSteps)) {
    throw new GenerateOptionsError('steps', `must be an integer from 1 to ${trainSteps}; got ${String(steps)}.`);
  }
  if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= MAX_COUNT)) {
    throw new GenerateOptionsError('count', `must be an integer from 1 to ${MAX_COUNT}; got ${String(count)}.`);
  }
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new GenerateOptionsError('seed', `must be a safe integer; got ${String(seed)}.`);
  if (options.initialNoise !== undefined) {
    const { width, height, channels } = model.manifest.image;
    const expected = (count ?? 16) * channels * width * height;
    if (!(options.initialNoise instanceof Float32Array) || options.initialNoise.length !== expected) {
      throw new GenerateOptionsError('initialNoise', `must be a Float32Array of ${expected} values (count x channels x height x width).`);
    }
  }
  if (eta !== undefined && !(Number.isFinite(eta) && eta >= 0 && eta <= 1)) throw new GenerateOptionsError('eta', `must be a number from 0 to 1; got ${String(eta)}.`);
}
