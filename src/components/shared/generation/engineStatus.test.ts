import { describe, expect, it } from 'vitest';
import { describeDevice, describeEngineError, downloadTotals, formatBytes } from './engineStatus';

describe('downloadTotals', () => {
  it('adds the bytes of every file and knows the total only when every size is known', () => {
    expect(downloadTotals({})).toEqual({ loaded: 0, total: null, files: 0 });
    expect(
      downloadTotals({
        'a.onnx': { file: 'a.onnx', loaded: 100, total: 400, fromCache: false },
        'b.json': { file: 'b.json', loaded: 50, total: 50, fromCache: true },
      }),
    ).toEqual({ loaded: 150, total: 450, files: 2 });
    expect(
      downloadTotals({
        a: { file: 'a', loaded: 10, total: null, fromCache: false },
        b: { file: 'b', loaded: 5, total: 5, fromCache: false },
      }),
    ).toEqual({ loaded: 15, total: null, files: 2 });
  });
});

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(3400)).toBe('3.4 kB');
    expect(formatBytes(7_890_000)).toBe('7.9 MB');
    expect(formatBytes(-1)).toBe('? B');
  });
});

describe('describeDevice', () => {
  it('names WebGPU, wasm with its threads, or a custom label', () => {
    expect(describeDevice({ device: 'webgpu', threads: 1 })).toBe('WebGPU');
    expect(describeDevice({ device: 'wasm', threads: 2 })).toBe('wasm, 2 threads');
    expect(describeDevice({ device: 'wasm', threads: 1 })).toBe('wasm, 1 thread');
    expect(describeDevice({ device: 'native-cpu', threads: 1 })).toBe('native-cpu');
  });
});

describe('describeEngineError', () => {
  it('says what failed, keeping the engine message', () => {
    const e = Object.assign(new Error('model.json: could not be fetched from /x: HTTP 404.'), {
      name: 'ModelLoadError',
    });
    expect(describeEngineError(e, 'load')).toBe(
      'The model could not be loaded: model.json: could not be fetched from /x: HTTP 404.',
    );
    const m = Object.assign(new Error('model.json: image.width is missing.'), { name: 'ManifestError' });
    expect(describeEngineError(m, 'load')).toMatch(/^The model's description \(model.json\) is invalid/);
    expect(describeEngineError(new Error('boom'), 'generate')).toBe('Generation failed: boom');
  });
});
