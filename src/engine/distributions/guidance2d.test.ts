import { describe, expect, it } from 'vitest';
import { createRng, randn64 } from '../rng';
import {
  classLogPosteriors2d,
  guidanceGrids,
  guidedLogDensityGrid,
  guidedScore2d,
  guidedScoreGrid,
} from './guidance2d';
import { createLabelledMixture2d, noiseLabelledMixture2d } from './labelledMixture2d';
import { labelledMixture2dPreset } from './labelledMixture2dPresets';
import { gridX, gridY, type Grid2d } from './mixture2dGrid';
import { mixture2dLogDensity } from './mixture2dScore';

/** The gradient of f by central differences (step h, error O(h^2)). */
function numericGradient(f: (x: number, y: number) => number, x: number, y: number, h = 1e-5): [number, number] {
  return [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)];
}

const points = (seed: number, n: number, scale = 1.6) => {
  const z = randn64(createRng(seed), 2 * n);
  return Array.from({ length: n }, (_, i) => [scale * z[2 * i]!, scale * z[2 * i + 1]!] as [number, number]);
};

describe('the guided score against finite differences of log-densities', () => {
  for (const name of ['three-clusters', 'two-moons', 'ring-quarters'] as const) {
    it(`${name}: s_u, s_c, s_w and grad log p(y | x), at several t, classes and w`, () => {
      const data = labelledMixture2dPreset(name);
      for (const a of [0.98, 0.5, 0.1]) {
        const m = noiseLabelledMixture2d(data, a);
        for (let y = 0; y < m.classes.length; y++) {
          const cls = m.classes[y]!.mixture;
          for (const w of [0, 1, 3, 7.5]) {
            for (const [px, py] of points(11 + y, 12)) {
              const g = guidedScore2d(m, y, w, px, py);
              const [ux, uy] = numericGradient((x, yy) => mixture2dLogDensity(m.joint, x, yy), px, py);
              const [cx, cy] = numericGradient((x, yy) => mixture2dLogDensity(cls, x, yy), px, py);
              const tilted = numericGradient(
                (x, yy) => (1 - w) * mixture2dLogDensity(m.joint, x, yy) + w * mixture2dLogDensity(cls, x, yy),
                px,
                py,
              );
              const post = numericGradient((x, yy) => classLogPosteriors2d(m, x, yy)[y]!, px, py);
              // Relative to the gradient's size: steep tails of narrow components reach |score| ~ 1e2.
              const tol = (v: number) => 1e-6 * Math.max(1, Math.abs(v));
              expect(Math.abs(g.unconditionalX - ux)).toBeLessThan(tol(ux));
              expect(Math.abs(g.unconditionalY - uy)).toBeLessThan(tol(uy));
              expect(Math.abs(g.conditionalX - cx)).toBeLessThan(tol(cx));
              expect(Math.abs(g.conditionalY - cy)).toBeLessThan(tol(cy));
              expect(Math.abs(g.scoreX - tilted[0])).toBeLessThan(tol(tilted[0]) * (1 + w));
              expect(Math.abs(g.scoreY - tilted[1])).toBeLessThan(tol(tilted[1]) * (1 + w));
              // Bayes: the guidance direction s_c - s_u is the gradient of the implicit classifier log p(y | x).
              expect(Math.abs(g.conditionalX - g.unconditionalX - post[0])).toBeLessThan(tol(post[0]) * 10);
              expect(Math.abs(g.conditionalY - g.unconditionalY - post[1])).toBeLessThan(tol(post[1]) * 10);
            }
          }
        }
      }
    });
  }
});

describe('the guided score in hand-derived cases', () => {
  // Two classes, one isotropic gaussian each, same variance s2: noised to abar they are N(sqrt(a) mu_y, v I)
  // with v = a s2 + 1 - a, and p(y = 1 | x) = sigmoid(d), d = log(pi1/pi0) + (m1 - m0).x / v - (|m1|^2 - |m0|^2) /
  // (2v).
  const mu0 = [-1, 0.5] as const;
  const mu1 = [1.2, -0.3] as const;
  const [pi0, pi1, s2] = [0.3, 0.7, 0.25];
  const data = createLabelledMixture2d([
    { weight: pi0, components: [{ mean: mu0, cov: s2 }] },
    { weight: pi1, components: [{ mean: mu1, cov: s2 }] },
  ]);

  it('w = 0 is the unconditional score and w = 1 the conditional one, exactly', () => {
    const a = 0.6;
    const m = noiseLabelledMixture2d(data, a);
    const v = a * s2 + 1 - a;
    const sa = Math.sqrt(a);
    for (const [x, y] of points(4, 10)) {
      const g0 = guidedScore2d(m, 1, 0, x, y);
      expect([g0.scoreX, g0.scoreY]).toEqual([g0.unconditionalX, g0.unconditionalY]);
      const g1 = guidedScore2d(m, 1, 1, x, y);
      expect([g1.scoreX, g1.scoreY]).toEqual([g1.conditionalX, g1.conditionalY]);
      // The conditional score of one gaussian: -(x - sqrt(a) mu_1) / v.
      expect(g1.scoreX).toBeCloseTo(-(x - sa * mu1[0]) / v, 12);
      expect(g1.scoreY).toBeCloseTo(-(y - sa * mu1[1]) / v, 12);
    }
  });

  it('s_w = s_c + (w - 1) (1 - p(y | x)) sqrt(a) (mu_1 - mu_0) / v: a logistic classifier pushes past the class', () => {
    const a = 0.6;
    const m = noiseLabelledMixture2d(data, a);
    const v = a * s2 + 1 - a;
    const sa = Math.sqrt(a);
    const [m0x, m0y, m1x, m1y] = [sa * mu0[0], sa * mu0[1], sa * mu1[0], sa * mu1[1]];
    for (const w of [0, 2, 9]) {
      for (const [x, y] of points(8, 10)) {
        const d =
          Math.log(pi1 / pi0) +
          ((m1x - m0x) * x + (m1y - m0y) * y) / v -
          (m1x ** 2 + m1y ** 2 - m0x ** 2 - m0y ** 2) / (2 * v);
        const p1 = 1 / (1 + Math.exp(-d));
        const g = guidedScore2d(m, 1, w, x, y);
        expect(g.logClassPosterior).toBeCloseTo(Math.log(p1), 12);
        expect(g.scoreX).toBeCloseTo(-(x - m1x) / v + ((w - 1) * (1 - p1) * (m1x - m0x)) / v, 10);
        expect(g.scoreY).toBeCloseTo(-(y - m1y) / v + ((w - 1) * (1 - p1) * (m1y - m0y)) / v, 10);
      }
    }
    // At the class's own mean, a large w still pushes on, away from class 0: the mean is no longer a fixed point.
    const at = guidedScore2d(m, 1, 8, m1x, m1y);
    expect(at.scoreX * (m1x - m0x) + at.scoreY * (m1y - m0y)).toBeGreaterThan(0);
  });

  it('class posteriors sum to 1', () => {
    const m = noiseLabelledMixture2d(labelledMixture2dPreset('three-clusters'), 0.4);
    for (const [x, y] of points(5, 20, 3)) {
      const lp = classLogPosteriors2d(m, x, y);
      expect(lp.reduce((s, l) => s + Math.exp(l), 0)).toBeCloseTo(1, 12);
    }
  });

  it('rejects a class out of range and a non-finite w', () => {
    expect(() => guidedScore2d(data, 2, 1, 0, 0)).toThrow(/classIndex must be an integer from 0 to 1/);
    expect(() => guidedScore2d(data, 0, Number.NaN, 0, 0)).toThrow(/guidanceScale/);
  });
});

describe('guidance on a grid', () => {
  const grid: Grid2d = { xMin: -3, xMax: 3, yMin: -3, yMax: 3, nx: 40, ny: 40 };
  const m = noiseLabelledMixture2d(labelledMixture2dPreset('three-clusters'), 0.7);

  it('mixes the grids as the point evaluation does', () => {
    const grids = guidanceGrids(m, 2, grid);
    const s = guidedScoreGrid(grids, 4.5);
    for (const idx of [0, 17, 333, 799, 1599]) {
      const g = guidedScore2d(m, 2, 4.5, gridX(grid, idx % 40), gridY(grid, Math.floor(idx / 40)));
      expect(s[2 * idx]).toBeCloseTo(g.scoreX, 9);
      expect(s[2 * idx + 1]).toBeCloseTo(g.scoreY, 9);
    }
  });

  it('draws the tilted density: p(x) at w = 0, p(x | y) at w = 1, normalised over the grid', () => {
    const grids = guidanceGrids(m, 0, grid);
    const cell = (6 / 40) ** 2;
    for (const w of [0, 1, 5]) {
      const l = guidedLogDensityGrid(grids, w);
      expect(l.reduce((s, v) => s + Math.exp(v) * cell, 0)).toBeCloseTo(1, 10);
    }
    // At w = 0 and 1 the density integrates to nearly 1 on this grid already, so the normalised grid is the density.
    const l0 = guidedLogDensityGrid(grids, 0);
    const l1 = guidedLogDensityGrid(grids, 1);
    expect(l0[820]).toBeCloseTo(grids.logUnconditional[820]!, 2);
    expect(l1[820]).toBeCloseTo(grids.logConditional[820]!, 2);
    // A large w concentrates the mass: the tilted density's peak is higher than the class's own.
    expect(Math.max(...guidedLogDensityGrid(grids, 6))).toBeGreaterThan(Math.max(...l1));
  });
});
