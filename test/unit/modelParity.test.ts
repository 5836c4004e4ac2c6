import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImages, type DiffusionModel } from '../../src/engine';
import { maxAbsDiff, type Tensor } from './fixtureTensors';
import { MODEL_DIR, loadShippedModelInNode } from './nodeModel';

// Fixtures written by training/export.py from torch (float32, with the same fp16-rounded weights as the ONNX
// files): the engine's tokenizer, text encoder, U-Net and a whole DDIM run must reproduce them.
const fixtures = path.join(MODEL_DIR, 'fixtures');
const tokenizerCases = JSON.parse(readFileSync(path.join(fixtures, 'tokenizer_cases.json'), 'utf8')) as {
  cases: Array<{ text: string; input_ids: number[]; attention_mask: number[] }>;
};
const modelCase = JSON.parse(readFileSync(path.join(fixtures, 'model_cases.json'), 'utf8')) as {
  prompts: string[];
  last_hidden_state: Tensor;
  sample: Tensor;
  timestep: Tensor;
  noise_pred: Tensor;
  cross_attention: Tensor;
  ddim: { prompt: string; steps: number; guidance: number; timesteps: number[]; initial_noise: Tensor; image: Tensor };
};

const TOLERANCE = 1e-3;

let model: DiffusionModel;
beforeAll(async () => {
  model = await loadShippedModelInNode(2);
}, 60_000);
afterAll(async () => model?.dispose());

describe('parity with the Python model (fixtures)', () => {
  it('tokenizes every fixture string to exactly the Python ids and mask', () => {
    expect(tokenizerCases.cases.length).toBeGreaterThan(5);
    for (const c of tokenizerCases.cases) {
      const enc = model.tokenizer!.encode(c.text);
      expect({ text: c.text, ids: enc.ids, mask: enc.mask }).toEqual({
        text: c.text,
        ids: c.input_ids,
        mask: c.attention_mask,
      });
    }
  });

  it(`encodes the prompts like torch within ${TOLERANCE}`, async () => {
    const e = await model.encodePrompts(modelCase.prompts);
    const diff = maxAbsDiff(e.hidden, modelCase.last_hidden_state.data);
    console.log(`text encoder: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  });

  it(`predicts the noise like torch within ${TOLERANCE}`, async () => {
    const e = await model.encodePrompts(modelCase.prompts);
    const eps = await model.predict(Float32Array.from(modelCase.sample.data), modelCase.timestep.data, e);
    const diff = maxAbsDiff(eps, modelCase.noise_pred.data);
    console.log(`U-Net: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  });

  it(`returns the cross-attention maps like torch within ${TOLERANCE}`, async () => {
    expect(model.hasCrossAttention).toBe(true);
    const e = await model.encodePrompts(modelCase.prompts);
    const out = await model.predictDetailed(Float32Array.from(modelCase.sample.data), modelCase.timestep.data, e, {
      crossAttention: true,
    });
    expect(out.crossAttentionShape).toEqual(modelCase.cross_attention.shape);
    const diff = maxAbsDiff(out.crossAttention!, modelCase.cross_attention.data);
    console.log(`U-Net cross-attention: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  });

  it(`runs the whole guided DDIM sampling loop like the torch reference within ${TOLERANCE}`, async () => {
    const { ddim } = modelCase;
    const frame = await generateImages({
      model,
      prompt: ddim.prompt,
      steps: ddim.steps,
      guidanceScale: ddim.guidance,
      count: 1,
      initialNoise: Float32Array.from(ddim.initial_noise.data),
    });
    const clamped = Array.from(frame.sample, (v) => Math.min(1, Math.max(-1, v)));
    const diff = maxAbsDiff(clamped, ddim.image.data);
    console.log(`DDIM ${ddim.steps} steps, guidance ${ddim.guidance}: max |engine - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  }, 60_000);
});
