import { describe, expect, it } from 'vitest';
import { createEngineWorker, generateImages, loadModel, type GenerationFrame } from '../../src/engine';

// The tiny diffusers-contract U-Nets (test/fixtures/diffusers, served at /kit-fixtures/diffusers by the
// kit-assets plugin) in real Chromium: onnxruntime-web on wasm, on the page and in the engine Worker.
const url = (kind: string) => `/kit-fixtures/diffusers/${kind}/model.json`;

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('diffusers U-Nets of each kind in Chromium', () => {
  it('loads each and matches the torch reference through predict on wasm', async () => {
    // The real-* ones are built with diffusers' own classes (test/fixtures/diffusers/export_real_diffusers.py;
    // real-lcm, a UNet2DConditionModel with timestep_cond, by export_real_lcm.py).
    for (const kind of [
      'unconditional',
      'class',
      'text',
      'real-unconditional',
      'real-class',
      'real-text',
      'real-lcm',
    ]) {
      const model = await loadModel(url(kind), { device: 'wasm' });
      const ref = (await (await fetch(`/kit-fixtures/diffusers/${kind}/reference.json`)).json()) as Record<
        string,
        { data: number[] }
      >;
      const base = kind.replace(/^real-/, '');
      const hidden = ref.encoder_hidden_states ? Float32Array.from(ref.encoder_hidden_states.data) : undefined;
      const conditioning =
        base === 'class'
          ? { classLabels: ref.class_labels!.data, batch: 2 }
          : base === 'text'
            ? { hidden: hidden!, batch: 2 }
            : base === 'lcm'
              ? { hidden: hidden!, timestepCond: Float32Array.from(ref.timestep_cond!.data), batch: 2 }
              : undefined;
      const out = await model.predict(Float32Array.from(ref.sample!.data), ref.timestep!.data, conditioning);
      const diff = maxAbsDiff(out, Float32Array.from(ref.out_sample!.data));
      console.log(`${kind}: max |wasm - torch| = ${diff.toExponential(2)}`);
      expect(diff).toBeLessThan(1e-4);
      await model.dispose();
    }
  }, 120_000);

  it('generates with each kind on the page and in the Worker, with the same result', async () => {
    const textOptions = { embeddings: { hidden: Float32Array.from({ length: 32 }, (_, i) => Math.cos(i)), batch: 1 } };
    const runs = [
      { kind: 'unconditional', options: {} },
      { kind: 'class', options: { classLabel: 7 } },
      { kind: 'text', options: textOptions },
      { kind: 'real-unconditional', options: {} },
      { kind: 'real-class', options: { classLabel: 7 } },
      { kind: 'real-text', options: textOptions },
      // Sampled with the LCMScheduler of its model.json, the guidance scale embedded (no unconditional pass).
      { kind: 'real-lcm', options: textOptions },
    ];
    for (const { kind, options } of runs) {
      const base = { steps: 3, count: 2, seed: 9, ...options };
      const model = await loadModel(url(kind), { device: 'wasm' });
      const page = await generateImages({ model, ...base });
      await model.dispose();
      const worker = createEngineWorker();
      const info = await worker.load(url(kind), { device: 'wasm' });
      const expected = kind.replace(/^real-/, '').replace(/^lcm$/, 'text');
      expect(info.conditioning).toBe(expected === 'unconditional' ? 'none' : expected);
      expect(info.tokenizer).toBeNull();
      let last: GenerationFrame | undefined;
      for await (const frame of worker.generate(base)) last = frame;
      await worker.terminate();
      expect(last!.step).toBe(3);
      expect(page.sample.every(Number.isFinite)).toBe(true);
      expect(maxAbsDiff(last!.sample, page.sample)).toBeLessThan(1e-5);
    }
  }, 180_000);

  it('carries conditioning errors across the Worker, naming the option', async () => {
    const worker = createEngineWorker();
    await worker.load(url('class'), { device: 'wasm' });
    const bad = (async () => {
      for await (const _ of worker.generate({ classLabel: 42, steps: 1, count: 1 })) void _;
    })();
    await expect(bad).rejects.toMatchObject({ name: 'GenerateOptionsError', field: 'classLabel' });
    await worker.terminate();
  }, 60_000);
});
