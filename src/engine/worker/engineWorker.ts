/// <reference lib="webworker" />
/**
 * The engine Worker with onnxruntime-web's CPU build (one 14 MB wasm): the Worker the figures start by default.
 * onnxruntime is imported statically, so the Worker is one bundle with no code splitting: it builds under any
 * worker format a host bundler uses (Vite's and Astro's default 'iife' included).
 */
import * as ortWasm from 'onnxruntime-web/wasm';
import { registerOrtWeb } from '../model/ort';
import { startEngineWorker } from './engineWorkerMain';

registerOrtWeb('wasm', async () => ortWasm);
startEngineWorker();
