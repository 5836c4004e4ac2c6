import { ManifestError } from './errors';
import { manifestChecks } from './manifestChecks';

import type { PredictionType } from '../schedulers/types';

/** What a model may predict, in diffusers' `prediction_type` words. */
export const PREDICTION_TYPES: readonly PredictionType[] = ['epsilon', 'v_prediction', 'sample'];

/** The dtypes a U-Net's timestep input may have (diffusers exports use either). */
export type TimestepType = 'float32' | 'int64';
export const TIMESTEP_TYPES: readonly TimestepType[] = ['float32', 'int64'];

/** How a U-Net is conditioned, decided by the inputs its manifest names. */
export type ConditioningKind = 'none' | 'class' | 'text';

/** The U-Net's input names (diffusers' `sample`, `timestep`, ... unless the export chose others). */
export interface UnetInputs {
  /** float32 [B, C, H, W]. */
  sample: string;
  /** [B], float32 or int64 (see `unet.timestepType`). */
  timestep: string;
  /** float32 [B, L, D]: a text- (or otherwise embedding-) conditioned U-Net (`UNet2DConditionModel`). */
  encoderHiddenStates?: string;
  /** float32 [B, L], 1 keep / 0 pad; only with `encoderHiddenStates`. Without it every token is attended to. */
  encoderAttentionMask?: string;
  /** int64 [B]: a class-conditional U-Net (`UNet2DModel` with `num_class_embeds`). */
  classLabels?: string;
  /**
   * float32 [B, unet.timeCondProjDim]: a guided-distilled U-Net (`UNet2DConditionModel` with `time_cond_proj_dim`,
   * e.g. a latent consistency model) that takes the guidance scale w as diffusers' `timestep_cond`, the embedding
   * of w - 1 (`guidanceScaleEmbedding`), instead of running an unconditional pass. Only with `encoderHiddenStates`.
   */
  timestepCond?: string;
}

/**
 * A model manifest (`model.json`): everything the engine needs to know about the ONNX files. The engine reads
 * only this, so any U-Net exported with the same tensor contract drops in: unconditional (inputs sample and
 * timestep), class-conditional (plus class labels) or conditioned on encoder hidden states (plus those, with an
 * optional mask, and an optional text encoder and tokenizer for prompts).
 */
export interface ModelManifest {
  name: string;
  version: number;
  /**
   * Image geometry and pixel range. `ink` (the value of a stroke) and `background` (of empty paper) are for
   * one-channel glyph-like models, drawn in the theme's ink and paper colours; without them, and for 3 (RGB)
   * or 4 (RGBA) channels, `range` maps linearly to 0..255.
   */
  image: {
    width: number;
    height: number;
    channels: number;
    range: [number, number];
    ink?: number;
    background?: number;
  };
  /** The noise predictor and its tensor names. */
  unet: {
    file: string;
    inputs: UnetInputs;
    output: string;
    /** The timestep input's dtype when the runtime cannot read it from the file (default float32). */
    timestepType?: TimestepType;
    /** D of encoder_hidden_states [B, L, D] when there is no text encoder to say it. */
    encoderHiddenSize?: number;
    /** L of encoder_hidden_states when the U-Net wants a fixed one (else any L is passed through). */
    encoderSequenceLength?: number;
    /**
     * The size of `timestep_cond` (diffusers' `time_cond_proj_dim`, e.g. 256); required with
     * `unet.inputs.timestepCond`.
     */
    timeCondProjDim?: number;
    /**
     * Optional second output: each prompt token's share of the U-Net's cross-attention, [B, L, r, r] (averaged
     * over heads and the layers at resolution r), for figures that show which word drew which strokes.
     */
    crossAttention?: { output: string; resolution: number };
  };
  /** The text encoder: token ids [B, L] in, hidden states [B, L, hiddenSize] out. Only for text prompts. */
  textEncoder?: { file: string; input: string; output: string; hiddenSize: number; maxLength: number };
  /** The word-level tokenizer's file; required with a text encoder. */
  tokenizer?: { file: string };
  /** The class names of a class-conditional model, index = class label (required with `unet.inputs.classLabels`). */
  classes?: string[];
  /**
   * The label of the "no class" embedding a class-conditional model was trained with (label dropout), for
   * classifier-free guidance. Without it, class-conditional generation is unguided (scale 1).
   */
  nullClass?: number;
  /** What the model predicts; defaults to `scheduler_config.prediction_type`, else epsilon. */
  predictionType: PredictionType;
  /** The diffusers scheduler_config.json the model was trained with. */
  scheduler_config: Record<string, unknown>;
  /** The default classifier-free guidance scale; absent means 1 (no guidance). */
  guidance: { default: number };
  /**
   * How the model samples by default, where that differs from the kit's: `steps`, the step count a generation
   * without `steps` uses (e.g. 4 for a few-step student), and `strength`, diffusers' `set_timesteps(steps,
   * strength=...)` keyword for an LCMScheduler model whose distillation grid stops short of T - 1 (0.98: the
   * grid's top is 979, not 999).
   */
  sampling?: { steps?: number; strength?: number };
  /** Anything else (training record, licences, provenance) is carried along unread. */
  [extra: string]: unknown;
}

/** The conditioning a manifest's U-Net takes: text/embeddings, class labels, or none. */
export function conditioningKind(manifest: Pick<ModelManifest, 'unet'>): ConditioningKind {
  const inputs = manifest.unet.inputs;
  if (inputs.encoderHiddenStates !== undefined) return 'text';
  if (inputs.classLabels !== undefined) return 'class';
  return 'none';
}

/**
 * Checks a parsed `model.json` and returns it typed, with defaults filled in (`predictionType` from the
 * scheduler config, `guidance.default` 1); throws a ManifestError naming the first bad field.
 */
export function validateManifest(json: unknown): ModelManifest {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ManifestError('(root)', 'must be a JSON object.');
  const m = manifestChecks(json as Record<string, unknown>);
  m.str('name');
  checkImage(m);
  checkUnet(m);
  checkConditioning(m);
  const scheduler = m.section('scheduler_config');
  const declared = (json as Record<string, unknown>).predictionType;
  const prediction = declared ?? scheduler.prediction_type ?? 'epsilon';
  if (!PREDICTION_TYPES.includes(prediction as PredictionType)) {
    const field = declared !== undefined ? 'predictionType' : 'scheduler_config.prediction_type';
    throw new ManifestError(field, `must be one of ${PREDICTION_TYPES.join(', ')}; got ${JSON.stringify(prediction)}.`);
  }
  if (
    scheduler.prediction_type !== undefined &&
    scheduler.prediction_type !== null &&
    scheduler.prediction_type !== prediction
  ) {
    throw new ManifestError(
      'scheduler_config.prediction_type',
      `(${String(scheduler.prediction_type)}) must agree with predictionType (${String(prediction)}).`,
    );
  }
  checkSampling(m);
  let guidance = { default: 1 };
  if (m.has('guidance')) {
    const g = m.num('guidance.default');
    if (g < 0) throw new ManifestError('guidance.default', `must be at least 0; got ${g}.`);
    guidance = { ...m.section('guidance'), default: g };
  }
  return { ...(json as object), predictionType: prediction as PredictionType, guidance } as ModelManifest;
}

function checkSampling(m: ReturnType<typeof manifestChecks>): void {
  if (!m.has('sampling')) return;
  m.section('sampling');
  if (m.has('sampling.steps')) m.int('sampling.steps', 1, 1000);
  if (m.has('sampling.strength')) {
    const strength = m.num('sampling.strength');
    if (!(strength > 0 && strength <= 1))
      throw new ManifestError('sampling.strength', `must be greater than 0 and at most 1; got ${strength}.`);
  }
}

function checkImage(m: ReturnType<typeof manifestChecks>): void {
  m.int('image.width', 1, 4096);
  m.int('image.height', 1, 4096);
  m.int('image.channels', 1, 4);
  const range = m.need('image.range');
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((x) => typeof x === 'number' && Number.isFinite(x)) ||
    !((range[0] as number) < (range[1] as number))
  ) {
    throw new ManifestError('image.range', `must be [low, high] with low < high; got ${JSON.stringify(range)}.`);
  }
  const hasInk = m.has('image.ink');
  if (hasInk !== m.has('image.background')) {
    throw new ManifestError(
      hasInk ? 'image.background' : 'image.ink',
      'must be given together with the other of image.ink and image.background (or neither).',
    );
  }
  if (hasInk) {
    m.num('image.ink');
    m.num('image.background');
  }
}

function checkUnet(m: ReturnType<typeof manifestChecks>): void {
  m.str('unet.file');
  m.section('unet.inputs');
  m.str('unet.inputs.sample');
  m.str('unet.inputs.timestep');
  for (const k of ['encoderHiddenStates', 'encoderAttentionMask', 'classLabels', 'timestepCond'])
    if (m.has(`unet.inputs.${k}`)) m.str(`unet.inputs.${k}`);
  m.str('unet.output');
  if (m.has('unet.timestepType')) m.oneOf('unet.timestepType', TIMESTEP_TYPES);
  if (m.has('unet.crossAttention')) {
    m.section('unet.crossAttention');
    m.str('unet.crossAttention.output');
    m.int('unet.crossAttention.resolution', 1, 4096);
  }
}

/** The combinations of conditioning fields that make sense together. */
function checkConditioning(m: ReturnType<typeof manifestChecks>): void {
  const text = m.has('unet.inputs.encoderHiddenStates');
  const labels = m.has('unet.inputs.classLabels');
  const only = (field: string, needs: string, what: string) => {
    if (m.has(field))
      throw new ManifestError(field, `is only meaningful with ${needs} (${what}); remove it or add that input.`);
  };
  if (text && labels) {
    throw new ManifestError(
      'unet.inputs.classLabels',
      'cannot be combined with unet.inputs.encoderHiddenStates: a U-Net conditioned on both is not supported.',
    );
  }
  if (!text) {
    for (const f of [
      'unet.inputs.encoderAttentionMask',
      'unet.inputs.timestepCond',
      'unet.encoderHiddenSize',
      'unet.encoderSequenceLength',
      'unet.crossAttention',
      'textEncoder',
      'tokenizer',
    ]) {
      only(f, 'unet.inputs.encoderHiddenStates', 'the U-Net input the embeddings go to');
    }
  } else {
    if (m.has('unet.encoderHiddenSize')) m.int('unet.encoderHiddenSize', 1, 65536);
    if (m.has('unet.encoderSequenceLength')) m.int('unet.encoderSequenceLength', 1, 65536);
  }
  if (m.has('unet.inputs.timestepCond')) {
    if (!m.has('unet.timeCondProjDim')) {
      throw new ManifestError(
        'unet.timeCondProjDim',
        "is missing: a U-Net with unet.inputs.timestepCond needs the size of that input (diffusers' time_cond_proj_dim, e.g. 256).",
      );
    }
    m.int('unet.timeCondProjDim', 4, 65536);
  } else if (m.has('unet.timeCondProjDim')) {
    throw new ManifestError(
      'unet.timeCondProjDim',
      'is only meaningful with unet.inputs.timestepCond (the U-Net input the guidance embedding goes to); remove it or add that input.',
    );
  }
  if (m.has('textEncoder')) {
    m.section('textEncoder');
    m.str('textEncoder.file');
    m.str('textEncoder.input');
    m.str('textEncoder.output');
    const d = m.int('textEncoder.hiddenSize', 1, 65536);
    const l = m.int('textEncoder.maxLength', 1, 4096);
    if (!m.has('tokenizer'))
      throw new ManifestError('tokenizer', 'is missing: a text encoder needs its tokenizer (tokenizer.file).');
    if (m.has('unet.encoderHiddenSize') && m.get('unet.encoderHiddenSize') !== d) {
      throw new ManifestError(
        'unet.encoderHiddenSize',
        `(${String(m.get('unet.encoderHiddenSize'))}) must equal textEncoder.hiddenSize (${d}).`,
      );
    }
    if (m.has('unet.encoderSequenceLength') && m.get('unet.encoderSequenceLength') !== l) {
      throw new ManifestError(
        'unet.encoderSequenceLength',
        `(${String(m.get('unet.encoderSequenceLength'))}) must equal textEncoder.maxLength (${l}).`,
      );
    }
  }
  if (m.has('tokenizer')) {
    if (!m.has('textEncoder'))
      throw new ManifestError(
        'tokenizer',
        'is only meaningful with a textEncoder (the tokenizer feeds it); remove it or add textEncoder.',
      );
    m.section('tokenizer');
    m.str('tokenizer.file');
  }
  if (labels) {
    if (!m.has('classes'))
      throw new ManifestError(
        'classes',
        'is missing: a class-conditional model (unet.inputs.classLabels) names its classes, e.g. ["airplane", "automobile", ...], label k = classes[k].',
      );
    const classes = m.get('classes');
    if (
      !Array.isArray(classes) ||
      classes.length < 1 ||
      classes.length > 10000 ||
      !classes.every((c) => typeof c === 'string' && c.length > 0)
    ) {
      throw new ManifestError(
        'classes',
        `must be an array of 1 to 10000 non-empty strings; got ${JSON.stringify(classes)?.slice(0, 80)}.`,
      );
    }
    if (m.has('nullClass')) {
      const n = m.int('nullClass', 0, 65535);
      if (n < classes.length)
        throw new ManifestError(
          'nullClass',
          `must be a label outside the named classes (${classes.length} to 65535), the "no class" embedding; got ${n}.`,
        );
    }
  } else {
    only('classes', 'unet.inputs.classLabels', 'the U-Net input the class labels go to');
    only('nullClass', 'unet.inputs.classLabels', 'the U-Net input the class labels go to');
  }
}
