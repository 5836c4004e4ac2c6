/**
 * diffusion-kit/webgpu: opts a site into onnxruntime-web's WebGPU build. Not part of the default path because
 * that build's wasm is 27 MB (over Cloudflare Pages' 25 MiB file limit) and a page on the CPU path never needs
 * it: only a site that imports this entry makes its bundler emit it.
 */
// Through the engine's two entries, which the build points at the package's own files (tsup.config.ts): one copy
// of the settings and of the registered onnxruntime builds.
import { configure } from '../index';
import { registerOrtWeb } from '../internal';

/** The engine Worker with the WebGPU build, from this package's files (bundlers emit it as a Worker chunk). */
export function createWebgpuEngineWorker(): Worker {
  return new Worker(new URL('./engineWorkerWebgpu.ts', import.meta.url), {
    type: 'module',
    name: 'diffusion-kit-engine',
  });
}

/**
 * Lets the figures (and `loadModel` on this page) run the model on WebGPU where a hardware adapter exists
 * (`device: 'auto'`, the default) or when asked (`device: 'webgpu'`); wasm stays the fallback. Call it once,
 * before the first figure loads a model:
 *
 * ```ts
 * import { enableWebGPU } from 'diffusion-kit/webgpu';
 * enableWebGPU();
 * ```
 */
export function enableWebGPU(): void {
  registerOrtWeb('webgpu', () => import('onnxruntime-web/webgpu'));
  configure({ createWorker: createWebgpuEngineWorker });
}
