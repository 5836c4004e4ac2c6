import { describe, expect, it } from 'vitest';
import { createRng, SeedError } from './createRng';
import { deterministicLog } from './deterministicLog';
import { rand, randn, randn64 } from './randn';

/** Kolmogorov-Smirnov statistic of sorted samples against a CDF. */
function ksStatistic(sorted: Float64Array, cdf: (x: number) => number): number {
  let d = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Standard normal CDF via the Abramowitz-Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 100 }, () => a.nextUint32());
    const sb = Array.from({ length: 100 }, () => b.nextUint32());
    const sc = Array.from({ length: 100 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(sa.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('keeps seeds that differ only above 2^32 apart', () => {
    expect(createRng(1).nextUint32()).not.toBe(createRng(1 + 2 ** 32).nextUint32());
  });

  it('clones at the current position, including a pending normal', () => {
    const rng = createRng(7);
    rng.normal();
    const copy = rng.clone();
    expect([rng.normal(), rng.normal(), rng.uniform()]).toEqual([copy.normal(), copy.normal(), copy.uniform()]);
  });

  it('rejects seeds that are not safe integers, naming the field', () => {
    for (const bad of [1.5, NaN, Infinity, 2 ** 60, '3' as unknown as number]) {
      expect(() => createRng(bad)).toThrow(SeedError);
    }
    expect(() => createRng(0.5)).toThrow(/seed must be a safe integer/);
  });

  it('draws uniforms in [0, 1) with mean 1/2, variance 1/12 and a passing KS test', () => {
    const n = 200_000;
    const u = rand(createRng(2024), n);
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (const x of u) {
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      sq += x * x;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    // Standard errors: sqrt(1/12/n) = 6.5e-4 for the mean, about 1.5e-4 for the variance; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * 6.5e-4);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * 1.5e-4);
    const sorted = u.slice().sort();
    // KS critical value at alpha = 0.001 is 1.95 / sqrt(n).
    expect(ksStatistic(sorted, (x) => x)).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('draws normals with mean 0, variance 1, no skew or excess kurtosis, and a passing KS test', () => {
    const n = 200_000;
    const z = randn64(createRng(99), n);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const x of z) {
      m1 += x;
      m2 += x * x;
      m3 += x * x * x;
      m4 += x * x * x * x;
    }
    m1 /= n;
    m2 /= n;
    m3 /= n;
    m4 /= n;
    // Standard errors for n = 2e5: mean 2.2e-3, variance 3.2e-3, skewness 5.5e-3, kurtosis 1.1e-2.
    expect(Math.abs(m1)).toBeLessThan(5 * 2.2e-3);
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * 3.2e-3);
    expect(Math.abs(m3)).toBeLessThan(5 * 5.5e-3);
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * 1.1e-2);
    expect(ksStatistic(z.slice().sort(), normalCdf)).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('gives randn the same values as randn64 rounded to float32', () => {
    const a = randn(createRng(5), 1000);
    const b = randn64(createRng(5), 1000);
    expect(Array.from(a)).toEqual(Array.from(Float32Array.from(b)));
    expect(() => randn(createRng(5), -1)).toThrow(/non-negative integer/);
  });
});

describe('deterministicLog', () => {
  it('agrees with Math.log to a few ulps over many magnitudes', () => {
    const rng = createRng(11);
    for (let i = 0; i < 20_000; i++) {
      const x = Math.exp((rng.uniform() - 0.5) * 1400);
      const expected = Math.log(x);
      const got = deterministicLog(x);
      expect(Math.abs(got - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(expected)));
    }
  });

  it('handles the edges', () => {
    expect(deterministicLog(1)).toBe(0);
    expect(deterministicLog(0)).toBe(-Infinity);
    expect(deterministicLog(-1)).toBeNaN();
    expect(deterministicLog(Infinity)).toBe(Infinity);
    expect(Math.abs(deterministicLog(5e-324) - Math.log(5e-324))).toBeLessThan(1e-12);
  });
});
