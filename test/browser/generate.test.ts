import { describe, expect, it } from 'vitest';
import {
  createEngineWorker,
  generateImages,
  getDefaultModelUrl,
  loadModel,
  type GenerationFrame,
} from '../../src/engine';
import { enableWebGPU } from '../../src/engine/worker/enableWebGPU';

// The WebGPU build of onnxruntime-web is opt-in (diffusion-kit/webgpu): these tests run on it.
enableWebGPU();

// The shipped model in real Chromium: wasm, WebGPU (SwiftShader here: correct but slow, so one image and
// two steps), and the Worker. Served at the default URL by the kit-assets plugin.
const options = { prompt: 'tree', steps: 2, count: 1, seed: 11, scheduler: 'ddim' as const };

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

let wasmResult: GenerationFrame;

describe('the engine in Chromium', () => {
  it('generates on wasm, with threads on this cross-origin isolated page', async () => {
    const model = await loadModel(getDefaultModelUrl(), { device: 'wasm' });
    expect(model.device).toBe('wasm');
    expect(model.threads).toBeGreaterThanOrEqual(1);
    console.log(`wasm: ${model.threads} thread(s): ${model.threadsReason}`);
    wasmResult = await generateImages({ model, ...options });
    expect(wasmResult.sample.every(Number.isFinite)).toBe(true);
    await model.dispose();
    expect(model.disposed).toBe(true);
  }, 120_000);

  it('generates the same images on WebGPU within float32 tolerance', async () => {
    const model = await loadModel(getDefaultModelUrl(), { device: 'webgpu' });
    expect(model.device).toBe('webgpu');
    const gpu = await generateImages({ model, ...options });
    await model.dispose();
    const diff = maxAbsDiff(gpu.sample, wasmResult.sample);
    console.log(`WebGPU vs wasm, max |difference| after ${options.steps} steps: ${diff.toExponential(2)}`);
    // Both run the same float32 graph; kernels sum in different orders (GPU tiling, fused ops), and each
    // of ~20 layers adds relative rounding of about 1e-6 to 1e-5: we measured 2.4e-5 after two steps. In
    // pixel range [-1, 1], 1e-3 leaves room for more steps and other adapters and is still four times
    // below one grey level of an 8-bit image (2/255 = 7.8e-3).
    expect(diff).toBeLessThan(1e-3);
  }, 300_000);

  it('generates in a Web Worker with the same result as on the page', async () => {
    const worker = createEngineWorker();
    const progress: string[] = [];
    const info = await worker.load(getDefaultModelUrl(), { device: 'wasm', onProgress: (p) => progress.push(p.file) });
    expect(info.device).toBe('wasm');
    expect(progress).toContain('unet.onnx');
    let last: GenerationFrame | undefined;
    for await (const frame of worker.generate(options)) last = frame;
    await worker.terminate();
    expect(last!.step).toBe(2);
    expect(maxAbsDiff(last!.sample, wasmResult.sample)).toBeLessThan(1e-5);
  }, 120_000);

  it('carries typed errors and aborts across the Worker', async () => {
    const worker = createEngineWorker();
    await expect(worker.load('/kit-assets/models/missing/model.json')).rejects.toMatchObject({
      name: 'ModelLoadError',
    });
    await worker.load(getDefaultModelUrl(), { device: 'wasm' });
    const bad = (async () => {
      for await (const _ of worker.generate({ steps: 0 })) void _;
    })();
    await expect(bad).rejects.toMatchObject({ name: 'GenerateOptionsError', field: 'steps' });
    const controller = new AbortController();
    const steps: number[] = [];
    const aborted = (async () => {
      for await (const f of worker.generate({ steps: 20, count: 1, signal: controller.signal })) {
        steps.push(f.step);
        controller.abort();
      }
    })();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(steps).toEqual([1]);
    await worker.terminate();
  }, 120_000);
});
