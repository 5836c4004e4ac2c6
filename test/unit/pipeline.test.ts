import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generate,
  generateImages,
  GenerateOptionsError,
  GenerationAbortedError,
  type DiffusionModel,
  type GenerationFrame,
} from '../../src/engine';
import { loadShippedModelInNode } from './nodeModel';

// The real shipped model on onnxruntime-node: small batches and few steps keep this quick on 2 cores.
let model: DiffusionModel;
beforeAll(async () => {
  model = await loadShippedModelInNode(1);
}, 60_000);
afterAll(async () => {
  await model?.dispose();
});

async function collect(options: Parameters<typeof generate>[0]): Promise<GenerationFrame[]> {
  const frames: GenerationFrame[] = [];
  for await (const f of generate(options)) frames.push(f);
  return frames;
}

describe('generate with the shipped model', () => {
  it('yields one frame per step with shapes from the manifest', async () => {
    const frames = await collect({ model, prompt: 'tree', steps: 3, count: 2, seed: 1, scheduler: 'ddim' });
    expect(frames.map((f) => f.step)).toEqual([1, 2, 3]);
    const { width, height, channels } = model.manifest.image;
    for (const f of frames) {
      expect(f.totalSteps).toBe(3);
      expect(f.sample).toHaveLength(2 * channels * width * height);
      expect(f.predictedX0).toHaveLength(f.sample.length);
      expect(f.predictedNoise).toHaveLength(f.sample.length);
      expect(f.sample.every(Number.isFinite)).toBe(true);
    }
    expect(frames[0]!.timestep).toBeGreaterThan(frames[2]!.timestep);
  }, 60_000);

  it('is bit-for-bit deterministic for a seed and differs between seeds', async () => {
    const a = await generateImages({ model, prompt: 'water', steps: 2, count: 2, seed: 7 });
    const b = await generateImages({ model, prompt: 'water', steps: 2, count: 2, seed: 7 });
    const c = await generateImages({ model, prompt: 'water', steps: 2, count: 2, seed: 8 });
    expect(Buffer.from(a.sample.buffer).equals(Buffer.from(b.sample.buffer))).toBe(true);
    expect(Buffer.from(a.sample.buffer).equals(Buffer.from(c.sample.buffer))).toBe(false);
  }, 60_000);

  it('with guidance scale 1 predicts exactly the conditional noise, and w > 1 moves away from it', async () => {
    const [frame1] = await collect({
      model,
      prompt: 'gold',
      steps: 1,
      count: 1,
      seed: 3,
      guidanceScale: 1,
      scheduler: 'ddim',
    });
    const [frame3] = await collect({
      model,
      prompt: 'gold',
      steps: 1,
      count: 1,
      seed: 3,
      guidanceScale: 3,
      scheduler: 'ddim',
    });
    // The same call made by hand: the seed's noise through the U-Net with the prompt's embedding.
    const { createRng, randn } = await import('../../src/engine');
    const x = randn(createRng(3), frame1!.sample.length);
    const cond = await model.encodePrompts(['gold']);
    const uncond = await model.emptyPromptEmbedding();
    const t = frame1!.timestep;
    const byHand = await model.predict(x, [t], cond);
    expect(Array.from(frame1!.predictedNoise)).toEqual(Array.from(byHand));
    // w = 3: eps_u + 3 (eps_c - eps_u), within float32 rounding of the batched call.
    const epsU = await model.predict(x, [t], uncond);
    let maxErr = 0;
    for (let i = 0; i < epsU.length; i++)
      maxErr = Math.max(maxErr, Math.abs(frame3!.predictedNoise[i]! - (epsU[i]! + 3 * (byHand[i]! - epsU[i]!))));
    expect(maxErr).toBeLessThan(1e-4);
  }, 60_000);

  it('stops between steps when aborted and yields nothing after', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const f of generate({ model, steps: 5, count: 1, seed: 0, signal: controller.signal })) {
          seen.push(f.step);
          if (f.step === 2) controller.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(GenerationAbortedError);
    expect(seen).toEqual([1, 2]);
  }, 60_000);

  it.each([
    [{ steps: 0 }, 'steps must be an integer from 1 to 1000'],
    [{ count: 0 }, 'count must be an integer from 1 to 256'],
    [{ guidanceScale: Number.NaN }, 'guidanceScale must be a number from 0 to 50'],
    [{ seed: 1.5 }, 'seed must be a safe integer'],
    [{ scheduler: 'heun' as never }, 'heun'],
  ])('rejects bad options up front: %o', async (bad, message) => {
    await expect(collect({ model, count: 1, steps: 1, ...bad })).rejects.toThrow(message);
  });

  it('rejects options with a typed error naming the field', async () => {
    await expect(collect({ model, steps: -1 })).rejects.toMatchObject({ name: 'GenerateOptionsError', field: 'steps' });
    expect(GenerateOptionsError).toBeDefined();
  });
});
