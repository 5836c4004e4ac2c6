import { afterEach, describe, expect, it } from 'vitest';
import { configure, createEngineWorker, getDefaultModelUrl } from '../../src/engine';
import { resetConfig } from '../../src/engine/config/configure';

// configure() is read on the page, and what it sets must reach the engine's Worker: the Worker factory the figures
// share, and onnxruntime-web's wasmPaths inside the Worker.
afterEach(() => resetConfig());

describe('configure reaches the Worker', () => {
  it('createWorker makes the engine Worker, which then loads the model', async () => {
    let made = 0;
    configure({
      createWorker: () => {
        made++;
        return new Worker(new URL('../../src/engine/worker/engineWorker.ts', import.meta.url), {
          type: 'module',
          name: 'custom-engine',
        });
      },
    });
    const worker = createEngineWorker();
    try {
      expect(made).toBe(1);
      const info = await worker.load(getDefaultModelUrl(), { device: 'wasm', cache: 'none' });
      expect(info.manifest.name).toBe('glyffuser-mini');
    } finally {
      await worker.terminate();
    }
  }, 120_000);

  it('wasmPaths sends onnxruntime to that folder for its wasm (a folder without it fails the load)', async () => {
    configure({ wasmPaths: `${location.origin}/no-such-folder/` });
    const worker = createEngineWorker();
    try {
      const error = await worker.load(getDefaultModelUrl(), { device: 'wasm', cache: 'none' }).then(
        () => null,
        (e: Error) => e,
      );
      expect(
        error,
        'the load succeeded although onnxruntime was told to fetch its wasm from a missing folder',
      ).not.toBeNull();
      expect(error!.message).toMatch(/wasm|backend|no-such-folder/i);
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
