import { GenerateOptionsError } from '../model/errors';
import { GENERATION_DEFAULTS, GENERATION_LIMITS } from './generationLimits';
import type { GenerateOptions } from './types';

/** The most times a RePaint jump point may be revisited (`inpaint.resample.jumps`). */
export const MAX_RESAMPLE_JUMPS = 50;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Checks an image-shaped array: one image or `count` images, finite values (and within `range` when given: an image
 * outside the model's pixel range, e.g. 0..255 bytes for a -1..1 model, would be noised and kept as it is).
 */
function checkImages(
  field: string,
  value: unknown,
  size: number,
  count: number,
  shape: string,
  range?: readonly [number, number],
): void {
  const lengths =
    count === 1 ? `${size}` : `${size} (one image, used for all ${count}) or ${count * size} (${count} images)`;
  if (!(value instanceof Float32Array) || (value.length !== size && value.length !== count * size)) {
    const got = value instanceof Float32Array ? `${value.length} values` : typeof value;
    throw new GenerateOptionsError(field, `must be a Float32Array of ${lengths} values (${shape}); got ${got}.`);
  }
  for (let i = 0; i < value.length; i++) {
    const v = value[i]!;
    if (!Number.isFinite(v) || (range && (v < range[0] || v > range[1]))) {
      const accepted = range ? `numbers from ${range[0]} to ${range[1]}` : 'finite numbers';
      throw new GenerateOptionsError(field, `must hold ${accepted} only; value ${i} is ${String(v)}.`);
    }
  }
}

/**
 * Rejects bad `init`, `inpaint` and `walk` options (GenerateOptions), before any model call, naming the field
 * (`init.strength`, `inpaint.mask`, `walk.seeds`, ...) and what it accepts.
 */
export function validateImageOptions(options: GenerateOptions): void {
  const { model, init, inpaint, walk } = options;
  if (init === undefined && inpaint === undefined && walk === undefined) return;
  const count = options.count ?? GENERATION_DEFAULTS.count;
  const { width, height, channels, range } = model.manifest.image;
  const size = channels * height * width;
  const shape = `channels x height x width = ${channels} x ${height} x ${width}, in the model's pixel range ${range[0]} to ${range[1]}`;
  if (init !== undefined) {
    if (!isObject(init))
      throw new GenerateOptionsError('init', 'must be { image: Float32Array, strength: number from 0 to 1 }.');
    checkImages('init.image', init.image, size, count, shape, range);
    const { strength } = init;
    if (typeof strength !== 'number' || !(strength >= 0 && strength <= 1))
      throw new GenerateOptionsError(
        'init.strength',
        `must be a number from 0 (keep the image) to 1 (start from pure noise); got ${String(strength)}.`,
      );
    if (inpaint !== undefined)
      throw new GenerateOptionsError(
        'inpaint',
        'cannot be combined with init: give one or the other (inpainting starts from pure noise and keeps the image where the mask is 0).',
      );
  }
  if (inpaint !== undefined) {
    if (!isObject(inpaint))
      throw new GenerateOptionsError(
        'inpaint',
        'must be { image: Float32Array, mask: Float32Array, resample?: { jumpLength, jumps } }.',
      );
    checkImages('inpaint.image', inpaint.image, size, count, shape, range);
    checkImages(
      'inpaint.mask',
      inpaint.mask,
      size,
      count,
      `${channels} x ${height} x ${width}; 1 repaint, 0 keep`,
      [0, 1],
    );
    const { resample } = inpaint;
    if (resample !== undefined) {
      if (!isObject(resample))
        throw new GenerateOptionsError(
          'inpaint.resample',
          'must be { jumpLength: integer >= 1, jumps: integer >= 0 }.',
        );
      const n =
        options.timesteps?.length ?? options.steps ?? model.manifest.sampling?.steps ?? GENERATION_DEFAULTS.steps;
      const { jumpLength, jumps } = resample;
      if (!(typeof jumpLength === 'number' && Number.isInteger(jumpLength) && jumpLength >= 1 && jumpLength <= n - 1)) {
        throw new GenerateOptionsError(
          'inpaint.resample.jumpLength',
          n < 2
            ? `cannot be used with ${n} step: a jump goes back at least 1 of the grid's steps, so resampling needs 2 steps or more; got ${String(jumpLength)}.`
            : `must be an integer from 1 to steps - 1 (${n - 1}): how many grid steps each jump goes back; got ${String(jumpLength)}.`,
        );
      }
      if (!(typeof jumps === 'number' && Number.isInteger(jumps) && jumps >= 0 && jumps <= MAX_RESAMPLE_JUMPS)) {
        throw new GenerateOptionsError(
          'inpaint.resample.jumps',
          `must be an integer from 0 to ${MAX_RESAMPLE_JUMPS}: how many times each jump point is revisited; got ${String(jumps)}.`,
        );
      }
    }
  }
  if (walk !== undefined) validateWalk(options, count);
}

function validateWalk(options: GenerateOptions, count: number): void {
  const { model, walk } = options;
  if (!isObject(walk) || (walk.seeds === undefined && walk.prompts === undefined))
    throw new GenerateOptionsError(
      'walk',
      'must be { seeds?: [seedA, seedB], prompts?: [promptA, promptB] } with seeds, prompts or both.',
    );
  if (count < 2)
    throw new GenerateOptionsError(
      'walk',
      `needs count of at least 2 (the walk's points, endpoints included); got count ${count}.`,
    );
  const { seeds, prompts } = walk;
  if (seeds !== undefined) {
    const { min, max } = GENERATION_LIMITS.seed;
    if (!Array.isArray(seeds) || seeds.length !== 2 || !seeds.every((s) => Number.isInteger(s) && s >= min && s <= max))
      throw new GenerateOptionsError('walk.seeds', `must be two safe integers [seedA, seedB]; got ${describe(seeds)}.`);
    if (options.initialNoise !== undefined)
      throw new GenerateOptionsError(
        'walk.seeds',
        'cannot be combined with initialNoise: the walk draws its own initial noise from the two seeds.',
      );
  }
  if (prompts !== undefined) {
    if (!Array.isArray(prompts) || prompts.length !== 2 || !prompts.every((p) => typeof p === 'string'))
      throw new GenerateOptionsError(
        'walk.prompts',
        `must be two strings [promptA, promptB]; got ${describe(prompts)}.`,
      );
    if (!model.acceptsPrompts)
      throw new GenerateOptionsError(
        'walk.prompts',
        `cannot be used: the model '${model.manifest.name}' has no text encoder (textEncoder and tokenizer in its model.json).`,
      );
    if (typeof options.prompt === 'string' && options.prompt.trim().length > 0)
      throw new GenerateOptionsError('walk.prompts', 'cannot be combined with prompt: the walk gives both prompts.');
    if (options.embeddings !== undefined)
      throw new GenerateOptionsError(
        'walk.prompts',
        'cannot be combined with embeddings: the walk encodes its prompts.',
      );
  }
}

function describe(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}]`;
  return typeof x;
}
