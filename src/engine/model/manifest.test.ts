import { describe, expect, it } from 'vitest';
import { ManifestError } from './errors';
import { validateManifest } from './manifest';

function good(): Record<string, any> {
  return {
    name: 'tiny',
    version: 1,
    image: { width: 32, height: 32, channels: 1, range: [-1, 1], ink: 1, background: -1 },
    unet: {
      file: 'unet.onnx',
      inputs: { sample: 'sample', timestep: 'timestep', encoderHiddenStates: 'encoder_hidden_states', encoderAttentionMask: 'encoder_attention_mask' },
      output: 'noise_pred',
    },
    textEncoder: { file: 'text_encoder.onnx', input: 'input_ids', output: 'last_hidden_state', hiddenSize: 128, maxLength: 16 },
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

  it.each([
    ['a missing field', (m: any) => delete m.unet.inputs.timestep, 'unet.inputs.timestep is missing'],
    ['an unknown prediction type', (m: any) => (m.predictionType = 'score'), 'predictionType must be one of epsilon, v_prediction, sample'],
    ['a bad image size', (m: any) => (m.image.width = 0), 'image.width must be an integer from 1 to 4096'],
    ['an inverted range', (m: any) => (m.image.range = [1, -1]), 'image.range must be [low, high]'],
    ['an empty tensor name', (m: any) => (m.unet.output = ''), 'unet.output must be a non-empty string'],
    ['a negative guidance', (m: any) => (m.guidance.default = -1), 'guidance.default must be at least 0'],
    ['a cross-attention block without its output name', (m: any) => (m.unet.crossAttention = { resolution: 16 }), 'unet.crossAttention.output is missing'],
    ['a cross-attention resolution of 0', (m: any) => (m.unet.crossAttention = { output: 'cross_attention', resolution: 0 }), 'unet.crossAttention.resolution must be an integer from 1 to 4096'],
    ['disagreeing prediction types', (m: any) => (m.scheduler_config.prediction_type = 'v_prediction'), 'scheduler_config.prediction_type'],
  ])('rejects %s, naming the field', (_label, spoil, message) => {
    const m = good();
    spoil(m);
    expect(() => validateManifest(m)).toThrow(ManifestError);
    expect(() => validateManifest(m)).toThrow(message);
  });

  it('rejects a non-object', () => {
    expect(() => validateManifest('model')).toThrow(/\(root\) must be a JSON object/);
  });
});
