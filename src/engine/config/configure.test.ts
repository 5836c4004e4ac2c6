import { afterEach, describe, expect, it } from 'vitest';
import { defaultModelSource, getDefaultModelUrl } from '../model/defaultModel';
import { SHIPPED_MODEL_DIGEST } from '../model/shippedModelDigest';
import { configure, getConfig, resetConfig } from './configure';

afterEach(() => resetConfig());

describe('configure', () => {
  it('by default the shipped model comes from the package files next to this module, each by its own URL', () => {
    const source = defaultModelSource();
    expect(typeof source).toBe('object');
    const { url, files } = source as Exclude<typeof source, string>;
    // Resolved from the module's own URL (import.meta.url), so a bundler can emit each file: never a root path.
    expect(url).toMatch(new RegExp(`/assets/models/glyffuser-mini/model\\.json\\?v=${SHIPPED_MODEL_DIGEST}$`));
    expect(url.startsWith('/')).toBe(false);
    expect(Object.keys(files).sort()).toEqual(['text_encoder.onnx', 'tokenizer.json', 'unet.onnx']);
    for (const [name, href] of Object.entries(files))
      expect(href.endsWith(`/assets/models/glyffuser-mini/${name}`)).toBe(true);
    expect(getDefaultModelUrl()).toBe(url);
  });

  it('modelUrl wins over assetBase; assetBase gets its trailing slash', () => {
    configure({ assetBase: 'https://cdn.example.org/kit/assets' });
    expect(defaultModelSource()).toBe(
      `https://cdn.example.org/kit/assets/models/glyffuser-mini/model.json?v=${SHIPPED_MODEL_DIGEST}`,
    );
    configure({ modelUrl: '/docs/my-model/model.json' });
    expect(getDefaultModelUrl()).toBe('/docs/my-model/model.json');
    expect(getConfig().assetBase).toBe('https://cdn.example.org/kit/assets/');
  });

  it('merges calls: a later call keeps what it does not name', () => {
    configure({ threads: 2 });
    configure({ wasmPaths: 'https://cdn.example.org/ort/' });
    expect(getConfig()).toEqual({ threads: 2, wasmPaths: 'https://cdn.example.org/ort/' });
  });

  it.each([
    [{ threads: 0 }, /^configure: threads must be an integer from 1 to 16; got 0\./],
    [{ threads: 2.5 }, /^configure: threads must be an integer from 1 to 16/],
    [{ modelUrl: '' }, /^configure: modelUrl must be a non-empty string or a URL; got ""\./],
    [{ wasmPaths: ['a'] }, /^configure: wasmPaths must be a folder URL or a map of file name to URL; got an array\./],
    [{ wasmPaths: { 'ort-wasm-simd-threaded.wasm': 3 } }, /^configure: wasmPaths must be/],
    [{ createWorker: 'worker.js' }, /^configure: createWorker must be a function that returns a Worker/],
    [
      { modelURL: '/x' },
      /^configure: modelURL is not a setting; the settings are modelUrl, assetBase, wasmPaths, threads, createWorker\./,
    ],
    [null, /^configure takes an object of settings/],
  ])('refuses %j with a LoadOptionsError naming the field, and keeps the earlier settings', (bad, message) => {
    configure({ threads: 3 });
    expect(() => configure(bad as never)).toThrow(message);
    try {
      configure(bad as never);
    } catch (error) {
      expect((error as Error).name).toBe('LoadOptionsError');
    }
    expect(getConfig()).toEqual({ threads: 3 });
  });
});
