import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ortNode from 'onnxruntime-node';
import {
  ConditioningError,
  generate,
  generateImages,
  GenerateOptionsError,
  type DiffusionModel,
  type GenerationFrame,
  type OrtModule,
} from '../../src/engine';
import { guidanceScaleEmbedding } from '../../src/engine/model/guidanceEmbedding';
import { DIFFUSERS_FIXTURES, loadFixtureModelInNode, type DiffusersFixture } from './nodeModel';

// Tiny random-weight U-Nets with diffusers' tensor contract (test/fixtures/diffusers/export_tiny_unets.py):
// each must load from its manifest, match torch's outputs through `predict`, and generate.
type Kind = 'unconditional' | 'class' | 'text';
interface Tensor {
  shape: number[];
  data: number[];
}
const reference = (kind: DiffusersFixture) =>
  JSON.parse(readFileSync(path.join(DIFFUSERS_FIXTURES, kind, 'reference.json'), 'utf8')) as Record<string, Tensor>;
const TOLERANCE = 1e-4;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

const models = {} as Record<Kind, DiffusionModel>;
beforeAll(async () => {
  for (const kind of ['unconditional', 'class', 'text'] as const) models[kind] = await loadFixtureModelInNode(kind);
}, 60_000);
afterAll(async () => {
  for (const m of Object.values(models)) await m?.dispose();
});

async function frames(options: Parameters<typeof generate>[0]): Promise<GenerationFrame[]> {
  const out: GenerationFrame[] = [];
  for await (const f of generate(options)) out.push(f);
  return out;
}

describe('a diffusers UNet2DModel, unconditional, RGB', () => {
  it('reads its conditioning from the manifest: none, no prompts, no text encoder', () => {
    const m = models.unconditional;
    expect([m.conditioning, m.acceptsPrompts, m.tokenizer, m.encoderHiddenShape]).toEqual(['none', false, null, null]);
    expect(m.manifest.predictionType).toBe('epsilon');
    expect(m.manifest.guidance.default).toBe(1);
  });

  it(`predicts like torch within ${TOLERANCE}`, async () => {
    const ref = reference('unconditional');
    const out = await models.unconditional.predict(Float32Array.from(ref.sample!.data), ref.timestep!.data);
    const diff = maxAbsDiff(out, ref.out_sample!.data);
    console.log(`unconditional U-Net: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  });

  it('generates 3-channel images with its DDPM config (clip_sample on), deterministically', async () => {
    const run = () => frames({ model: models.unconditional, steps: 4, count: 3, seed: 5 });
    const a = await run();
    expect(a.map((f) => f.step)).toEqual([1, 2, 3, 4]);
    const last = a.at(-1)!;
    expect([last.channels, last.width, last.height, last.count]).toEqual([3, 16, 16, 3]);
    expect(last.sample).toHaveLength(3 * 3 * 16 * 16);
    // DDPM clips the x0 estimate to [-1, 1] (clip_sample: true in the fixture's diffusers config).
    for (const f of a) expect(f.predictedX0.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(Buffer.from((await run()).at(-1)!.sample.buffer).equals(Buffer.from(last.sample.buffer))).toBe(true);
  });

  it('refuses what an unconditional model cannot take, naming the option', async () => {
    const m = models.unconditional;
    await expect(generateImages({ model: m, prompt: 'cat', steps: 1, count: 1 })).rejects.toMatchObject({
      name: 'GenerateOptionsError',
      field: 'prompt',
    });
    await expect(generateImages({ model: m, classLabel: 1, steps: 1, count: 1 })).rejects.toMatchObject({
      field: 'classLabel',
    });
    await expect(generateImages({ model: m, guidanceScale: 3, steps: 1, count: 1 })).rejects.toThrow(
      /guidanceScale must be 1 or left out/,
    );
    await expect(m.predict(new Float32Array(768), [10], { classLabels: [1], batch: 1 })).rejects.toThrow(
      ConditioningError,
    );
    await expect(m.encodePrompts(['cat'])).rejects.toThrow(/has no text encoder and tokenizer/);
  });
});

describe('a diffusers UNet2DModel, class-conditional (int64 timesteps and labels)', () => {
  it('reads the int64 timestep from the file and names its classes', () => {
    expect(models.class.conditioning).toBe('class');
    expect(models.class.manifest.classes).toHaveLength(10);
  });

  it(`predicts like torch within ${TOLERANCE}`, async () => {
    const ref = reference('class');
    const out = await models.class.predict(Float32Array.from(ref.sample!.data), ref.timestep!.data, {
      classLabels: ref.class_labels!.data,
      batch: 2,
    });
    const diff = maxAbsDiff(out, ref.out_sample!.data);
    console.log(`class-conditional U-Net: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  });

  it('also runs when the runtime cannot tell the dtype and the manifest declares it (unet.timestepType)', async () => {
    const ort = ortNode as unknown as OrtModule;
    // An older onnxruntime without input metadata: the session is real, only the metadata is hidden.
    const withoutMetadata: OrtModule = {
      ...ort,
      InferenceSession: {
        create: async (bytes, options) => {
          const s = await ort.InferenceSession.create(bytes, options);
          return {
            inputNames: s.inputNames,
            outputNames: s.outputNames,
            run: (f, o) => s.run(f, o),
            release: () => s.release(),
          };
        },
      },
    };
    const ref = reference('class');
    const declared = await loadFixtureModelInNode('class', (m) => (m.unet.timestepType = 'int64'), withoutMetadata);
    const out = await declared.predict(Float32Array.from(ref.sample!.data), ref.timestep!.data, {
      classLabels: ref.class_labels!.data,
      batch: 2,
    });
    expect(maxAbsDiff(out, ref.out_sample!.data)).toBeLessThan(TOLERANCE);
    await declared.dispose();
    // A manifest that contradicts the file is caught at load.
    await expect(loadFixtureModelInNode('class', (m) => (m.unet.timestepType = 'float32'))).rejects.toThrow(
      /takes its timestep input as int64, but model.json says unet.timestepType 'float32'/,
    );
  });

  it('generates one class, guided against the null class, and each label changes the images', async () => {
    const run = (classLabel: number, guidanceScale?: number) =>
      generateImages({ model: models.class, classLabel, guidanceScale, steps: 3, count: 2, seed: 1 });
    const three = await run(3);
    const seven = await run(7);
    const unguided = await run(3, 1);
    expect(three.channels).toBe(1);
    expect(Array.from(three.sample)).not.toEqual(Array.from(seven.sample));
    expect(Array.from(three.sample)).not.toEqual(Array.from(unguided.sample));
    // Without a label the null class gives unconditional samples.
    expect((await generateImages({ model: models.class, steps: 1, count: 1 })).sample.every(Number.isFinite)).toBe(
      true,
    );
  });

  it('checks labels against the classes, and guidance against the null class', async () => {
    await expect(generateImages({ model: models.class, classLabel: 11, steps: 1, count: 1 })).rejects.toThrow(
      /classLabel must be an integer from 0 to 9 \(or the null class 10\)/,
    );
    await expect(
      models.class.predict(new Float32Array(256), [5], { classLabels: [12], batch: 1 }),
    ).rejects.toMatchObject({ name: 'ConditioningError', field: 'classLabels' });
    await expect(models.class.predict(new Float32Array(256), [5])).rejects.toThrow(/conditioning is missing/);
    const noNull = await loadFixtureModelInNode('class', (m) => delete m.nullClass);
    await expect(generateImages({ model: noNull, steps: 1, count: 1 })).rejects.toMatchObject({ field: 'classLabel' });
    await expect(
      generateImages({ model: noNull, classLabel: 2, guidanceScale: 4, steps: 1, count: 1 }),
    ).rejects.toMatchObject({ field: 'guidanceScale' });
    expect((await generateImages({ model: noNull, classLabel: 2, steps: 1, count: 1 })).count).toBe(1);
    await noNull.dispose();
  });
});

describe('a diffusers UNet2DConditionModel without a mask or text encoder', () => {
  it(`predicts like torch within ${TOLERANCE}, with no mask given`, async () => {
    const ref = reference('text');
    expect(models.text.encoderHiddenShape).toEqual({ length: 4, size: 8 });
    const out = await models.text.predict(Float32Array.from(ref.sample!.data), ref.timestep!.data, {
      hidden: Float32Array.from(ref.encoder_hidden_states!.data),
      batch: 2,
    });
    const diff = maxAbsDiff(out, ref.out_sample!.data);
    console.log(`text-conditioned U-Net: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  });

  it('generates from given embeddings, guided against zeros or a negative', async () => {
    const hidden = Float32Array.from({ length: 32 }, (_, i) => Math.sin(i));
    const base = { model: models.text, steps: 3, count: 2, seed: 4 };
    const guided = await generateImages({ ...base, embeddings: { hidden, batch: 1 } });
    const plain = await generateImages({ ...base, embeddings: { hidden, batch: 1 }, guidanceScale: 1 });
    const negative = await generateImages({
      ...base,
      embeddings: { hidden, batch: 1 },
      negativeEmbeddings: { hidden: hidden.map((v) => -v), batch: 1 },
    });
    const zeros = await generateImages({ ...base });
    for (const f of [guided, plain, negative, zeros]) expect(f.sample.every(Number.isFinite)).toBe(true);
    expect(Array.from(guided.sample)).not.toEqual(Array.from(plain.sample));
    expect(Array.from(guided.sample)).not.toEqual(Array.from(negative.sample));
    // w = 1 with the embeddings is exactly one conditional U-Net call a step: the same as predict by hand.
    const [first] = await frames({ ...base, count: 1, steps: 1, embeddings: { hidden, batch: 1 }, guidanceScale: 1 });
    const { createRng, randn } = await import('../../src/engine');
    const x = randn(createRng(4), 3 * 16 * 16);
    const byHand = await models.text.predict(x, [first!.timestep], { hidden, batch: 1 });
    expect(Array.from(first!.predictedNoise)).toEqual(Array.from(byHand));
  });

  it('names the option and the accepted shape when embeddings do not fit', async () => {
    const base = { model: models.text, steps: 1, count: 1 };
    await expect(generateImages({ ...base, embeddings: { hidden: new Float32Array(30), batch: 1 } })).rejects.toThrow(
      /embeddings.hidden must hold 1 x 4 x 8 values/,
    );
    await expect(
      generateImages({ ...base, embeddings: { hidden: new Float32Array(32), batch: 2 } }),
    ).rejects.toMatchObject({ field: 'embeddings.batch' });
    await expect(
      generateImages({ ...base, embeddings: { hidden: new Float32Array(32), mask: new Float32Array(3), batch: 1 } }),
    ).rejects.toMatchObject({ field: 'embeddings.mask' });
    await expect(generateImages({ ...base, prompt: 'a cat' })).rejects.toThrow(
      /prompt cannot be used: .* has no text encoder .*pass embeddings instead/,
    );
    await expect(
      generateImages({
        ...base,
        embeddings: { hidden: new Float32Array(32), batch: 1 },
        negativeEmbeddings: { hidden: new Float32Array(16), batch: 1 },
      }),
    ).rejects.toMatchObject({ field: 'negativeEmbeddings.hidden' });
    await expect(
      models.text.predict(new Float32Array(768), [3], { hidden: new Float32Array(24), batch: 1 }),
    ).rejects.toMatchObject({ name: 'ConditioningError', field: 'hidden' });
    expect(GenerateOptionsError).toBeDefined();
  });
});

// The same three kinds built with diffusers' own UNet2DModel / UNet2DConditionModel (diffusers 0.33.1, tiny
// configs, random weights) and exported with torch.onnx (test/fixtures/diffusers/export_real_diffusers.py).
describe.each([
  { kind: 'real-unconditional', conditioning: 'none', channels: 3 },
  { kind: 'real-class', conditioning: 'class', channels: 1 },
  { kind: 'real-text', conditioning: 'text', channels: 3 },
] as const)('a real diffusers export: $kind', ({ kind, conditioning, channels }) => {
  let model: DiffusionModel;
  beforeAll(async () => {
    model = await loadFixtureModelInNode(kind);
  }, 60_000);
  afterAll(async () => {
    await model?.dispose();
  });

  it('loads from its manifest with the conditioning of its inputs', () => {
    expect(model.conditioning).toBe(conditioning);
    expect(model.tokenizer).toBeNull();
    expect(model.encoderHiddenShape).toEqual(kind === 'real-text' ? { length: 4, size: 8 } : null);
    expect(model.manifest.predictionType).toBe('epsilon');
  });

  it(`predicts like torch within ${TOLERANCE}`, async () => {
    const ref = reference(kind);
    const conditioningInput =
      kind === 'real-class'
        ? { classLabels: ref.class_labels!.data, batch: 2 }
        : kind === 'real-text'
          ? { hidden: Float32Array.from(ref.encoder_hidden_states!.data), batch: 2 }
          : undefined;
    const out = await model.predict(Float32Array.from(ref.sample!.data), ref.timestep!.data, conditioningInput);
    const diff = maxAbsDiff(out, ref.out_sample!.data);
    console.log(`${kind} U-Net: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
  });

  it('generates finite images of its shape, deterministically', async () => {
    const options =
      kind === 'real-class'
        ? { classLabel: 7 }
        : kind === 'real-text'
          ? { embeddings: { hidden: Float32Array.from({ length: 32 }, (_, i) => Math.sin(i)), batch: 1 } }
          : {};
    const run = () => frames({ model, steps: 3, count: 2, seed: 5, ...options });
    const a = await run();
    expect(a.map((f) => f.step)).toEqual([1, 2, 3]);
    const last = a.at(-1)!;
    expect([last.channels, last.width, last.height, last.count]).toEqual([channels, 16, 16, 2]);
    expect(last.sample).toHaveLength(2 * channels * 16 * 16);
    expect(last.sample.every(Number.isFinite)).toBe(true);
    expect(Buffer.from((await run()).at(-1)!.sample.buffer).equals(Buffer.from(last.sample.buffer))).toBe(true);
  });
});

// A guided-distilled (LCM-style) U-Net: diffusers' UNet2DConditionModel with time_cond_proj_dim 256, whose
// guidance scale is an input, timestep_cond (test/fixtures/diffusers/export_real_lcm.py), sampled with the
// LCMScheduler of its model.json and no unconditional pass.
describe('a real diffusers export with timestep_cond (real-lcm)', () => {
  let model: DiffusionModel;
  const hidden = Float32Array.from({ length: 32 }, (_, i) => Math.sin(i));
  beforeAll(async () => {
    model = await loadFixtureModelInNode('real-lcm');
  }, 60_000);
  afterAll(async () => {
    await model?.dispose();
  });

  it('loads from its manifest: text conditioning, a 256-wide timestep_cond, the LCM scheduler', () => {
    expect(model.conditioning).toBe('text');
    expect(model.encoderHiddenShape).toEqual({ length: 4, size: 8 });
    expect(model.manifest.unet.inputs.timestepCond).toBe('timestep_cond');
    expect(model.manifest.unet.timeCondProjDim).toBe(256);
    expect(model.manifest.scheduler_config._class_name).toBe('LCMScheduler');
  });

  it(`predicts like torch within ${TOLERANCE} with torch's timestep_cond, and the engine's embedding is diffusers'`, async () => {
    const ref = reference('real-lcm') as Record<string, Tensor> & { guidance_scales: number[] };
    const sample = Float32Array.from(ref.sample!.data);
    const hiddenStates = Float32Array.from(ref.encoder_hidden_states!.data);
    const out = await model.predict(sample, ref.timestep!.data, {
      hidden: hiddenStates,
      timestepCond: Float32Array.from(ref.timestep_cond!.data),
      batch: 2,
    });
    const diff = maxAbsDiff(out, ref.out_sample!.data);
    console.log(`real-lcm U-Net: max |onnx - torch| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(TOLERANCE);
    // diffusers' get_guidance_scale_embedding runs in float32: phases up to 7500 rad round differently.
    const ours = new Float32Array(2 * 256);
    ref.guidance_scales.forEach((w, b) => ours.set(guidanceScaleEmbedding(w - 1, 256), 256 * b));
    const embeddingDiff = maxAbsDiff(ours, ref.timestep_cond!.data);
    const withOurs = await model.predict(sample, ref.timestep!.data, {
      hidden: hiddenStates,
      timestepCond: ours,
      batch: 2,
    });
    const outputDiff = maxAbsDiff(withOurs, ref.out_sample!.data);
    console.log(
      `real-lcm guidance embedding: max |engine - diffusers| = ${embeddingDiff.toExponential(2)}; U-Net output with it: ${outputDiff.toExponential(2)}`,
    );
    expect(embeddingDiff).toBeLessThan(1e-3);
    expect(outputDiff).toBeLessThan(TOLERANCE);
  });

  it("generates one LCM step like diffusers' LCMScheduler with this U-Net in torch (custom timesteps [979])", async () => {
    const ref = reference('real-lcm') as unknown as {
      lcm_one_step: {
        timesteps: number[];
        guidance_scale: number;
        init_noise: Tensor;
        encoder_hidden_states: Tensor;
        images: Tensor;
      };
    };
    const one = ref.lcm_one_step;
    const frame = await generateImages({
      model,
      embeddings: { hidden: Float32Array.from(one.encoder_hidden_states.data), batch: 1 },
      guidanceScale: one.guidance_scale,
      timesteps: one.timesteps,
      initialNoise: Float32Array.from(one.init_noise.data),
      count: 1,
    });
    const expected = one.images.data;
    const relative = maxAbsDiff(frame.sample, expected) / Math.max(...expected.map(Math.abs));
    console.log(`real-lcm one-step generation: max |engine - torch| / max |torch| = ${relative.toExponential(2)}`);
    expect(frame.timestep).toBe(979);
    expect(relative).toBeLessThan(1e-4);
  });

  it('runs one U-Net call per image a step (no unconditional half), with the guidance embedded', async () => {
    const batches: number[] = [];
    const conds: (Float32Array | undefined)[] = [];
    const spy: DiffusionModel = Object.create(model);
    spy.predictDetailed = (sample, timesteps, conditioning, options) => {
      batches.push(timesteps.length);
      conds.push((conditioning as { timestepCond?: Float32Array }).timestepCond);
      return model.predictDetailed(sample, timesteps, conditioning, options);
    };
    const base = { model: spy, embeddings: { hidden, batch: 1 }, count: 2, seed: 5 };
    const four = await frames({ ...base, steps: 4, guidanceScale: 6 });
    expect(four.map((f) => f.timestep)).toEqual([999, 759, 499, 259]);
    expect(batches).toEqual([2, 2, 2, 2]);
    expect(Array.from(conds[0]!.slice(0, 256))).toEqual(Array.from(guidanceScaleEmbedding(5, 256)));
    const student = await frames({ ...base, timesteps: [979, 739, 499, 259] });
    expect(student.map((f) => f.timestep)).toEqual([979, 739, 499, 259]);
    const again = await frames({ ...base, timesteps: [979, 739, 499, 259] });
    expect(Buffer.from(again.at(-1)!.sample.buffer).equals(Buffer.from(student.at(-1)!.sample.buffer))).toBe(true);
    const otherScale = await frames({ ...base, timesteps: [979, 739, 499, 259], guidanceScale: 1 });
    expect(Array.from(otherScale.at(-1)!.sample)).not.toEqual(Array.from(student.at(-1)!.sample));
    for (const f of [...four, ...student]) expect(f.sample.every(Number.isFinite)).toBe(true);
    // The manifest's default scale (3) is embedded when none is given.
    batches.length = 0;
    conds.length = 0;
    await frames({ ...base, timesteps: [979] });
    expect(batches).toEqual([2]);
    expect(Array.from(conds[0]!.slice(256))).toEqual(Array.from(guidanceScaleEmbedding(2, 256)));
  });

  it('names timestep_cond when it is missing or does not fit, and the options that cannot be used', async () => {
    const x = new Float32Array(768);
    await expect(model.predict(x, [979], { hidden, batch: 1 })).rejects.toMatchObject({
      name: 'ConditioningError',
      field: 'timestepCond',
    });
    await expect(model.predict(x, [979], { hidden, batch: 1 })).rejects.toThrow(
      /timestepCond is missing: .* takes the guidance scale as timestep_cond; pass a Float32Array of 1x256 values/,
    );
    await expect(
      model.predict(x, [979], { hidden, timestepCond: new Float32Array(128), batch: 1 }),
    ).rejects.toMatchObject({ field: 'timestepCond' });
    const text = await loadFixtureModelInNode('real-text');
    await expect(text.predict(x, [979], { hidden, timestepCond: new Float32Array(256), batch: 1 })).rejects.toThrow(
      /timestepCond must be left out/,
    );
    await text.dispose();
    const base = { model, embeddings: { hidden, batch: 1 }, count: 1 };
    await expect(generateImages({ ...base, timesteps: [979, 499], scheduler: 'euler' })).rejects.toMatchObject({
      name: 'GenerateOptionsError',
      field: 'timesteps',
    });
    await expect(generateImages({ ...base, timesteps: [499, 979] })).rejects.toThrow(
      /^timesteps must be a descending list of distinct integers from 0 to 999; got timesteps\[1\] = 979/,
    );
    await expect(generateImages({ ...base, timesteps: [979], steps: 1 })).rejects.toMatchObject({ field: 'timesteps' });
    await expect(generateImages({ ...base, steps: 51 })).rejects.toMatchObject({
      name: 'GenerateOptionsError',
      field: 'steps',
    });
    await expect(generateImages({ ...base, steps: 51 })).rejects.toThrow(
      /^steps is too many for LCMScheduler: num_inference_steps must be an integer from 1 to original_inference_steps \(50\)/,
    );
    // The same file with a manifest that forgets timestep_cond is refused at load, saying what to add.
    await expect(
      loadFixtureModelInNode('real-lcm', (m) => {
        delete m.unet.inputs.timestepCond;
        delete m.unet.timeCondProjDim;
      }),
    ).rejects.toThrow(/takes an input 'timestep_cond' .* add unet.inputs.timestepCond/);
  });
});
