import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel, type OrtModule } from '../../src/engine';
import { defaultModelSource, type ModelFileMap } from '../../src/engine/internal';
import { fileFetch, MODEL_DIR } from './nodeModel';

// The shipped model as a bundler emits it: every file under a hashed name of its own, in one folder, none next to
// a model.json of that name. loadModel must take each file from the map, not from beside model.json.
describe('a model whose files a bundler renamed ({ url, files })', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads from the hashed names, fetching exactly the mapped URLs', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dk-hashed-'));
    const names: Record<string, string> = {
      'model.json': 'model-Ab12.json',
      'unet.onnx': 'unet-Cd34.onnx',
      'text_encoder.onnx': 'text_encoder-Ef56.onnx',
      'tokenizer.json': 'tokenizer-Gh78.json',
    };
    for (const [from, to] of Object.entries(names)) await copyFile(path.join(MODEL_DIR, from), path.join(dir, to));
    const href = (name: string) => pathToFileURL(path.join(dir, names[name]!)).href;
    const fetched: string[] = [];
    const source: ModelFileMap = {
      url: href('model.json'),
      files: {
        'unet.onnx': href('unet.onnx'),
        'text_encoder.onnx': href('text_encoder.onnx'),
        'tokenizer.json': href('tokenizer.json'),
      },
    };
    const model = await loadModel(source, {
      fetch: (url) => (fetched.push(path.basename(new URL(url).pathname)), fileFetch(url)),
      runtime: { ort: ortNode as unknown as OrtModule, executionProviders: ['cpu'], label: 'native-cpu' },
    });
    expect(fetched.sort()).toEqual(Object.values(names).sort());
    expect(model.acceptsPrompts).toBe(true);
    await model.dispose();
  }, 60_000);

  it("the default source is that shape, pointing at the package's own assets folder", () => {
    const source = defaultModelSource() as ModelFileMap;
    expect(Object.keys(source.files).sort()).toEqual(['text_encoder.onnx', 'tokenizer.json', 'unet.onnx']);
    for (const [name, href] of Object.entries(source.files))
      expect(new URL(href).pathname).toBe(pathToFileURL(path.join(MODEL_DIR, name)).pathname);
  });
});
