import { DeviceError } from './errors';
import { hasOrtWeb, type Device } from './ort';

/** What the caller asks for: 'auto' picks WebGPU when a hardware adapter exists, wasm otherwise. */
export type DeviceRequest = 'auto' | Device;
export const DEVICE_REQUESTS: readonly DeviceRequest[] = ['auto', 'webgpu', 'wasm'];

/** The device chosen and why, for the UI to report. */
export interface DeviceChoice {
  device: Device;
  reason: string;
}

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { architecture?: string; vendor?: string; isFallbackAdapter?: boolean };
}

/** Looks for a WebGPU adapter; never touches `navigator` until called. */
export async function probeWebGpu(): Promise<{ adapter: AdapterLike | null; reason: string }> {
  const gpu =
    typeof navigator !== 'undefined'
      ? (navigator as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu
      : undefined;
  if (!gpu) return { adapter: null, reason: 'this browser exposes no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter();
    return adapter
      ? { adapter, reason: 'a WebGPU adapter is available' }
      : { adapter: null, reason: 'WebGPU found no adapter' };
  } catch (error) {
    return { adapter: null, reason: `WebGPU adapter request failed (${(error as Error).message})` };
  }
}

/** A software adapter (SwiftShader) runs on the CPU, far slower than the wasm backend. */
function isSoftwareAdapter(adapter: AdapterLike): boolean {
  return Boolean(
    adapter.isFallbackAdapter ||
    adapter.info?.isFallbackAdapter ||
    /swiftshader/i.test(adapter.info?.architecture ?? ''),
  );
}

/** Resolves a device request: an explicit device is honoured (WebGPU must exist), 'auto' chooses. */
export async function chooseDevice(request: DeviceRequest): Promise<DeviceChoice> {
  if (!DEVICE_REQUESTS.includes(request)) {
    throw new DeviceError(
      `device must be one of ${DEVICE_REQUESTS.map((d) => `'${d}'`).join(', ')}; got ${JSON.stringify(request)}.`,
    );
  }
  if (request === 'wasm') return { device: 'wasm', reason: 'wasm was requested' };
  if (!hasOrtWeb('webgpu')) {
    if (request === 'webgpu')
      throw new DeviceError(
        "device 'webgpu' was requested but onnxruntime-web's WebGPU build is not enabled: call enableWebGPU() from 'diffusion-kit/webgpu' first, or use 'auto' or 'wasm'.",
      );
    return {
      device: 'wasm',
      reason: "onnxruntime-web's WebGPU build is not enabled (enableWebGPU() from 'diffusion-kit/webgpu'): using wasm",
    };
  }
  const { adapter, reason } = await probeWebGpu();
  if (request === 'webgpu') {
    if (!adapter) throw new DeviceError(`device 'webgpu' was requested but ${reason}; use 'auto' or 'wasm'.`);
    return { device: 'webgpu', reason: 'WebGPU was requested' };
  }
  if (!adapter) return { device: 'wasm', reason: `${reason}: using wasm` };
  if (isSoftwareAdapter(adapter))
    return { device: 'wasm', reason: 'the only WebGPU adapter is a software one (slower than wasm): using wasm' };
  return { device: 'webgpu', reason: 'a hardware WebGPU adapter is available' };
}

/** Wasm threads: several only on a cross-origin isolated page (SharedArrayBuffer), else one. */
export function chooseThreadCount(requested?: number): { threads: number; reason: string } {
  const isolated =
    typeof globalThis !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (!isolated) return { threads: 1, reason: 'the page is not cross-origin isolated, so wasm runs on one thread' };
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 1;
  const threads = Math.max(1, Math.min(requested ?? cores, cores, 8));
  return {
    threads,
    reason: `cross-origin isolated: ${threads} wasm thread${threads === 1 ? '' : 's'} of ${cores} cores`,
  };
}
