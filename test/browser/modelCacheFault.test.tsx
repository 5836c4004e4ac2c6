import { afterAll, expect, it } from 'vitest';
import { DenoiseAnimator } from '../../src/components/DenoiseAnimator';
import { mount, until } from '../../src/components/shared/testing/testHelpers.browser';
import { clearModelCache, getDefaultModelUrl, MODEL_CACHE_NAME } from '../../src/engine';
import { liveEngineCount } from '../../src/hooks/sharedEngine';
import manifest from '../../assets/models/glyffuser-mini/model.json';

// Issue 13's fault "a cache entry that is corrupt", end to end: a figure whose model is loaded by the engine
// Worker from a cache entry that has been damaged recovers by itself (the entry is dropped, the file downloaded
// again) and generates; no error message, no stuck figure, and the cache holds a good copy afterwards.
const unetUrl = () => new URL(manifest.unet.file, new URL(getDefaultModelUrl(), location.href)).href;

async function sha256(bytes: Uint8Array): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

async function generateOnce(): Promise<HTMLElement> {
  const view = mount(<DenoiseAnimator steps={2} count={2} seed={7} startWhen="mount" />);
  try {
    const figure = view.host.querySelector<HTMLElement>('[role="figure"]')!;
    await until(() => figure.dataset.state === 'done' || figure.dataset.state === 'error', 120_000, 'the generation');
    return figure.cloneNode(true) as HTMLElement;
  } finally {
    view.unmount();
    await until(() => liveEngineCount() === 0, 30_000, 'the engine release');
  }
}

afterAll(async () => {
  await clearModelCache();
});

it('a figure whose cached U-Net is corrupt drops it, downloads it again and generates', async () => {
  await clearModelCache();
  expect((await generateOnce()).dataset.state).toBe('done');
  const cache = await caches.open(MODEL_CACHE_NAME);
  const stored = (await cache.match(unetUrl()))!;
  const bytes = new Uint8Array(await stored.arrayBuffer());
  expect(await sha256(bytes)).toBe(manifest.files['unet.onnx'].sha256);

  // Damage the stored copy: zero a run of bytes in the middle, keeping its length and headers.
  const corrupt = bytes.slice();
  corrupt.fill(0, bytes.length >> 1, (bytes.length >> 1) + 4096);
  await cache.put(unetUrl(), new Response(corrupt, { headers: stored.headers }));

  const figure = await generateOnce();
  expect(figure.dataset.state).toBe('done');
  expect(figure.querySelector('[role="alert"]')).toBeNull();
  const repaired = new Uint8Array(await (await cache.match(unetUrl()))!.arrayBuffer());
  expect(await sha256(repaired)).toBe(manifest.files['unet.onnx'].sha256);
}, 300_000);
