import { DeviceError } from './errors';
import { defaultWasmLoader } from './ortDefault';

/**
 * The slice of the onnxruntime API the engine uses. onnxruntime-web (browser, Worker) and onnxruntime-node
 * (Node checks and benchmarks) both satisfy it, so either can be injected.
 */
export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
  readonly type: string;
  dispose?(): void;
}

export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** Each input's dtype and shape (onnxruntime 1.22 and later; absent in older runtimes). */
  readonly inputMetadata?: readonly {
    name: string;
    isTensor?: boolean;
    type?: string;
    shape?: readonly (number | string)[];
  }[];
  /** `fetches`: the outputs wanted (all when omitted). */
  run(feeds: Record<string, OrtTensor>, fetches?: readonly string[]): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

export interface OrtModule {
  InferenceSession: { create(model: Uint8Array, options?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: 'float32' | 'int64', data: Float32Array | BigInt64Array, dims: readonly number[]) => OrtTensor;
  env: {
    wasm?: { numThreads?: number; proxy?: boolean; wasmPaths?: string | Readonly<Record<string, string>> };
    logLevel?: string;
  };
}

/** The device a session runs on. */
export type Device = 'webgpu' | 'wasm';

/** Loads one build of onnxruntime-web. */
export type OrtLoader = () => Promise<unknown>;

/**
 * The onnxruntime-web builds this page or Worker can use. Only the CPU build (`onnxruntime-web/wasm`, one
 * 14 MB wasm) is known by default: naming the WebGPU build anywhere in the kit would make every host bundler
 * emit its 27 MB wasm, which is over some static hosts' file limit (Cloudflare Pages: 25 MiB). The WebGPU build
 * is added by `diffusion-kit/webgpu` (`enableWebGPU()`), whose Worker registers it.
 */
const loaders: Partial<Record<Device, OrtLoader>> = {};

/** Makes a build of onnxruntime-web available for `device` (the WebGPU build also runs 'wasm'). */
export function registerOrtWeb(device: Device, loader: OrtLoader): void {
  loaders[device] = loader;
}

/** Whether a WebGPU-capable onnxruntime-web build is registered here. */
export function hasOrtWeb(device: Device): boolean {
  return device === 'wasm' || loaders[device] !== undefined;
}

/**
 * Loads onnxruntime-web lazily, with `import()`, so that pages that only draw charts never download it: the
 * registered build for the device, else the CPU-only build for 'wasm'.
 */
export async function importOrtWeb(device: Device): Promise<OrtModule> {
  const loader = loaders[device] ?? (device === 'wasm' ? defaultWasmLoader : undefined);
  if (!loader)
    throw new DeviceError(
      `device '${device}' needs onnxruntime-web's WebGPU build: call enableWebGPU() from 'diffusion-kit/webgpu' before the first model loads, or use 'wasm'.`,
    );
  const module = await loader();
  return ((module as { default?: OrtModule }).default ?? module) as unknown as OrtModule;
}
