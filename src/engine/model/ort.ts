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
  readonly inputMetadata?: readonly { name: string; isTensor?: boolean; type?: string; shape?: readonly (number | string)[] }[];
  /** `fetches`: the outputs wanted (all when omitted). */
  run(feeds: Record<string, OrtTensor>, fetches?: readonly string[]): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

export interface OrtModule {
  InferenceSession: { create(model: Uint8Array, options?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: 'float32' | 'int64', data: Float32Array | BigInt64Array, dims: readonly number[]) => OrtTensor;
  env: { wasm?: { numThreads?: number; proxy?: boolean }; logLevel?: string };
}

/** The device a session runs on. */
export type Device = 'webgpu' | 'wasm';

/**
 * Loads onnxruntime-web lazily, with `import()`, so that pages that only draw charts never download it:
 * the WebGPU build for 'webgpu', the smaller CPU-only build for 'wasm'.
 */
export async function importOrtWeb(device: Device): Promise<OrtModule> {
  const module = device === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  return ((module as { default?: OrtModule }).default ?? module) as unknown as OrtModule;
}
