/**
 * diffusion-kit/engine: framework-free maths and runtime of the kit. Nothing here imports React or touches
 * the DOM at module top level; it runs unchanged in Node, in a Web Worker and in the browser.
 * onnxruntime-web is loaded lazily, with import(), only when a model is loaded.
 */
export * from './rng';
export * from './forward';
export * from './schedules';
export * from './schedulers';
export * from './model';
export * from './pipeline';
export * from './worker';
export * from './distributions';
export * from './training';
export { configure, getConfig, type KitConfig } from './config/configure';
