import { describe, expect, it } from 'vitest';
import { guidanceScaleEmbedding, guidanceScaleEmbeddingBatch } from './guidanceEmbedding';

describe("guidanceScaleEmbedding (diffusers' get_guidance_scale_embedding)", () => {
  it('is [sin(1000 w f_i)..., cos(1000 w f_i)...] with f_i = 10000^(-i / (h - 1)): dim 4, w = 0.5', () => {
    // h = 2: f = [1, 1e-4], phases [500, 0.05]; values by hand (Python's math.sin / math.cos).
    const e = guidanceScaleEmbedding(0.5, 4);
    const expected = [-0.46777180532247614, 0.04997916927067833, -0.883849273431478, 0.9987502603949663];
    expect(e).toBeInstanceOf(Float32Array);
    expect(e).toHaveLength(4);
    for (let i = 0; i < 4; i++) expect(e[i]).toBeCloseTo(expected[i]!, 7);
  });

  it('zero-pads an odd dim by one value at the end', () => {
    const e = guidanceScaleEmbedding(0.5, 5);
    expect(e).toHaveLength(5);
    expect(Array.from(e.slice(0, 4))).toEqual(Array.from(guidanceScaleEmbedding(0.5, 4)));
    expect(e[4]).toBe(0);
  });

  it('matches the formula at time_cond_proj_dim 256 (w = guidance_scale - 1 = 6.5)', () => {
    const e = guidanceScaleEmbedding(6.5, 256);
    // i = 5 of h = 128: phase 6500 * 10000^(-5/127) = 4523.067215615291.
    expect(e[5]).toBeCloseTo(-0.7353652853386514, 6);
    expect(e[128 + 5]).toBeCloseTo(0.6776709357193974, 6);
    expect(e[0]).toBeCloseTo(Math.sin(6500), 6);
    expect(e[127]).toBeCloseTo(Math.sin(6500 * 1e-4), 7);
    // w = 0 (guidance_scale 1): sines 0, cosines 1.
    const zero = guidanceScaleEmbedding(0, 256);
    expect(Array.from(zero.slice(0, 128)).every((v) => v === 0)).toBe(true);
    expect(Array.from(zero.slice(128)).every((v) => v === 1)).toBe(true);
  });

  it('repeats one embedding per batch item, and refuses sizes the formula cannot take', () => {
    const batch = guidanceScaleEmbeddingBatch(2, 6, 3);
    expect(batch).toHaveLength(18);
    for (let b = 0; b < 3; b++)
      expect(Array.from(batch.slice(6 * b, 6 * b + 6))).toEqual(Array.from(guidanceScaleEmbedding(2, 6)));
    expect(() => guidanceScaleEmbedding(1, 3)).toThrow(/dim must be an integer >= 4/);
    expect(() => guidanceScaleEmbedding(Number.NaN, 8)).toThrow(/w must be a finite number/);
  });
});
