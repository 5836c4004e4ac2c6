import type { EmbeddingConditioning } from '../model/conditioning';
import { GenerateOptionsError } from '../model/errors';
import type { DiffusionModel } from '../model/loadModel';
import type { GenerateOptions } from './types';

const KIND = {
  none: 'unconditional',
  class: 'class-conditional',
  text: 'conditioned on encoder hidden states',
} as const;

/** Checks one prompt's embeddings against the U-Net's [1, L, D]; returns L. */
function checkEmbeddings(
  field: string,
  e: EmbeddingConditioning | undefined,
  model: DiffusionModel,
  tokens?: number,
): number {
  const shape = model.encoderHiddenShape!;
  const D = shape.size;
  const fixedL = tokens ?? shape.length;
  const want = fixedL !== null ? `1 x ${fixedL} x ${D} values` : `1 x L x ${D} values for some L >= 1`;
  if (typeof e !== 'object' || e === null || !(e.hidden instanceof Float32Array)) {
    throw new GenerateOptionsError(
      field,
      `must be { hidden: Float32Array (${want}), mask?: Float32Array (1 x L), batch: 1 }.`,
    );
  }
  if (e.batch !== 1)
    throw new GenerateOptionsError(
      `${field}.batch`,
      `must be 1 (one prompt's embeddings, repeated for every image); got ${String(e.batch)}.`,
    );
  const L = e.hidden.length / D;
  if (!Number.isInteger(L) || L < 1 || (fixedL !== null && L !== fixedL)) {
    throw new GenerateOptionsError(
      `${field}.hidden`,
      `must hold ${want} (tokens x hidden size); got ${e.hidden.length}.`,
    );
  }
  if (e.mask !== undefined && (!(e.mask instanceof Float32Array) || e.mask.length !== L)) {
    throw new GenerateOptionsError(
      `${field}.mask`,
      `must be a Float32Array of ${L} values (1 keep, 0 pad), or left out.`,
    );
  }
  if (!e.hidden.every(Number.isFinite))
    throw new GenerateOptionsError(`${field}.hidden`, 'must hold finite numbers only.');
  return L;
}

/**
 * Rejects conditioning options that do not fit the model, before any model call, naming the option and what
 * the model accepts: a prompt needs a text encoder, embeddings a U-Net with encoder_hidden_states, a class
 * label a class-conditional U-Net; guidance needs something to guide against.
 */
export function validateConditioning(options: GenerateOptions): void {
  const { model, prompt, embeddings, negativeEmbeddings, classLabel, guidanceScale } = options;
  const kind = model.conditioning;
  const name = `the model '${model.manifest.name}' is ${KIND[kind]}`;
  const hasPrompt = typeof prompt === 'string' && prompt.trim().length > 0;
  if (hasPrompt && !model.acceptsPrompts) {
    const instead =
      kind === 'text' ? 'pass embeddings instead' : kind === 'class' ? 'pass classLabel instead' : 'leave prompt out';
    throw new GenerateOptionsError(
      'prompt',
      `cannot be used: ${name} and has no text encoder (textEncoder and tokenizer in its model.json); ${instead}.`,
    );
  }
  for (const [field, value] of [
    ['embeddings', embeddings],
    ['negativeEmbeddings', negativeEmbeddings],
  ] as const) {
    if (value !== undefined && kind !== 'text')
      throw new GenerateOptionsError(field, `cannot be used: ${name}; its U-Net has no encoder_hidden_states input.`);
  }
  if (classLabel !== undefined && kind !== 'class')
    throw new GenerateOptionsError('classLabel', `cannot be used: ${name}; its U-Net has no class_labels input.`);

  if (kind === 'text') {
    if (hasPrompt && embeddings !== undefined)
      throw new GenerateOptionsError('embeddings', 'cannot be combined with prompt: give one or the other.');
    const L = embeddings !== undefined ? checkEmbeddings('embeddings', embeddings, model) : undefined;
    if (negativeEmbeddings !== undefined) {
      const tokens = L ?? model.manifest.textEncoder?.maxLength;
      checkEmbeddings('negativeEmbeddings', negativeEmbeddings, model, tokens);
    }
    if (embeddings === undefined && !model.acceptsPrompts && model.encoderHiddenShape?.length === null) {
      throw new GenerateOptionsError(
        'embeddings',
        `are required: ${name}, has no text encoder, and its number of tokens L is not fixed (unet.encoderSequenceLength), so there is no zero embedding to sample from.`,
      );
    }
  }
  if (kind === 'class') {
    const classes = model.manifest.classes ?? [];
    const nullClass = model.manifest.nullClass;
    const range = `an integer from 0 to ${classes.length - 1}${nullClass !== undefined ? ` (or the null class ${nullClass})` : ''}`;
    if (
      classLabel !== undefined &&
      !(Number.isInteger(classLabel) && ((classLabel >= 0 && classLabel < classes.length) || classLabel === nullClass))
    ) {
      throw new GenerateOptionsError(
        'classLabel',
        `must be ${range}, an index into the model's classes; got ${String(classLabel)}.`,
      );
    }
    if (classLabel === undefined && nullClass === undefined) {
      throw new GenerateOptionsError(
        'classLabel',
        `is required: ${name} and names no null class (nullClass in its model.json) to sample unconditionally; give ${range}.`,
      );
    }
    if (nullClass === undefined && guidanceScale !== undefined && guidanceScale !== 1) {
      throw new GenerateOptionsError(
        'guidanceScale',
        `must be 1 or left out: the model '${model.manifest.name}' names no null class (nullClass in its model.json) to guide against; got ${guidanceScale}.`,
      );
    }
  }
  if (kind === 'none' && guidanceScale !== undefined && guidanceScale !== 1) {
    throw new GenerateOptionsError(
      'guidanceScale',
      `must be 1 or left out: ${name}, so there is nothing to guide; got ${guidanceScale}.`,
    );
  }
}
