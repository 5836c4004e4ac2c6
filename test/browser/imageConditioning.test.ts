import { describe, expect, it } from 'vitest';
import { createEngineWorker, getDefaultModelUrl, type EngineWorker, type GenerationFrame } from '../../src/engine';

// Image conditioning and walks (issue #23) through the engine's Web Worker: the Float32Arrays of init, inpaint and
// walk cross by structured clone, the Worker validates them, and the frames come back. The shipped model on wasm,
// served at the default URL by the kit-assets plugin; one image and few steps.
const SIZE = 32 * 32;

async function run(worker: EngineWorker, options: Parameters<EngineWorker['generate']>[0]): Promise<GenerationFrame[]> {
  const frames: GenerationFrame[] = [];
  for await (const frame of worker.generate(options)) frames.push(frame);
  return frames;
}

function image(): Float32Array {
  const img = new Float32Array(SIZE).fill(-1);
  for (let i = 0; i < SIZE; i++) if (i % 32 >= 12 && i % 32 <= 19) img[i] = 1;
  return img;
}

describe('image conditioning in the Worker', () => {
  it('carries init, inpaint and walk options across and validates them there', async () => {
    const worker = createEngineWorker();
    try {
      await worker.load(getDefaultModelUrl(), { device: 'wasm' });
      const img = image();
      // SDEdit at strength 0: one step-0 frame, the image itself; the caller's array is still usable after.
      const zero = await run(worker, { steps: 4, count: 1, init: { image: img, strength: 0 } });
      expect(zero.map((f) => f.step)).toEqual([0]);
      expect(Array.from(zero[0]!.sample)).toEqual(Array.from(img));
      expect(img.length).toBe(SIZE);
      // strength 0.5 of 4 steps: the last 2 steps run.
      const half = await run(worker, {
        steps: 4,
        count: 1,
        seed: 2,
        scheduler: 'ddim',
        init: { image: img, strength: 0.5 },
      });
      expect(half.map((f) => f.step)).toEqual([1, 2]);
      // RePaint with resampling: 4 + floor(3 / 1) * 1 * 1 = 7 U-Net calls; the kept half is the image.
      const mask = Float32Array.from({ length: SIZE }, (_, i) => (i < SIZE / 2 ? 1 : 0));
      const inpaint = await run(worker, {
        steps: 4,
        count: 1,
        seed: 3,
        scheduler: 'euler',
        inpaint: { image: img, mask, resample: { jumpLength: 1, jumps: 1 } },
      });
      expect(inpaint).toHaveLength(7);
      const out = inpaint.at(-1)!.sample;
      for (let i = SIZE / 2; i < SIZE; i++) expect(out[i]).toBe(img[i]);
      // A seed walk's first image is the plain generation of its first seed.
      const walk = await run(worker, { steps: 2, count: 2, scheduler: 'ddim', walk: { seeds: [4, 5] } });
      const plain = await run(worker, { steps: 2, count: 1, scheduler: 'ddim', seed: 4 });
      const a = walk.at(-1)!.sample.subarray(0, SIZE);
      const b = plain.at(-1)!.sample;
      let diff = 0;
      for (let i = 0; i < SIZE; i++) diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
      expect(diff).toBeLessThan(1e-4);
      // Bad options come back as typed errors naming the field.
      await expect(run(worker, { count: 1, init: { image: img, strength: 2 } })).rejects.toMatchObject({
        name: 'GenerateOptionsError',
        field: 'init.strength',
      });
      await expect(run(worker, { count: 1, walk: { seeds: [1, 2] } })).rejects.toMatchObject({
        name: 'GenerateOptionsError',
        field: 'walk',
      });
    } finally {
      await worker.terminate();
    }
  }, 180_000);
});
