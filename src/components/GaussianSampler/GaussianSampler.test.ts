import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine';
import {
  checkGaussianSamplerParams,
  drawSamples,
  summariseSamples,
  useGaussianSampler,
  type GaussianSamplerParams,
} from './useGaussianSampler';

const base: GaussianSamplerParams = { mean: 2, std: 0.5, sampleCount: 400, seed: 3, bins: 20 };

describe('drawSamples', () => {
  it('draws mean + std * z from the seed, with a domain of mean +- 4 std that holds every sample', () => {
    const { samples, domain } = drawSamples(2, 0.5, 400, 3);
    const rng = createRng(3);
    expect(samples[0]).toBe(2 + 0.5 * rng.normal());
    expect(samples[1]).toBe(2 + 0.5 * rng.normal());
    expect(domain[0]).toBeLessThanOrEqual(0);
    expect(domain[1]).toBeGreaterThanOrEqual(4);
    for (const x of samples) expect(x >= domain[0] && x <= domain[1]).toBe(true);
  });
});

describe('summariseSamples', () => {
  const drawn = drawSamples(base.mean, base.std, base.sampleCount, base.seed);

  it('fits the shown samples with the sample mean and the biased variance', () => {
    const model = summariseSamples(drawn, base, 400);
    let m = 0;
    for (const x of drawn.samples) m += x / 400;
    let v = 0;
    for (const x of drawn.samples) v += (x - m) ** 2 / 400;
    expect(model.fit!.mean).toBeCloseTo(m, 12);
    expect(model.fit!.variance).toBeCloseTo(v, 12);
    expect(model.truth).toEqual({ mean: 2, variance: 0.25, std: 0.5 });
  });

  it('gives a histogram whose area is 1 and a true pdf peaking at 1 / (std sqrt(2 pi))', () => {
    const model = summariseSamples(drawn, base, 400);
    const area = model.histogram.density.reduce((s, d) => s + d * model.histogram.binWidth, 0);
    expect(area).toBeCloseTo(1, 12);
    const peak = Math.max(...model.pdf.map((p) => p.y));
    // The curve grid need not hit x = mean exactly; it is within 1e-3 relative of the peak 0.7978845608.
    expect(peak).toBeLessThanOrEqual(0.7978845608 + 1e-9);
    expect(peak).toBeGreaterThan(0.7978845608 * 0.999);
    expect(model.yMax).toBeGreaterThanOrEqual(peak);
  });

  it('shows a prefix while animating, and no fit before the first sample', () => {
    const partial = summariseSamples(drawn, base, 10);
    expect(partial.shown).toBe(10);
    expect(partial.histogram.total).toBe(10);
    expect(Array.from(partial.histogram.counts).reduce((a, b) => a + b, 0)).toBe(10);
    expect(partial.fit!.count).toBe(10);
    expect(partial.domain).toEqual(drawn.domain);
    const empty = summariseSamples(drawn, base, 0);
    expect(empty.fit).toBeNull();
    expect(empty.fitPdf).toBeNull();
    expect(empty.description).toMatch(/No samples are shown yet/);
  });

  it('has no fitted curve for a single sample (zero variance)', () => {
    const one = summariseSamples(drawSamples(0, 1, 1, 0), { ...base, mean: 0, std: 1, sampleCount: 1 }, 1);
    expect(one.fit!.variance).toBe(0);
    expect(one.fitPdf).toBeNull();
  });

  it('describes the true and estimated numbers in words', () => {
    const model = summariseSamples(drawn, base, 400);
    expect(model.description).toMatch(/true mean 2\.000 and true variance 0\.250/);
    expect(model.description).toContain(`estimated variance ${model.fit!.variance.toFixed(3)}`);
    expect(model.description).toMatch(/biased 1\/n estimator/);
  });
});

describe('checkGaussianSamplerParams', () => {
  it('accepts good params and names the first bad prop with its range', () => {
    expect(checkGaussianSamplerParams(base)).toBeNull();
    expect(checkGaussianSamplerParams({ ...base, std: 0 })!.message).toMatch(/^std must be a number above 0/);
    expect(checkGaussianSamplerParams({ ...base, std: -1 })!.prop).toBe('std');
    expect(checkGaussianSamplerParams({ ...base, mean: NaN })!.prop).toBe('mean');
    expect(checkGaussianSamplerParams({ ...base, sampleCount: 2e6 })!.message).toMatch(
      /sampleCount must be an integer from 1 to 1000000; got 2000000/,
    );
    expect(checkGaussianSamplerParams({ ...base, sampleCount: -5 })!.prop).toBe('sampleCount');
    expect(checkGaussianSamplerParams({ ...base, bins: 2.5 })!.prop).toBe('bins');
    expect(checkGaussianSamplerParams({ ...base, seed: 0.5 })!.prop).toBe('seed');
  });
});

describe('useGaussianSampler', () => {
  function probe(params: GaussianSamplerParams, shown?: number, drawLimit?: number) {
    let out: ReturnType<typeof useGaussianSampler> | undefined;
    function Probe() {
      out = useGaussianSampler(params, shown, drawLimit);
      return null;
    }
    renderToString(createElement(Probe));
    return out!;
  }

  it('returns the model of every sample by default, and of a prefix when asked', () => {
    expect(probe(base).model!.shown).toBe(400);
    expect(probe(base, 25).model!.histogram.total).toBe(25);
  });

  it('draws only the first drawLimit samples when given one: the same values, binned and fitted as a prefix', () => {
    const limited = probe(base, undefined, 100).model!;
    expect(limited.samples).toHaveLength(100);
    expect(limited.shown).toBe(100);
    expect(limited.histogram.total).toBe(100);
    expect(limited.description).toMatch(/^Histogram of 100 of 400 samples/);
    expect(Array.from(limited.samples)).toEqual(
      Array.from(drawSamples(base.mean, base.std, 400, base.seed).samples.subarray(0, 100)),
    );
    // A limit above the count changes nothing; shown stays within what was drawn.
    expect(probe(base, undefined, 10_000).model!.samples).toHaveLength(400);
    expect(probe(base, 300, 100).model!.shown).toBe(100);
  });

  it('returns a problem, not a model, for bad params', () => {
    const out = probe({ ...base, std: -2 });
    expect(out.model).toBeNull();
    expect(out.problem!.prop).toBe('std');
  });
});
