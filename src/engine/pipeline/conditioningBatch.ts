import type { ClassConditioning, Conditioning, EmbeddingConditioning } from '../model/conditioning';
import type { DiffusionModel } from '../model/loadModel';
import { walkEmbeddings } from './imageConditioning';
import type { GenerateOptions } from './types';

/** What every U-Net call of a generation is conditioned on, for the batch of `count` images. */
export interface ConditioningBatch {
  /** The conditioning of one U-Net call: for `count` items, or 2 x count ([uncond; cond]) when guided. */
  conditioning: Conditioning | undefined;
  /** Whether the batch holds an unconditional half to guide against. */
  guided: boolean;
  /** The guidance scale used (1 when not guided). */
  scale: number;
  /** The prompt's words in token order, for cross-attention maps (empty without a tokenizer). */
  words: string[];
}

/** n copies of one item's embeddings, one after another. */
export function repeatEmbeddings(e: EmbeddingConditioning, times: number): EmbeddingConditioning {
  const hidden = new Float32Array(e.hidden.length * times);
  const mask = e.mask ? new Float32Array(e.mask.length * times) : undefined;
  for (let i = 0; i < times; i++) {
    hidden.set(e.hidden, i * e.hidden.length);
    mask?.set(e.mask!, i * e.mask!.length);
  }
  return { hidden, ...(mask ? { mask } : {}), batch: e.batch * times };
}

/** [a; b] along the batch. A missing mask on one side is all ones (every token attended). */
export function concatEmbeddings(a: EmbeddingConditioning, b: EmbeddingConditioning): EmbeddingConditioning {
  const hidden = new Float32Array(a.hidden.length + b.hidden.length);
  hidden.set(a.hidden);
  hidden.set(b.hidden, a.hidden.length);
  if (!a.mask && !b.mask) return { hidden, batch: a.batch + b.batch };
  // Both sides have the same tokens per item, L (validated); one mask tells it.
  const L = a.mask ? a.mask.length / a.batch : b.mask!.length / b.batch;
  const mask = new Float32Array((a.batch + b.batch) * L).fill(1);
  if (a.mask) mask.set(a.mask);
  if (b.mask) mask.set(b.mask, a.batch * L);
  return { hidden, mask, batch: a.batch + b.batch };
}

/**
 * The conditioning of a generation, from its options (already validated, see `validateConditioning`):
 * - unconditional model: none, never guided;
 * - class-conditional: `classLabel` for every image, guided against the manifest's `nullClass` when there is
 *   one and the scale is not 1; without a label, the null class (unconditional samples);
 * - embeddings given: repeated for every image, guided against `negativeEmbeddings` or zeros of the same shape;
 * - a prompt (models with a text encoder): encoded, guided against the empty prompt; an empty prompt gives
 *   unconditional samples. A text model without a text encoder and no embeddings samples from zero embeddings;
 * - a prompt walk (`walk.prompts`): image i's embeddings on the line between the two prompts' (`walkEmbeddings`),
 *   guided against `negativeEmbeddings` or the empty prompt unless the scale is 1.
 */
export async function conditioningBatch(
  model: DiffusionModel,
  options: GenerateOptions,
  count: number,
  requestedScale: number,
): Promise<ConditioningBatch> {
  const { manifest } = model;
  if (model.conditioning === 'none') return { conditioning: undefined, guided: false, scale: 1, words: [] };
  if (model.conditioning === 'class') {
    const nullClass = manifest.nullClass;
    const label = options.classLabel ?? nullClass!;
    const guided = nullClass !== undefined && label !== nullClass && requestedScale !== 1;
    const cond = new Array<number>(count).fill(label);
    if (!guided) return { conditioning: { classLabels: cond, batch: count }, guided: false, scale: 1, words: [] };
    const both: ClassConditioning = {
      classLabels: [...new Array<number>(count).fill(nullClass), ...cond],
      batch: 2 * count,
    };
    return { conditioning: both, guided, scale: requestedScale, words: [] };
  }
  if (options.walk?.prompts) return promptWalkBatch(model, options, count, requestedScale);
  if (options.embeddings) {
    const cond = repeatEmbeddings(options.embeddings, count);
    if (requestedScale === 1) return { conditioning: cond, guided: false, scale: 1, words: [] };
    const negative = options.negativeEmbeddings ?? {
      hidden: new Float32Array(options.embeddings.hidden.length),
      ...(options.embeddings.mask ? { mask: options.embeddings.mask } : {}),
      batch: 1,
    };
    return {
      conditioning: concatEmbeddings(repeatEmbeddings(negative, count), cond),
      guided: true,
      scale: requestedScale,
      words: [],
    };
  }
  const prompt = options.prompt ?? '';
  if (!model.acceptsPrompts) {
    // No text encoder and no embeddings: the zero embedding, the baseline guidance would use.
    const shape = model.encoderHiddenShape!;
    return {
      conditioning: { hidden: new Float32Array(count * shape.length! * shape.size), batch: count },
      guided: false,
      scale: 1,
      words: [],
    };
  }
  const conditional = prompt.trim().length > 0;
  const guided = conditional && requestedScale !== 1;
  const words = model.tokenizer!.encode(prompt).words;
  if (!conditional)
    return {
      conditioning: repeatEmbeddings(await model.emptyPromptEmbedding(), count),
      guided: false,
      scale: 1,
      words,
    };
  const cond = repeatEmbeddings(await model.encodePrompts([prompt]), count);
  if (!guided) return { conditioning: cond, guided: false, scale: 1, words };
  const negative = options.negativeEmbeddings ?? (await model.emptyPromptEmbedding());
  return {
    conditioning: concatEmbeddings(repeatEmbeddings(negative, count), cond),
    guided,
    scale: requestedScale,
    words,
  };
}

/** The conditioning of a prompt walk: the two prompts' embeddings interpolated across the batch. */
async function promptWalkBatch(
  model: DiffusionModel,
  options: GenerateOptions,
  count: number,
  requestedScale: number,
): Promise<ConditioningBatch> {
  const [a, b] = options.walk!.prompts!;
  // As a plain generation encodes its prompt: one at a time; an empty prompt is the empty prompt's embedding.
  const encode = (p: string) => (p.trim().length > 0 ? model.encodePrompts([p]) : model.emptyPromptEmbedding());
  const cond = walkEmbeddings(await encode(a), await encode(b), count);
  const words = model.tokenizer!.encode(a).words;
  if (requestedScale === 1) return { conditioning: cond, guided: false, scale: 1, words };
  const negative = options.negativeEmbeddings ?? (await model.emptyPromptEmbedding());
  return {
    conditioning: concatEmbeddings(repeatEmbeddings(negative, count), cond),
    guided: true,
    scale: requestedScale,
    words,
  };
}
