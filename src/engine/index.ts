/**
 * diffusion-kit/engine: framework-free maths and runtime of the kit. Nothing here imports React or touches
 * the DOM at module top level; it runs unchanged in Node, in a Web Worker and in the browser.
 */
export * from './rng';
export * from './forward';
