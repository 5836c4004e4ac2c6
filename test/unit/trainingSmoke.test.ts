import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { loadModel, type OrtModule } from '../../src/engine';
import { fileFetch, MODEL_DIR } from './nodeModel';

// The training pipeline's smoke test (training/tests/test_pipeline.py: render 64 glyphs, train 3 steps,
// export) leaves its ONNX files and torch fixtures in SMOKE_DIR; here they are opened in onnxruntime-node
// through the engine's own loader and compared with torch. `npm test` runs the Python side first; run
// alone, this test runs it itself.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SMOKE_DIR = path.join(root, 'training/cache/smoke-export');

function ensureSmokeExport(): void {
  if (existsSync(path.join(SMOKE_DIR, 'fixtures/model_cases.json'))) return;
  execFileSync('/usr/bin/python3', ['-m', 'unittest', 'tests.test_pipeline'], {
    cwd: path.join(root, 'training'),
    env: { ...process.env, SMOKE_EXPORT_DIR: SMOKE_DIR },
    stdio: 'inherit',
  });
}

describe('the training pipeline end to end', () => {
  it('exports ONNX files that onnxruntime-node runs like torch', async () => {
    ensureSmokeExport();
    const shipped = JSON.parse(readFileSync(path.join(MODEL_DIR, 'model.json'), 'utf8'));
    const fx = JSON.parse(readFileSync(path.join(SMOKE_DIR, 'fixtures/model_cases.json'), 'utf8'));
    const model = await loadModel(
      // The pipeline exports the v2 U-Net with its cross-attention output, whatever the shipped manifest says.
      { manifest: { ...shipped, name: 'smoke', unet: { ...shipped.unet, crossAttention: { output: 'cross_attention', resolution: 16 } } }, baseUrl: pathToFileURL(SMOKE_DIR + '/').href },
      { fetch: fileFetch, runtime: { ort: ortNode as unknown as OrtModule, executionProviders: ['cpu'], label: 'native-cpu' } },
    );
    try {
      const e = await model.encodePrompts(fx.prompts);
      const eps = await model.predict(Float32Array.from(fx.sample.data), fx.timestep.data, e);
      let textDiff = 0;
      for (let i = 0; i < e.hidden.length; i++) textDiff = Math.max(textDiff, Math.abs(e.hidden[i]! - fx.last_hidden_state.data[i]));
      let unetDiff = 0;
      for (let i = 0; i < eps.length; i++) unetDiff = Math.max(unetDiff, Math.abs(eps[i]! - fx.noise_pred.data[i]));
      console.log(`smoke export: text encoder ${textDiff.toExponential(2)}, U-Net ${unetDiff.toExponential(2)} (max |onnx - torch|)`);
      expect(textDiff).toBeLessThan(1e-3);
      expect(unetDiff).toBeLessThan(1e-3);

      // Asked for, the cross-attention maps come back too, [B, L, 16, 16], like torch's.
      const detailed = await model.predictDetailed(Float32Array.from(fx.sample.data), fx.timestep.data, e, { crossAttention: true });
      expect(model.hasCrossAttention).toBe(true);
      expect(Array.from(detailed.output)).toEqual(Array.from(eps));
      expect(detailed.crossAttentionShape).toEqual(fx.cross_attention.shape);
      let attnDiff = 0;
      for (let i = 0; i < detailed.crossAttention!.length; i++) attnDiff = Math.max(attnDiff, Math.abs(detailed.crossAttention![i]! - fx.cross_attention.data[i]));
      console.log(`smoke export: cross-attention ${attnDiff.toExponential(2)} (max |onnx - torch|)`);
      expect(attnDiff).toBeLessThan(1e-4);
    } finally {
      await model.dispose();
    }
  }, 180_000);
});
