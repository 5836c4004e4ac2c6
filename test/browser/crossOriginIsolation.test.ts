import { expect, it } from 'vitest';

// The browser test server sends COOP/COEP like Storybook does, so wasm threads can be tested here.
it('runs the browser tests cross-origin isolated, with SharedArrayBuffer', () => {
  expect(globalThis.crossOriginIsolated).toBe(true);
  expect(typeof SharedArrayBuffer).toBe('function');
});
