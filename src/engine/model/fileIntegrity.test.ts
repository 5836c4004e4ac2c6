import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ManifestError } from './errors';
import { declaredFiles, integrityProblem, sha256Hex } from './fileIntegrity';

const MODEL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/models/glyffuser-mini');

describe('file integrity', () => {
  it('hashes with SubtleCrypto as SHA-256 lowercase hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it("reads a manifest's files map and names a malformed entry", () => {
    const sha = 'AB'.repeat(32);
    expect(declaredFiles({})).toEqual({});
    expect(
      declaredFiles({ files: { 'u.onnx': { bytes: 3, sha256: sha, fp16_initializers: 2 }, 't.json': { bytes: 0 } } }),
    ).toEqual({
      'u.onnx': { bytes: 3, sha256: sha.toLowerCase() },
      't.json': { bytes: 0 },
    });
    const field = (files: unknown) => {
      try {
        declaredFiles({ files });
      } catch (error) {
        expect(error).toBeInstanceOf(ManifestError);
        return (error as ManifestError).field;
      }
      return null;
    };
    expect(field([])).toBe('files');
    expect(field({ 'u.onnx': 7 })).toBe('files.u.onnx');
    expect(field({ 'u.onnx': { bytes: -1 } })).toBe('files.u.onnx.bytes');
    expect(field({ 'u.onnx': { bytes: 1.5 } })).toBe('files.u.onnx.bytes');
    expect(field({ 'u.onnx': { sha256: 'abc' } })).toBe('files.u.onnx.sha256');
  });

  it('says what is wrong with bytes that differ from what is declared', async () => {
    const bytes = new TextEncoder().encode('abc');
    const sha = (await sha256Hex(bytes))!;
    expect(await integrityProblem(bytes, {})).toBeNull();
    expect(await integrityProblem(bytes, { bytes: 3, sha256: sha })).toBeNull();
    expect(await integrityProblem(bytes, { bytes: 4 })).toBe('has 3 bytes; expected 4');
    expect(await integrityProblem(bytes, { sha256: '0'.repeat(64) })).toBe(
      `has SHA-256 ${sha}; expected ${'0'.repeat(64)}`,
    );
  });

  it("the shipped model's manifest vouches for its files as they are", () => {
    const manifest = JSON.parse(readFileSync(path.join(MODEL_DIR, 'model.json'), 'utf8')) as Record<string, unknown>;
    const declared = declaredFiles(manifest);
    expect(Object.keys(declared).sort()).toEqual(['text_encoder.onnx', 'tokenizer.json', 'unet.onnx']);
    for (const [file, id] of Object.entries(declared)) {
      const bytes = readFileSync(path.join(MODEL_DIR, file));
      expect(id.bytes, file).toBe(bytes.length);
      expect(id.sha256, file).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
