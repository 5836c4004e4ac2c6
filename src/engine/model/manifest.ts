import { ManifestError } from './errors';

import type { PredictionType } from '../schedulers/types';

/** What a model may predict, in diffusers' `prediction_type` words. */
export const PREDICTION_TYPES: readonly PredictionType[] = ['epsilon', 'v_prediction', 'sample'];

/**
 * A model manifest (`model.json`): everything the engine needs to know about the ONNX files. The engine reads
 * only this, so any U-Net exported with the same tensor contract drops in.
 */
export interface ModelManifest {
  name: string;
  version: number;
  /** Image geometry and pixel range; `ink` is the value of a stroke, `background` of empty paper. */
  image: { width: number; height: number; channels: number; range: [number, number]; ink: number; background: number };
  /** The noise predictor and its tensor names. */
  unet: {
    file: string;
    inputs: { sample: string; timestep: string; encoderHiddenStates: string; encoderAttentionMask: string };
    output: string;
    /**
     * Optional second output: each prompt token's share of the U-Net's cross-attention, [B, L, r, r] (averaged
     * over heads and the layers at resolution r), for figures that show which word drew which strokes.
     */
    crossAttention?: { output: string; resolution: number };
  };
  /** The text encoder: token ids [B, L] in, hidden states [B, L, hiddenSize] out. */
  textEncoder: { file: string; input: string; output: string; hiddenSize: number; maxLength: number };
  /** The word-level tokenizer's file. */
  tokenizer: { file: string };
  predictionType: PredictionType;
  /** The diffusers scheduler_config.json the model was trained with. */
  scheduler_config: Record<string, unknown>;
  guidance: { default: number };
  /** Anything else (training record, licences, provenance) is carried along unread. */
  [extra: string]: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function need(obj: Record<string, unknown>, key: string, path: string): unknown {
  if (!(key in obj) || obj[key] === undefined) throw new ManifestError(`${path}${key}`, 'is missing.');
  return obj[key];
}

function str(obj: Record<string, unknown>, key: string, path: string): string {
  const v = need(obj, key, path);
  if (typeof v !== 'string' || v.length === 0) throw new ManifestError(`${path}${key}`, `must be a non-empty string; got ${JSON.stringify(v)}.`);
  return v;
}

function int(obj: Record<string, unknown>, key: string, path: string, min: number, max: number): number {
  const v = need(obj, key, path);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ManifestError(`${path}${key}`, `must be an integer from ${min} to ${max}; got ${JSON.stringify(v)}.`);
  }
  return v;
}

function num(obj: Record<string, unknown>, key: string, path: string): number {
  const v = need(obj, key, path);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ManifestError(`${path}${key}`, `must be a finite number; got ${JSON.stringify(v)}.`);
  return v;
}

function section(obj: Record<string, unknown>, key: string, path = ''): Record<string, unknown> {
  const v = need(obj, key, path);
  if (!isObject(v)) throw new ManifestError(`${path}${key}`, 'must be an object.');
  return v;
}

/** Checks a parsed `model.json` and returns it typed; throws a ManifestError naming the first bad field. */
export function validateManifest(json: unknown): ModelManifest {
  if (!isObject(json)) throw new ManifestError('(root)', 'must be a JSON object.');
  str(json, 'name', '');
  const image = section(json, 'image');
  int(image, 'width', 'image.', 1, 4096);
  int(image, 'height', 'image.', 1, 4096);
  int(image, 'channels', 'image.', 1, 4);
  const range = need(image, 'range', 'image.');
  if (!Array.isArray(range) || range.length !== 2 || !range.every((x) => typeof x === 'number') || !((range[0] as number) < (range[1] as number))) {
    throw new ManifestError('image.range', `must be [low, high] with low < high; got ${JSON.stringify(range)}.`);
  }
  num(image, 'ink', 'image.');
  num(image, 'background', 'image.');
  const unet = section(json, 'unet');
  str(unet, 'file', 'unet.');
  const inputs = section(unet, 'inputs', 'unet.');
  for (const k of ['sample', 'timestep', 'encoderHiddenStates', 'encoderAttentionMask']) str(inputs, k, 'unet.inputs.');
  str(unet, 'output', 'unet.');
  if (unet.crossAttention !== undefined) {
    const ca = section(unet, 'crossAttention', 'unet.');
    str(ca, 'output', 'unet.crossAttention.');
    int(ca, 'resolution', 'unet.crossAttention.', 1, 4096);
  }
  const te = section(json, 'textEncoder');
  str(te, 'file', 'textEncoder.');
  str(te, 'input', 'textEncoder.');
  str(te, 'output', 'textEncoder.');
  int(te, 'hiddenSize', 'textEncoder.', 1, 65536);
  int(te, 'maxLength', 'textEncoder.', 1, 4096);
  str(section(json, 'tokenizer'), 'file', 'tokenizer.');
  const prediction = need(json, 'predictionType', '');
  if (!PREDICTION_TYPES.includes(prediction as PredictionType)) {
    throw new ManifestError('predictionType', `must be one of ${PREDICTION_TYPES.join(', ')}; got ${JSON.stringify(prediction)}.`);
  }
  const scheduler = section(json, 'scheduler_config');
  if (scheduler.prediction_type !== undefined && scheduler.prediction_type !== prediction) {
    throw new ManifestError('scheduler_config.prediction_type', `(${String(scheduler.prediction_type)}) must agree with predictionType (${String(prediction)}).`);
  }
  const guidance = section(json, 'guidance');
  const g = num(guidance, 'default', 'guidance.');
  if (g < 0) throw new ManifestError('guidance.default', `must be at least 0; got ${g}.`);
  return json as unknown as ModelManifest;
}
