import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng';
import { gaussianLogPdf, gaussianMle, gaussianPdf, sampleGaussian } from './gaussian1d';

describe('gaussianPdf', () => {
  it('matches hand-computed densities', () => {
    // 1 / sqrt(2 pi) = 0.3989422804014327
    expect(gaussianPdf(0)).toBeCloseTo(0.3989422804014327, 15);
    // N(1; 0, 1) = exp(-1/2) / sqrt(2 pi) = 0.24197072451914337
    expect(gaussianPdf(1)).toBeCloseTo(0.24197072451914337, 15);
    // N(5; 3, 2^2): z = 1, so the standard value divided by std = 2.
    expect(gaussianPdf(5, 3, 2)).toBeCloseTo(0.24197072451914337 / 2, 15);
    expect(gaussianLogPdf(5, 3, 2)).toBeCloseTo(Math.log(0.24197072451914337 / 2), 13);
  });

  it('integrates to one (trapezoid rule over +-8 std)', () => {
    const mean = -1.5;
    const std = 0.7;
    const h = 0.001;
    let area = 0;
    for (let x = mean - 8 * std; x < mean + 8 * std; x += h)
      area += (h * (gaussianPdf(x, mean, std) + gaussianPdf(x + h, mean, std))) / 2;
    expect(area).toBeCloseTo(1, 6);
  });

  it('rejects a non-positive std and a non-finite mean, naming them', () => {
    expect(() => gaussianPdf(0, 0, 0)).toThrow(/^std must be/);
    expect(() => gaussianPdf(0, 0, -1)).toThrow(RangeError);
    expect(() => gaussianPdf(0, NaN, 1)).toThrow(/^mean must be/);
  });
});

describe('sampleGaussian', () => {
  it('scales and shifts the rng normals', () => {
    const z = createRng(4);
    const expected = [z.normal(), z.normal(), z.normal()].map((v) => 2 + 3 * v);
    expect(Array.from(sampleGaussian(createRng(4), 3, 2, 3))).toEqual(expected);
  });

  it('is reproducible for a seed and draws the right mean and variance', () => {
    const n = 100_000;
    const a = sampleGaussian(createRng(8), n, 10, 0.5);
    expect(a.subarray(0, 1000)).toEqual(sampleGaussian(createRng(8), 1000, 10, 0.5));
    const fit = gaussianMle(a);
    // Standard errors: std / sqrt(n) = 1.6e-3 for the mean; variance: std^2 sqrt(2/n) = 1.1e-3.
    expect(Math.abs(fit.mean - 10)).toBeLessThan(5 * 1.6e-3);
    expect(Math.abs(fit.variance - 0.25)).toBeLessThan(5 * 1.1e-3);
  });

  it('rejects a bad count', () => {
    expect(() => sampleGaussian(createRng(1), -1)).toThrow(/^n must be/);
    expect(() => sampleGaussian(createRng(1), 2.5)).toThrow(/^n must be/);
  });
});

describe('gaussianMle', () => {
  it('gives the mean and the biased (1/n) variance', () => {
    // mean 5; squared deviations 9, 1, 1, 9 -> sum 20; MLE 20 / 4 = 5 (the unbiased estimate would be 20 / 3).
    const fit = gaussianMle([2, 4, 6, 8]);
    expect(fit.mean).toBe(5);
    expect(fit.variance).toBeCloseTo(5, 14);
    expect(fit.std).toBeCloseTo(Math.sqrt(5), 14);
    expect(fit.count).toBe(4);
  });

  it('fits a prefix when given a count', () => {
    const fit = gaussianMle([1, 3, 100, -100], 2);
    expect(fit.mean).toBe(2);
    expect(fit.variance).toBe(1);
  });

  it('stays accurate far from zero, where the sum-of-squares formula cancels', () => {
    const fit = gaussianMle([1e9 + 1, 1e9 + 2, 1e9 + 3]);
    expect(fit.mean).toBe(1e9 + 2);
    expect(fit.variance).toBeCloseTo(2 / 3, 9);
  });

  it('gives variance 0 for one sample and rejects empty input', () => {
    expect(gaussianMle([7])).toEqual({ mean: 7, variance: 0, std: 0, count: 1 });
    expect(() => gaussianMle([])).toThrow(/^count must be/);
    expect(() => gaussianMle([1, 2], 3)).toThrow(/^count must be/);
  });

  it('is biased low by (n - 1)/n on average', () => {
    // Average the MLE variance of 20000 samples of size 4 from N(0, 1): expect 3/4, not 1.
    const rng = createRng(21);
    let sum = 0;
    const trials = 20_000;
    for (let i = 0; i < trials; i++) sum += gaussianMle(sampleGaussian(rng, 4)).variance;
    // Var of the MLE variance for n = 4: 2 (n-1) / n^2 = 0.375; standard error sqrt(0.375 / trials) = 4.3e-3.
    expect(Math.abs(sum / trials - 0.75)).toBeLessThan(5 * 4.3e-3);
  });
});
