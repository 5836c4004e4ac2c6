import { afterEach, describe, expect, it } from 'vitest';
import { EngineErrorMessage } from '../../../src/components/shared/ui/EngineErrorMessage';
import { mount } from '../../../src/components/shared/testing/testHelpers.browser';
import { chooseDevice, generate, getDefaultModelUrl, loadModel } from '../../../src/engine';
import { ortLive } from '../../../src/engine/model/ortStats';
import { watchUnhandled } from './faultHelpers';
import { enableWebGPU } from '../../../src/engine/worker/enableWebGPU';

// The WebGPU build of onnxruntime-web is opt-in (diffusion-kit/webgpu): these tests run on it.
enableWebGPU();

// WebGPU missing, and WebGPU lost mid-generation. Headless Chromium here has a SwiftShader adapter
// (--enable-unsafe-webgpu): real, but about 100 times slower than wasm, so the loss test runs one image.

/** Hides navigator.gpu (a browser without WebGPU) until the returned restore is called. */
function withoutWebGpu(): () => void {
  const own = Object.getOwnPropertyDescriptor(navigator, 'gpu');
  Object.defineProperty(navigator, 'gpu', { value: undefined, configurable: true });
  return () => {
    if (own) Object.defineProperty(navigator, 'gpu', own);
    else delete (navigator as { gpu?: unknown }).gpu;
  };
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('WebGPU unavailable', () => {
  it("'auto' falls back to wasm and says why; 'webgpu' fails with a message the figure shows", async () => {
    const restore = withoutWebGpu();
    try {
      expect((navigator as { gpu?: unknown }).gpu).toBeUndefined();
      expect(await chooseDevice('auto')).toEqual({
        device: 'wasm',
        reason: expect.stringMatching(/no WebGPU.*using wasm/),
      });
      const model = await loadModel(getDefaultModelUrl(), { device: 'auto' });
      expect(model.device).toBe('wasm');
      expect(model.deviceReason).toMatch(/navigator\.gpu is missing/);
      await model.dispose();
      let error: Error | null = null;
      await loadModel(getDefaultModelUrl(), { device: 'webgpu' }).catch((e: Error) => (error = e));
      expect(error).toMatchObject({
        name: 'DeviceError',
        message: expect.stringMatching(/'webgpu' was requested.*use 'auto' or 'wasm'/),
      });
      const view = mount(
        <EngineErrorMessage component="DenoiseAnimator" error={error!} phase="load" onRetry={() => {}} />,
      );
      cleanup = view.unmount;
      expect(view.host.querySelector('[role="alert"]')!.textContent).toMatch(
        /requested device is not available.*use 'auto' or 'wasm'/,
      );
    } finally {
      restore();
    }
    expect((navigator as { gpu?: unknown }).gpu).toBeDefined();
  }, 120_000);
});

describe('WebGPU device lost mid-generation', () => {
  it('the generation fails with a DeviceError that says so, at once, and later calls fail the same way', async () => {
    const unhandled = watchUnhandled();
    const model = await loadModel(getDefaultModelUrl(), { device: 'webgpu' });
    expect(model.device).toBe('webgpu');
    // The same module instance the engine imported: its env holds the GPUDevice the sessions run on.
    const ort = (await import('onnxruntime-web/webgpu')) as unknown as {
      env: { webgpu: { device?: GPUDevice | Promise<GPUDevice> } };
    };
    const device = await ort.env.webgpu.device;
    expect(device).toBeInstanceOf(GPUDevice);
    const steps: number[] = [];
    let error: Error | null = null;
    try {
      for await (const frame of generate({ model, prompt: 'tree', count: 1, steps: 3, seed: 1 })) {
        steps.push(frame.step);
        if (frame.step === 1) device!.destroy();
      }
    } catch (e) {
      error = e as Error;
    }
    expect(steps).toEqual([1]);
    expect(error).toMatchObject({ name: 'DeviceError', message: expect.stringMatching(/WebGPU device was lost/) });
    expect(model.deviceLost).toBeTruthy();
    await expect(model.encodePrompts(['tree'])).rejects.toMatchObject({ name: 'DeviceError' });
    await model.dispose();
    expect(ortLive.sessions).toBe(0);
    // What the Worker does next (engineWorker.ts): the same model again on wasm.
    const again = await loadModel(getDefaultModelUrl(), { device: 'wasm' });
    const frames: number[] = [];
    for await (const frame of generate({ model: again, prompt: 'tree', count: 1, steps: 2, seed: 1 }))
      frames.push(frame.step);
    expect(frames).toEqual([1, 2]);
    await again.dispose();
    expect(unhandled.stop()).toEqual([]);
  }, 400_000);
});
