import { describe, expect, it } from 'vitest';
import { chooseDevice } from './device';
import { importOrtWeb, registerOrtWeb } from './ort';

// Runs in order: the WebGPU build is registered half-way, as enableWebGPU() does on a page.
describe('the onnxruntime-web build decides which devices exist', () => {
  it("without the WebGPU build 'auto' is wasm and says how to enable WebGPU; 'webgpu' is a DeviceError", async () => {
    expect(await chooseDevice('auto')).toEqual({
      device: 'wasm',
      reason: expect.stringContaining("enableWebGPU() from 'diffusion-kit/webgpu'"),
    });
    await expect(chooseDevice('webgpu')).rejects.toMatchObject({
      name: 'DeviceError',
      message: expect.stringMatching(/WebGPU build is not enabled: call enableWebGPU\(\).*or use 'auto' or 'wasm'/),
    });
    await expect(importOrtWeb('webgpu')).rejects.toMatchObject({ name: 'DeviceError' });
  });

  it('with the WebGPU build registered, the choice depends on the adapter (none in Node)', async () => {
    const fake = { InferenceSession: {}, Tensor: class {}, env: {} };
    registerOrtWeb('webgpu', async () => fake);
    expect(await importOrtWeb('webgpu')).toBe(fake);
    expect(await chooseDevice('auto')).toEqual({ device: 'wasm', reason: expect.stringMatching(/no WebGPU|adapter/) });
    await expect(chooseDevice('webgpu')).rejects.toMatchObject({
      name: 'DeviceError',
      message: expect.stringMatching(/'webgpu' was requested but/),
    });
  });
});
