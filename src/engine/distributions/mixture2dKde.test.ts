import { describe, expect, it } from 'vitest';
import { kdeBandwidth, kdeMixture2d } from './mixture2dKde';
import { noiseMixture2d } from './mixture2dNoise';
import { mixture2dDensity, mixture2dScore } from './mixture2dScore';

// The corners of a 2 x 2 square: both axes hold [0, 2, 0, 2], mean 1, sample variance 4 / 3.
const square: Array<[number, number]> = [
  [0, 0],
  [2, 0],
  [0, 2],
  [2, 2],
];

describe('kdeBandwidth', () => {
  it("Scott's rule: sigma n^(-1/6)", () => {
    expect(kdeBandwidth(square, 'scott')).toBeCloseTo(Math.sqrt(4 / 3) * 4 ** (-1 / 6), 14);
  });

  it("Silverman's robust rule: 0.9 min(sigma, IQR / 1.349) n^(-1/6)", () => {
    // IQR of [0, 0, 2, 2] with linear interpolation: q(0.75) = 2, q(0.25) = 0, so IQR / 1.349 = 1.48 > sigma.
    expect(kdeBandwidth(square, 'silverman')).toBeCloseTo(0.9 * Math.sqrt(4 / 3) * 4 ** (-1 / 6), 14);
    // An outlier inflates sigma but not the IQR: 9 points on the diagonal at 0..8 and one at 1000.
    const pts: Array<[number, number]> = Array.from({ length: 9 }, (_, i) => [i, i] as [number, number]);
    pts.push([1000, 1000]);
    const h = kdeBandwidth(pts, 'silverman');
    // Sorted x = 0..8, 1000: q(0.25) at position 2.25 -> 2.25, q(0.75) at 6.75 -> 6.75, IQR = 4.5.
    expect(h).toBeCloseTo(0.9 * (4.5 / 1.349) * 10 ** (-1 / 6), 12);
    expect(h).toBeLessThan(kdeBandwidth(pts, 'scott') / 10);
  });

  it('passes a numeric bandwidth through and rejects bad input', () => {
    expect(kdeBandwidth(square, 0.3)).toBe(0.3);
    expect(() => kdeBandwidth(square, 0)).toThrow(/bandwidth/);
    expect(() => kdeBandwidth(square, -1)).toThrow(/bandwidth/);
    expect(() => kdeBandwidth([], 'scott')).toThrow(/points/);
    expect(() => kdeBandwidth([[1, 1]], 'scott')).toThrow(/at least 2 points/);
    expect(() =>
      kdeBandwidth(
        [
          [1, 1],
          [1, 1],
        ],
        'scott',
      ),
    ).toThrow(/same point/);
    expect(() => kdeBandwidth([[1, Number.NaN]], 0.2)).toThrow(/points\[0\]/);
    expect(() => kdeBandwidth(square, 'bogus' as never)).toThrow(/scott/);
  });
});

describe('kdeMixture2d', () => {
  it('is (1/n) sum_i N(x; p_i, h^2 I)', () => {
    const h = 0.5;
    const kde = kdeMixture2d(square, h);
    expect(kde.size).toBe(4);
    expect(Array.from(kde.weights)).toEqual([0.25, 0.25, 0.25, 0.25]);
    const at = [0.5, 1.5] as const;
    let expected = 0;
    for (const [px, py] of square) {
      const d2 = (at[0] - px) ** 2 + (at[1] - py) ** 2;
      expected += (0.25 * Math.exp(-d2 / (2 * h * h))) / (2 * Math.PI * h * h);
    }
    expect(mixture2dDensity(kde, at[0], at[1])).toBeCloseTo(expected, 14);
    // At the centre of the square every kernel pulls equally: score 0.
    const [sx, sy] = mixture2dScore(kde, 1, 1);
    expect(Math.abs(sx)).toBeLessThan(1e-14);
    expect(Math.abs(sy)).toBeLessThan(1e-14);
  });

  it('noises like any mixture: kernels widen to abar h^2 + 1 - abar', () => {
    const kde = noiseMixture2d(kdeMixture2d([[1, 0]], 0.2), 0.64);
    expect(kde.means[0]).toBeCloseTo(0.8, 15);
    expect(kde.covariances[0]).toBeCloseTo(0.64 * 0.04 + 0.36, 15);
  });
});
