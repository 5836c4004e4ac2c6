import { describe, expect, it } from 'vitest';

// The browser project launches Chromium with --enable-unsafe-webgpu: a WebGPU adapter must exist (a real
// GPU, or SwiftShader on a CPU-only machine), and a device made from it must run a compute shader.
describe('WebGPU in the test browser', () => {
  it('finds an adapter and runs a compute shader on its device', async () => {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    expect(gpu, 'navigator.gpu is missing: is Chromium started with --enable-unsafe-webgpu?').toBeDefined();
    const adapter = await gpu!.requestAdapter();
    expect(adapter).not.toBeNull();
    const device = await adapter!.requestDevice();
    const module = device.createShaderModule({
      code: `@group(0) @binding(0) var<storage, read_write> data: array<f32>;
             @compute @workgroup_size(4) fn main(@builtin(global_invocation_id) id: vec3<u32>) {
               data[id.x] = data[id.x] * 2.0 + 1.0;
             }`,
    });
    const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    const input = new Float32Array([0, 1, 2, 3]);
    const storage = device.createBuffer({
      size: 16,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
    });
    device.queue.writeBuffer(storage, 0, input);
    const readback = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [{ binding: 0, resource: { buffer: storage } }],
    });
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(1);
    pass.end();
    encoder.copyBufferToBuffer(storage, 0, readback, 0, 16);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    expect(Array.from(new Float32Array(readback.getMappedRange()))).toEqual([1, 3, 5, 7]);
    device.destroy();
  });
});
