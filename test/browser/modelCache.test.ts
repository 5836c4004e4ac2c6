import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  clearModelCache,
  createEngineWorker,
  generateImages,
  getDefaultModelUrl,
  loadModel,
  MODEL_CACHE_NAME,
  type FileProgress,
  type GenerationFrame,
} from '../../src/engine';

// The model cache in real Chromium, with the real Cache API (Cache Storage), on the shipped model served by
// the kit-assets plugin. "Offline" is a fetch that records each request and fails it, passed as loadModel's
// `fetch` option: a second load must not call it at all.
const options = { prompt: 'tree', steps: 2, count: 1, seed: 11, scheduler: 'ddim' as const };
const FILES = ['model.json', 'text_encoder.onnx', 'tokenizer.json', 'unet.onnx'];
const url = () => new URL(getDefaultModelUrl(), location.href).href;
const fileUrl = (file: string) => new URL(file, url()).href;
/** A URL's file name, without the query (the default model URL carries `?v=<digest>`). */
const base = (u: string) => new URL(u).pathname.split('/').pop()!;

function online() {
  const requests: string[] = [];
  return { requests, fetch: (u: string) => (requests.push(base(u)), fetch(u)) };
}

function offline() {
  const requests: string[] = [];
  return {
    requests,
    fetch: async (u: string): Promise<Response> => {
      requests.push(base(u));
      throw new TypeError('Failed to fetch (offline)');
    },
  };
}

/** The files of a load by where they came from (the last progress event of each). */
function sources(progress: FileProgress[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const p of progress) out[p.file] = p.fromCache;
  return out;
}

async function storedFiles(): Promise<string[]> {
  const cache = await caches.open(MODEL_CACHE_NAME);
  return (await cache.keys()).map((r) => base(r.url)).sort();
}

async function loadAndGenerate(fetchImpl: (u: string) => Promise<Response>, cache?: 'auto' | 'none' | 'reload') {
  const progress: FileProgress[] = [];
  const model = await loadModel(url(), {
    device: 'wasm',
    fetch: fetchImpl,
    onProgress: (p) => progress.push(p),
    ...(cache ? { cache } : {}),
  });
  try {
    return { frame: await generateImages({ model, ...options }), from: sources(progress) };
  } finally {
    await model.dispose();
  }
}

const allFrom = (fromCache: boolean) => Object.fromEntries(FILES.map((f) => [f, fromCache]));

describe('the model cache in Chromium', () => {
  beforeEach(async () => {
    await clearModelCache();
  });
  afterAll(async () => {
    await clearModelCache();
  });

  it('stores the files on the first load; the second load makes no network request and generates offline', async () => {
    const first = online();
    const a = await loadAndGenerate(first.fetch);
    expect(first.requests.sort()).toEqual(FILES);
    expect(a.from).toEqual(allFrom(false));
    expect(await storedFiles()).toEqual(FILES);

    const net = offline();
    const b = await loadAndGenerate(net.fetch);
    expect(net.requests).toEqual([]);
    expect(b.from).toEqual(allFrom(true));
    expect(Array.from(b.frame.sample)).toEqual(Array.from(a.frame.sample));
  }, 120_000);

  it("with cache 'none' reads and stores nothing; with 'reload' downloads again and replaces the copies", async () => {
    const none = online();
    expect((await loadAndGenerate(none.fetch, 'none')).from).toEqual(allFrom(false));
    expect(none.requests.sort()).toEqual(FILES);
    expect(await storedFiles()).toEqual([]);

    await loadAndGenerate(online().fetch);
    const reload = online();
    expect((await loadAndGenerate(reload.fetch, 'reload')).from).toEqual(allFrom(false));
    expect(reload.requests.sort()).toEqual(FILES);
    expect(await storedFiles()).toEqual(FILES);
  }, 120_000);

  it('drops a corrupt, truncated or foreign entry, downloads that file again, generates, and keeps the repaired copy', async () => {
    const reference = await loadAndGenerate(online().fetch);
    const cache = await caches.open(MODEL_CACHE_NAME);
    const overwrite = async (file: string, edit: (bytes: Uint8Array) => Uint8Array, keepHeaders = true) => {
      const stored = (await cache.match(fileUrl(file)))!;
      const bytes = new Uint8Array(await stored.arrayBuffer());
      await cache.put(
        fileUrl(file),
        new Response(edit(bytes) as Uint8Array<ArrayBuffer>, keepHeaders ? { headers: stored.headers } : {}),
      );
    };
    // Truncated (a partial write), with the stored length and digest headers kept.
    await overwrite('unet.onnx', (b) => b.slice(0, b.length >> 1));
    // Same length, one byte altered (bit rot, a tampered copy).
    await overwrite('tokenizer.json', (b) => {
      const c = b.slice();
      c[100] = c[100]! ^ 0xff;
      return c;
    });
    // A response put there by something else: no digest header at all.
    await overwrite('text_encoder.onnx', (b) => b, false);

    const net = online();
    const repaired = await loadAndGenerate(net.fetch);
    expect(net.requests.sort()).toEqual(['text_encoder.onnx', 'tokenizer.json', 'unet.onnx']);
    expect(repaired.from).toEqual({
      'model.json': true,
      'text_encoder.onnx': false,
      'tokenizer.json': false,
      'unet.onnx': false,
    });
    expect(Array.from(repaired.frame.sample)).toEqual(Array.from(reference.frame.sample));

    // The copies were replaced by good ones: offline again, nothing is requested.
    const net2 = offline();
    expect((await loadAndGenerate(net2.fetch)).from).toEqual(allFrom(true));
    expect(net2.requests).toEqual([]);
  }, 180_000);

  it('clearModelCache() empties it: the next load needs the network again', async () => {
    await loadAndGenerate(online().fetch);
    expect(await caches.has(MODEL_CACHE_NAME)).toBe(true);
    expect(await clearModelCache()).toBe(true);
    expect(await caches.has(MODEL_CACHE_NAME)).toBe(false);
    expect(await clearModelCache()).toBe(false);
    const net = offline();
    await expect(loadModel(url(), { device: 'wasm', fetch: net.fetch })).rejects.toMatchObject({
      name: 'ModelLoadError',
      file: 'model.json',
    });
    expect(net.requests[0]).toBe('model.json');
  }, 120_000);

  it('works in the engine Worker: the Worker fills the cache, the page and a new Worker load from it with no request', async () => {
    const worker = createEngineWorker();
    const firstProgress: FileProgress[] = [];
    await worker.load(getDefaultModelUrl(), { device: 'wasm', onProgress: (p) => firstProgress.push(p) });
    await worker.terminate();
    expect(sources(firstProgress)).toEqual(allFrom(false));
    expect(await storedFiles()).toEqual(FILES);

    // What the Worker stored, the page reads offline.
    const net = offline();
    const page = await loadAndGenerate(net.fetch);
    expect(net.requests).toEqual([]);

    const second = createEngineWorker();
    const progress: FileProgress[] = [];
    await second.load(getDefaultModelUrl(), { device: 'wasm', onProgress: (p) => progress.push(p) });
    expect(sources(progress)).toEqual(allFrom(true));
    let last: GenerationFrame | undefined;
    for await (const frame of second.generate(options)) last = frame;
    await second.terminate();
    expect(Array.from(last!.sample)).toEqual(Array.from(page.frame.sample));

    // The option crosses the protocol: 'none' downloads even with a full cache.
    const third = createEngineWorker();
    const none: FileProgress[] = [];
    await third.load(getDefaultModelUrl(), { device: 'wasm', cache: 'none', onProgress: (p) => none.push(p) });
    await third.terminate();
    expect(sources(none)).toEqual(allFrom(false));
    const bad = createEngineWorker();
    await expect(bad.load(getDefaultModelUrl(), { cache: 'always' as 'auto' })).rejects.toMatchObject({
      name: 'LoadOptionsError',
      field: 'cache',
    });
    await bad.terminate();
  }, 180_000);
});
