/// <reference lib="webworker" />
/**
 * The engine Worker with onnxruntime-web's WebGPU build (`enableWebGPU()` from `diffusion-kit/webgpu`). That
 * build also runs the CPU ('wasm') provider, so a page downloads one wasm file whichever device is chosen.
 */
import * as ortWebgpu from 'onnxruntime-web/webgpu';
import { registerOrtWeb } from '../model/ort';
import { startEngineWorker } from './engineWorkerMain';

registerOrtWeb('webgpu', async () => ortWebgpu);
registerOrtWeb('wasm', async () => ortWebgpu);
startEngineWorker();
