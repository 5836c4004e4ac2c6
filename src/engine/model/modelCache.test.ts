import { describe, expect, it } from 'vitest';
import { LoadOptionsError, ModelLoadError } from './errors';
import { sha256Hex } from './fileIntegrity';
import { checkCacheMode, clearModelCache, openModelCache } from './modelCache';
import { openModelFiles } from './modelFiles';

// Node has no Cache API: 'auto' behaves as 'none' here. The cache itself is tested in Chromium
// (test/browser/modelCache.test.ts), with the real Cache Storage.
describe('the model cache where the Cache API is absent (Node)', () => {
  it('checks the cache option and names it with the accepted values', () => {
    expect(checkCacheMode(undefined)).toBe('auto');
    for (const mode of ['auto', 'none', 'reload'] as const) expect(checkCacheMode(mode)).toBe(mode);
    expect(() => checkCacheMode('always')).toThrow(LoadOptionsError);
    expect(() => checkCacheMode(true)).toThrow("cache must be one of 'auto', 'none', 'reload'; got boolean.");
  });

  it('opens no cache and clears nothing', async () => {
    expect((globalThis as { caches?: unknown }).caches).toBeUndefined();
    expect(await openModelCache()).toBeNull();
    expect(await clearModelCache()).toBe(false);
  });

  it('downloads through the given fetch, reports fromCache false, and refuses bytes the manifest does not vouch for', async () => {
    const body = new TextEncoder().encode('{"a":1}');
    const requests: string[] = [];
    const fetch = async (url: string) => {
      requests.push(url);
      return new Response(body);
    };
    const progress: boolean[] = [];
    const files = await openModelFiles({ mode: 'auto', fetch, onProgress: (p) => progress.push(p.fromCache) });
    expect(files.cached).toBe(false);
    expect(
      await files.json('https://x.test/m.json', 'm.json', { bytes: body.length, sha256: (await sha256Hex(body))! }),
    ).toEqual({ a: 1 });
    await files.commit();
    expect(await files.json('https://x.test/m.json', 'm.json')).toEqual({ a: 1 });
    expect(requests).toHaveLength(2);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p === false)).toBe(true);
    await expect(files.bytes('https://x.test/u.onnx', 'u.onnx', { bytes: body.length + 1 })).rejects.toThrow(
      ModelLoadError,
    );
    await expect(files.bytes('https://x.test/u.onnx', 'u.onnx', { sha256: '0'.repeat(64) })).rejects.toThrow(
      /u\.onnx: downloaded from .* has SHA-256 [0-9a-f]{64}; expected 0{64}/,
    );
  });
});
