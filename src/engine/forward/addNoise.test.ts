import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng';
import { addNoise, forwardMoments, noiseTo } from './addNoise';
import { ForwardNoiseError } from './ForwardNoiseError';

// A hand-made schedule: abar = [0.81, 0.36, 0.04] so sqrt(abar) = [0.9, 0.6, 0.2], sqrt(1-abar) = [0.4359, 0.8,
// 0.9798].
const abar = new Float64Array([0.81, 0.36, 0.04]);

describe('addNoise', () => {
  it('mixes signal and noise with sqrt(abar) and sqrt(1 - abar), one t per item', () => {
    const x0 = new Float64Array([1, -1, 2, 0.5]);
    const eps = new Float64Array([0.5, 0.5, -1, 2]);
    const out = addNoise(x0, eps, [1, 2], abar);
    expect(out).toBeInstanceOf(Float64Array);
    // item 0 at t=1: 0.6*x + 0.8*eps ; item 1 at t=2: 0.2*x + sqrt(0.96)*eps
    expect(out[0]).toBeCloseTo(0.6 + 0.4, 14);
    expect(out[1]).toBeCloseTo(-0.6 + 0.4, 14);
    expect(out[2]).toBeCloseTo(0.4 - Math.sqrt(0.96), 14);
    expect(out[3]).toBeCloseTo(0.1 + 2 * Math.sqrt(0.96), 14);
  });

  it('keeps float32 input as float32', () => {
    expect(addNoise(new Float32Array(2), new Float32Array(2), [0], abar)).toBeInstanceOf(Float32Array);
  });

  it('rejects bad timesteps and lengths, naming the field', () => {
    const x = new Float32Array(4);
    expect(() => addNoise(x, x, [3], abar)).toThrow(/timesteps\[0\]: must be an integer from 0 to 2/);
    expect(() => addNoise(x, x, [0.5], abar)).toThrow(ForwardNoiseError);
    expect(() => addNoise(x, new Float32Array(3), [0], abar)).toThrow(/noise: must have the length/);
    expect(() => addNoise(x, x, [0, 0, 0], abar)).toThrow(/timesteps: needs one timestep per batch item/);
  });
});

describe('noiseTo', () => {
  it('gives x_t whose mean and spread match q(x_t | x_0)', () => {
    const n = 50_000;
    const x0 = new Float64Array(n).fill(1.5);
    const { noisy, noise } = noiseTo(x0, 1, abar, createRng(3));
    const { signalScale, noiseStd } = forwardMoments(1, abar);
    let mean = 0;
    for (const v of noisy) mean += v / n;
    let variance = 0;
    for (const v of noisy) variance += (v - mean) ** 2 / n;
    expect(Math.abs(mean - signalScale * 1.5)).toBeLessThan(5 * (noiseStd / Math.sqrt(n)));
    expect(Math.abs(Math.sqrt(variance) - noiseStd)).toBeLessThan(0.01);
    // The returned noise is exactly what was mixed in.
    expect(noisy[7]).toBeCloseTo(signalScale * 1.5 + noiseStd * noise[7]!, 12);
  });

  it('is reproducible for a seed', () => {
    const x0 = new Float32Array([0.1, 0.2, 0.3]);
    expect(noiseTo(x0, 2, abar, createRng(9)).noisy).toEqual(noiseTo(x0, 2, abar, createRng(9)).noisy);
    expect(() => noiseTo(x0, -1, abar, createRng(9))).toThrow(/t: must be an integer/);
  });
});
