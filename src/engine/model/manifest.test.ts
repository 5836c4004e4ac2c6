import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ManifestError } from './errors';
import { getDefaultModelUrl } from './defaultModel';
import { conditioningKind, validateManifest } from './manifest';
import { SHIPPED_MODEL_DIGEST, SHIPPED_TURBO_MODEL_DIGEST } from './shippedModelDigest';
import { shippedTurboModelFiles } from './shippedModel';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A model.json as parsed JSON, before validation: the tests spoil any field of it, to any type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately untyped: what validateManifest is given
type RawManifest = Record<string, any>;

function good(): RawManifest {
  return {
    name: 'tiny',
    version: 1,
    image: { width: 32, height: 32, channels: 1, range: [-1, 1], ink: 1, background: -1 },
    unet: {
      file: 'unet.onnx',
      inputs: {
        sample: 'sample',
        timestep: 'timestep',
        encoderHiddenStates: 'encoder_hidden_states',
        encoderAttentionMask: 'encoder_attention_mask',
      },
      output: 'noise_pred',
    },
    textEncoder: {
      file: 'text_encoder.onnx',
      input: 'input_ids',
      output: 'last_hidden_state',
      hiddenSize: 128,
      maxLength: 16,
    },
    tokenizer: { file: 'tokenizer.json' },
    predictionType: 'epsilon',
    scheduler_config: { _class_name: 'DDIMScheduler', num_train_timesteps: 1000, beta_schedule: 'squaredcos_cap_v2' },
    guidance: { default: 3 },
  };
}

describe('validateManifest', () => {
  it('accepts a complete manifest and keeps extra fields', () => {
    const m = good();
    m.licenses = { font: 'OFL' };
    expect(validateManifest(m).licenses).toEqual({ font: 'OFL' });
  });

  it('accepts an optional cross-attention output', () => {
    const m = good();
    m.unet.crossAttention = { output: 'cross_attention', resolution: 16 };
    expect(validateManifest(m).unet.crossAttention).toEqual({ output: 'cross_attention', resolution: 16 });
  });

  it('accepts a guided-distilled U-Net: timestep_cond (the guidance embedding) and its size', () => {
    const m = good();
    m.unet.inputs.timestepCond = 'timestep_cond';
    m.unet.timeCondProjDim = 256;
    m.scheduler_config = { _class_name: 'LCMScheduler', beta_schedule: 'squaredcos_cap_v2' };
    const valid = validateManifest(m);
    expect([valid.unet.inputs.timestepCond, valid.unet.timeCondProjDim, conditioningKind(valid)]).toEqual([
      'timestep_cond',
      256,
      'text',
    ]);
  });

  it.each([
    [
      'timestep_cond without its size',
      (m: RawManifest) => (m.unet.inputs.timestepCond = 'timestep_cond'),
      'unet.timeCondProjDim',
      "unet.timeCondProjDim is missing: a U-Net with unet.inputs.timestepCond needs the size of that input (diffusers' time_cond_proj_dim",
    ],
    [
      'a size without timestep_cond',
      (m: RawManifest) => (m.unet.timeCondProjDim = 256),
      'unet.timeCondProjDim',
      'unet.timeCondProjDim is only meaningful with unet.inputs.timestepCond',
    ],
    [
      'a size below 4',
      (m: RawManifest) =>
        Object.assign(m.unet, { timeCondProjDim: 2, inputs: { ...m.unet.inputs, timestepCond: 't' } }),
      'unet.timeCondProjDim',
      'unet.timeCondProjDim must be an integer from 4 to 65536',
    ],
    [
      'an empty timestep_cond name',
      (m: RawManifest) => Object.assign(m.unet, { timeCondProjDim: 8, inputs: { ...m.unet.inputs, timestepCond: '' } }),
      'unet.inputs.timestepCond',
      'unet.inputs.timestepCond must be a non-empty string',
    ],
  ])('rejects %s, naming the field', (_label, spoil, field, message) => {
    const m = good();
    spoil(m);
    expect(() => validateManifest(m)).toThrow(expect.objectContaining({ name: 'ManifestError', field }));
    expect(() => validateManifest(m)).toThrow(message);
  });

  it.each([
    ['a missing field', (m: RawManifest) => delete m.unet.inputs.timestep, 'unet.inputs.timestep is missing'],
    [
      'an unknown prediction type',
      (m: RawManifest) => (m.predictionType = 'score'),
      'predictionType must be one of epsilon, v_prediction, sample',
    ],
    ['a bad image size', (m: RawManifest) => (m.image.width = 0), 'image.width must be an integer from 1 to 4096'],
    ['an inverted range', (m: RawManifest) => (m.image.range = [1, -1]), 'image.range must be [low, high]'],
    ['an empty tensor name', (m: RawManifest) => (m.unet.output = ''), 'unet.output must be a non-empty string'],
    ['a negative guidance', (m: RawManifest) => (m.guidance.default = -1), 'guidance.default must be at least 0'],
    [
      'a cross-attention block without its output name',
      (m: RawManifest) => (m.unet.crossAttention = { resolution: 16 }),
      'unet.crossAttention.output is missing',
    ],
    [
      'a cross-attention resolution of 0',
      (m: RawManifest) => (m.unet.crossAttention = { output: 'cross_attention', resolution: 0 }),
      'unet.crossAttention.resolution must be an integer from 1 to 4096',
    ],
    [
      'disagreeing prediction types',
      (m: RawManifest) => (m.scheduler_config.prediction_type = 'v_prediction'),
      'scheduler_config.prediction_type',
    ],
    ['a sampling section that is not an object', (m: RawManifest) => (m.sampling = 4), 'sampling'],
    [
      '0 default steps',
      (m: RawManifest) => (m.sampling = { steps: 0 }),
      'sampling.steps must be an integer from 1 to 1000',
    ],
    [
      'fractional default steps',
      (m: RawManifest) => (m.sampling = { steps: 2.5 }),
      'sampling.steps must be an integer from 1 to 1000',
    ],
    [
      'a strength of 0',
      (m: RawManifest) => (m.sampling = { strength: 0 }),
      'sampling.strength must be greater than 0 and at most 1',
    ],
    [
      'a strength above 1',
      (m: RawManifest) => (m.sampling = { strength: 1.02 }),
      'sampling.strength must be greater than 0 and at most 1',
    ],
  ])('rejects %s, naming the field', (_label, spoil, message) => {
    const m = good();
    spoil(m);
    expect(() => validateManifest(m)).toThrow(ManifestError);
    expect(() => validateManifest(m)).toThrow(message);
  });

  it('the default model URL carries the digest of the shipped model.json (a new model gets a new cache entry)', () => {
    const digest = createHash('sha256')
      .update(readFileSync(path.join(root, 'assets/models/glyffuser-mini/model.json')))
      .digest('hex')
      .slice(0, 16);
    expect(SHIPPED_MODEL_DIGEST, 'run training/manifest.py (it writes src/engine/model/shippedModelDigest.ts)').toBe(
      digest,
    );
    expect(getDefaultModelUrl().endsWith(`/assets/models/glyffuser-mini/model.json?v=${digest}`)).toBe(true);
  });

  it("the shipped student's URL carries the digest of its model.json", () => {
    const digest = createHash('sha256')
      .update(readFileSync(path.join(root, 'assets/models/glyffuser-mini-turbo/model.json')))
      .digest('hex')
      .slice(0, 16);
    expect(
      SHIPPED_TURBO_MODEL_DIGEST,
      'run training/turbo_manifest.py (it writes src/engine/model/shippedModelDigest.ts)',
    ).toBe(digest);
    expect(shippedTurboModelFiles().url.endsWith(`/assets/models/glyffuser-mini-turbo/model.json?v=${digest}`)).toBe(
      true,
    );
  });

  it("keeps glyffuser-mini-turbo's shipped manifest valid, with its default steps and grid", () => {
    const m = validateManifest(
      JSON.parse(readFileSync(path.join(root, 'assets/models/glyffuser-mini-turbo/model.json'), 'utf8')),
    );
    expect(conditioningKind(m)).toBe('text');
    expect(m.sampling).toEqual({ steps: expect.any(Number), strength: 0.98 });
  });

  it("keeps glyffuser-mini's shipped manifest valid as it is", () => {
    const shipped = JSON.parse(readFileSync(path.join(root, 'assets/models/glyffuser-mini/model.json'), 'utf8'));
    const m = validateManifest(shipped);
    expect(conditioningKind(m)).toBe('text');
    expect(m.guidance.default).toBe(shipped.guidance.default);
  });

  it.each(['unconditional', 'class', 'text'])(
    'accepts the diffusers fixture %s, filling predictionType from scheduler_config and guidance 1 when absent',
    (kind) => {
      const json = JSON.parse(readFileSync(path.join(root, `test/fixtures/diffusers/${kind}/model.json`), 'utf8'));
      const m = validateManifest(json);
      expect(m.predictionType).toBe('epsilon');
      expect(conditioningKind(m)).toBe(kind === 'unconditional' ? 'none' : kind);
      expect(m.guidance.default).toBe(json.guidance?.default ?? 1);
    },
  );

  it('accepts a minimal unconditional manifest: sample and timestep, no text encoder, no ink, RGBA', () => {
    const m = validateManifest({
      name: 'u',
      image: { width: 8, height: 8, channels: 4, range: [0, 1] },
      unet: { file: 'unet.onnx', inputs: { sample: 'sample', timestep: 'timestep' }, output: 'out_sample' },
      scheduler_config: { _class_name: 'DDPMScheduler', prediction_type: 'v_prediction' },
    });
    expect([m.predictionType, conditioningKind(m), m.textEncoder, m.image.ink]).toEqual([
      'v_prediction',
      'none',
      undefined,
      undefined,
    ]);
  });

  const unconditional = () => {
    const m = good();
    delete m.textEncoder;
    delete m.tokenizer;
    m.unet.inputs = { sample: 'sample', timestep: 'timestep' };
    return m;
  };
  it.each([
    [
      'class labels without classes',
      (m: RawManifest) => (m.unet.inputs.classLabels = 'class_labels'),
      'classes',
      'classes is missing: a class-conditional model',
    ],
    [
      'classes without class labels',
      (m: RawManifest) => (m.classes = ['a']),
      'classes',
      'classes is only meaningful with unet.inputs.classLabels',
    ],
    [
      'a null class inside the named classes',
      (m: RawManifest) =>
        Object.assign(
          m,
          { classes: ['a', 'b'], nullClass: 1 },
          { unet: { ...m.unet, inputs: { ...m.unet.inputs, classLabels: 'c' } } },
        ),
      'nullClass',
      'nullClass must be a label outside the named classes (2 to 65535)',
    ],
    [
      'empty class names',
      (m: RawManifest) =>
        Object.assign(
          m,
          { classes: ['a', ''] },
          { unet: { ...m.unet, inputs: { ...m.unet.inputs, classLabels: 'c' } } },
        ),
      'classes',
      'classes must be an array of 1 to 10000 non-empty strings',
    ],
    [
      'a text encoder without encoder hidden states',
      (m: RawManifest) => (m.textEncoder = good().textEncoder),
      'textEncoder',
      'textEncoder is only meaningful with unet.inputs.encoderHiddenStates',
    ],
    [
      'a mask without encoder hidden states',
      (m: RawManifest) => (m.unet.inputs.encoderAttentionMask = 'mask'),
      'unet.inputs.encoderAttentionMask',
      'only meaningful with unet.inputs.encoderHiddenStates',
    ],
    [
      'timestep_cond without encoder hidden states',
      (m: RawManifest) =>
        Object.assign(m.unet, { timeCondProjDim: 256, inputs: { ...m.unet.inputs, timestepCond: 't' } }),
      'unet.inputs.timestepCond',
      'unet.inputs.timestepCond is only meaningful with unet.inputs.encoderHiddenStates',
    ],
    [
      'text and class conditioning together',
      (m: RawManifest) => Object.assign(m.unet.inputs, { encoderHiddenStates: 'e', classLabels: 'c' }),
      'unet.inputs.classLabels',
      'cannot be combined',
    ],
    [
      'an unknown timestep type',
      (m: RawManifest) => (m.unet.timestepType = 'float16'),
      'unet.timestepType',
      "must be one of 'float32', 'int64'",
    ],
    ['ink without background', (m: RawManifest) => (m.image.ink = 1), 'image.background', 'must be given together'],
    ['5 channels', (m: RawManifest) => (m.image.channels = 5), 'image.channels', 'from 1 to 4'],
  ])('rejects %s, naming the field', (_label, spoil, field, message) => {
    const m = unconditional();
    delete m.image.ink;
    delete m.image.background;
    spoil(m);
    expect(() => validateManifest(m)).toThrow(expect.objectContaining({ name: 'ManifestError', field }));
    expect(() => validateManifest(m)).toThrow(message);
  });

  it('rejects a text encoder without its tokenizer, and sizes that disagree', () => {
    const m = good();
    delete m.tokenizer;
    expect(() => validateManifest(m)).toThrow(/tokenizer is missing: a text encoder needs its tokenizer/);
    const n = good();
    n.unet.encoderHiddenSize = 64;
    expect(() => validateManifest(n)).toThrow(
      /unet.encoderHiddenSize \(64\) must equal textEncoder.hiddenSize \(128\)/,
    );
  });

  it('rejects a non-object', () => {
    expect(() => validateManifest('model')).toThrow(/\(root\) must be a JSON object/);
  });
});
