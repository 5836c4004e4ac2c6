import type { OrtLoader } from './ort';

/**
 * The onnxruntime-web build `loadModel` uses for 'wasm' when none is registered: the CPU build, loaded on demand.
 * The package build replaces this module with `undefined` inside its Worker files (tsup.config.ts), which
 * register their build statically: a Worker bundle then names exactly one build and needs no code splitting.
 */
export const defaultWasmLoader: OrtLoader | undefined = () => import('onnxruntime-web/wasm');
