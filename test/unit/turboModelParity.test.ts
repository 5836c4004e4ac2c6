import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImages, type DiffusionModel } from '../../src/engine';
import { guidanceScaleEmbeddingBatch } from '../../src/engine/model/guidanceEmbedding';
import { maxAbsDiff, type Tensor } from './fixtureTensors';
import { loadShippedModelInNode, MODEL_DIR, TURBO_MODEL_DIR } from './nodeModel';

// Fixtures written by training/export_turbo.py from torch (float32, the same fp16-rounded weights as unet.onnx): the
// engine's guidance embedding, U-Net call with timestep_cond and a whole 1-step LCM run must reproduce them.
const modelCase = JSON.parse(readFileSync(path.join(TURBO_MODEL_DIR, 'fixtures', 'model_cases.json'), 'utf8')) as {
  prompts: string[];
  guidance: number;
  last_hidden_state: Tensor;
  sample: Tensor;
  timestep: Tensor;
  timestep_cond: Tensor;
  noise_pred: Tensor;
  cross_attention: Tensor;
  lcm: { prompt: string; steps: number; guidance: number; timesteps: number[]; initial_noise: Tensor; image: Tensor };
};
/** The fields of a model.json that the first test reads, as parsed JSON (`files`: each file's size and digest). */
interface ManifestFiles {
  textEncoder: { file: string };
  tokenizer: { file: string };
  files: Record<string, { sha256: string }>;
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as ManifestFiles;

const TOLERANCE = 1e-3;

let model: DiffusionModel;
beforeAll(async () => {
  model = await loadShippedModelInNode(2, TURBO_MODEL_DIR);
}, 60_000);
afterAll(async () => model?.dispose());

describe('the shipped few-step student (glyffuser-mini-turbo)', () => {
  it("names the teacher's text encoder and tokenizer files, whose digests it states", () => {
    const turbo = manifestOf(TURBO_MODEL_DIR);
    const teacher = manifestOf(MODEL_DIR);
    expect(turbo.textEncoder.file).toBe(`../glyffuser-mini/${teacher.textEncoder.file}`);
    expect(turbo.tokenizer.file).toBe(`../glyffuser-mini/${teacher.tokenizer.file}`);
    expect(turbo.files[turbo.textEncoder.file]!.sha256).toBe(teacher.files[teacher.textEncoder.file]!.sha256);
    expect(turbo.files[turbo.tokenizer.file]!.sha256).toBe(teacher.files[teacher.tokenizer.file]!.sha256);
  });

  it('is an LCM model that takes the guidance embedding and runs no unconditional pass', () => {
    expect(model.manifest.scheduler_config._class_name).toBe('LCMScheduler');
    expect(model.manifest.unet.inputs.timestepCond).toBe('timestep_cond');
    expect(model.manifest.sampling?.steps).toBeGreaterThanOrEqual(1);
    expect(model.manifest.sampling?.steps).toBeLessThanOrEqual(4);
  });

  // torch forms the sines' arguments 1000 w f_i in float32 (up to 6000 here: 3.6e-4 rounding), the engine in float64.
  it(`embeds the guidance scale like torch within 1e-3 (float32 arguments of up to 1000 w)`, () => {
    const dim = model.manifest.unet.timeCondProjDim!;
    const embedded = guidanceScaleEmbeddingBatch(modelCase.guidance - 1, dim, modelCase.timestep_cond.shape[0]!);
    expect(maxAbsDiff(embedded, modelCase.timestep_cond.data)).toBeLessThan(1e-3);
  });

  it(`predicts the noise with timestep_cond like torch within ${TOLERANCE}`, async () => {
    const e = await model.encodePrompts(modelCase.prompts);
    expect(maxAbsDiff(e.hidden, modelCase.last_hidden_state.data)).toBeLessThan(TOLERANCE);
    const conditioning = { ...e, timestepCond: Float32Array.from(modelCase.timestep_cond.data) };
    const out = await model.predictDetailed(
      Float32Array.from(modelCase.sample.data),
      modelCase.timestep.data,
      conditioning,
      { crossAttention: true },
    );
    const diff = maxAbsDiff(out.output, modelCase.noise_pred.data);
    console.log(`turbo U-Net: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
    expect(maxAbsDiff(out.crossAttention!, modelCase.cross_attention.data)).toBeLessThan(TOLERANCE);
  });

  it(`draws a whole 1-step LCM run like the torch reference within ${TOLERANCE}, from the manifest's grid`, async () => {
    const { lcm } = modelCase;
    const frame = await generateImages({
      model,
      prompt: lcm.prompt,
      steps: lcm.steps,
      guidanceScale: lcm.guidance,
      count: 1,
      initialNoise: Float32Array.from(lcm.initial_noise.data),
    });
    expect(frame.timestep).toBe(lcm.timesteps[0]);
    const clamped = Array.from(frame.sample, (v) => Math.min(1, Math.max(-1, v)));
    const diff = maxAbsDiff(clamped, lcm.image.data);
    console.log(`LCM 1 step, guidance ${lcm.guidance}: max |engine - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  }, 60_000);

  it('samples its default step count on the grid that starts at 979 when no steps are given', async () => {
    const frames: number[] = [];
    const { generate } = await import('../../src/engine');
    for await (const f of generate({ model, prompt: 'water', count: 1, seed: 3 })) frames.push(f.timestep);
    const steps = model.manifest.sampling!.steps!;
    expect(frames).toHaveLength(steps);
    expect(frames[0]).toBe(979);
  }, 60_000);
});
