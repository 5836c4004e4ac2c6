import { describe, expect, it } from 'vitest';
import { prebundledPackageRoot } from './prebundled';

describe('a module pre-bundled by a dev server', () => {
  it("is found in Vite's deps folder (any base path, query, temp folder) and mapped to the package's own folder", () => {
    expect(
      prebundledPackageRoot('http://localhost:4321/guide/node_modules/.vite/deps/diffusion-kit_engine.js?v=1a2b3c'),
    ).toBe('http://localhost:4321/guide/node_modules/diffusion-kit/');
    expect(prebundledPackageRoot('http://localhost:5173/node_modules/.vite/deps_temp_9f8e/chunk-ABC.js')).toBe(
      'http://localhost:5173/node_modules/diffusion-kit/',
    );
  });

  it('is not found anywhere else (a build, the package itself, Node)', () => {
    expect(prebundledPackageRoot('http://localhost:4321/guide/_astro/index.CYB-cBpJ.js')).toBeNull();
    expect(prebundledPackageRoot('http://localhost:5173/node_modules/diffusion-kit/dist/engine/index.js')).toBeNull();
    expect(prebundledPackageRoot('file:///srv/site/node_modules/diffusion-kit/dist/engine/index.js')).toBeNull();
  });
});
