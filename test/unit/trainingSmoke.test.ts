import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { generateImages, loadModel, type OrtModule } from '../../src/engine';
import { fileFetch, MODEL_DIR } from './nodeModel';

// The training pipeline's smoke test (training/tests/test_pipeline.py: render 64 glyphs, train 3 steps,
// export) leaves its ONNX files and torch fixtures in SMOKE_DIR; here they are opened in onnxruntime-node
// through the engine's own loader and compared with torch. `npm test` runs the Python side first; run
// alone, this test runs it itself.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SMOKE_DIR = path.join(root, 'training/cache/smoke-export');

function ensureSmokeExport(): void {
  if (existsSync(path.join(SMOKE_DIR, 'fixtures/model_cases.json'))) return;
  execFileSync('/usr/bin/python3', ['-m', 'unittest', 'training.tests.test_pipeline'], {
    cwd: root,
    env: { ...process.env, SMOKE_EXPORT_DIR: SMOKE_DIR },
    stdio: 'inherit',
  });
}

/** The smoke export opened in onnxruntime-node, with or without the manifest's cross-attention block. */
async function loadSmoke(withCrossAttention: boolean) {
  ensureSmokeExport();
  const shipped = JSON.parse(readFileSync(path.join(MODEL_DIR, 'model.json'), 'utf8'));
  const { crossAttention: _dropped, ...unet } = shipped.unet;
  // The smoke export's own sizes and hashes (export_info.json), as manifest.py writes them into `files`.
  const files = JSON.parse(readFileSync(path.join(SMOKE_DIR, 'export_info.json'), 'utf8'));
  return loadModel(
    {
      manifest: {
        ...shipped,
        name: 'smoke',
        files,
        unet: withCrossAttention ? { ...unet, crossAttention: { output: 'cross_attention', resolution: 16 } } : unet,
      },
      baseUrl: pathToFileURL(SMOKE_DIR + '/').href,
    },
    {
      fetch: fileFetch,
      runtime: { ort: ortNode as unknown as OrtModule, executionProviders: ['cpu'], label: 'native-cpu' },
    },
  );
}

describe('the training pipeline end to end', () => {
  it('exports ONNX files that onnxruntime-node runs like torch', async () => {
    // The pipeline exports the v2 U-Net with its cross-attention output, whatever the shipped manifest says.
    const model = await loadSmoke(true);
    const fx = JSON.parse(readFileSync(path.join(SMOKE_DIR, 'fixtures/model_cases.json'), 'utf8'));
    try {
      const e = await model.encodePrompts(fx.prompts);
      const eps = await model.predict(Float32Array.from(fx.sample.data), fx.timestep.data, e);
      let textDiff = 0;
      for (let i = 0; i < e.hidden.length; i++)
        textDiff = Math.max(textDiff, Math.abs(e.hidden[i]! - fx.last_hidden_state.data[i]));
      let unetDiff = 0;
      for (let i = 0; i < eps.length; i++) unetDiff = Math.max(unetDiff, Math.abs(eps[i]! - fx.noise_pred.data[i]));
      console.log(
        `smoke export: text encoder ${textDiff.toExponential(2)}, U-Net ${unetDiff.toExponential(2)} (max |onnx - torch|)`,
      );
      expect(textDiff).toBeLessThan(1e-3);
      expect(unetDiff).toBeLessThan(1e-3);

      // Asked for, the cross-attention maps come back too, [B, L, 16, 16], like torch's.
      const detailed = await model.predictDetailed(Float32Array.from(fx.sample.data), fx.timestep.data, e, {
        crossAttention: true,
      });
      expect(model.hasCrossAttention).toBe(true);
      expect(Array.from(detailed.output)).toEqual(Array.from(eps));
      expect(detailed.crossAttentionShape).toEqual(fx.cross_attention.shape);
      let attnDiff = 0;
      for (let i = 0; i < detailed.crossAttention!.length; i++)
        attnDiff = Math.max(attnDiff, Math.abs(detailed.crossAttention![i]! - fx.cross_attention.data[i]));
      console.log(`smoke export: cross-attention ${attnDiff.toExponential(2)} (max |onnx - torch|)`);
      expect(attnDiff).toBeLessThan(1e-4);
    } finally {
      await model.dispose();
    }
  }, 180_000);

  it("returns the words' cross-attention maps with each frame when asked, and only then", async () => {
    const model = await loadSmoke(true);
    try {
      const options = { model, prompt: 'water tree', count: 2, steps: 2, guidanceScale: 3, seed: 1 };
      const plain = await generateImages(options);
      expect(plain.crossAttention).toBeUndefined();
      const frame = await generateImages({ ...options, crossAttention: true });
      expect(Array.from(frame.sample)).toEqual(Array.from(plain.sample)); // asking for maps changes nothing else
      const maps = frame.crossAttention!;
      expect({ tokens: maps.tokens, resolution: maps.resolution, words: maps.words }).toEqual({
        tokens: 16,
        resolution: 16,
        words: ['water', 'tree'],
      });
      expect(maps.data.length).toBe(2 * 16 * 16 * 16);
      // The conditional half: the two words share each pixel's attention with the null token; padding gets none.
      const pixel = 16 * 16;
      let words = 0;
      let padding = 0;
      for (let k = 0; k < 16; k++) {
        for (let p = 0; p < pixel; p++) {
          const v = maps.data[k * pixel + p]!;
          if (k < 2) words += v;
          else padding = Math.max(padding, v);
        }
      }
      expect(words / pixel).toBeGreaterThan(0.05);
      expect(words / pixel).toBeLessThan(1);
      expect(padding).toBeLessThan(1e-3);
    } finally {
      await model.dispose();
    }
  }, 180_000);

  it('refuses crossAttention for a model without the output, naming the field', async () => {
    const model = await loadSmoke(false);
    try {
      await expect(
        generateImages({ model, prompt: 'water', count: 1, steps: 1, crossAttention: true }),
      ).rejects.toThrow(/crossAttention.*no cross-attention output/);
    } finally {
      await model.dispose();
    }
  }, 180_000);
});
