import { describe, expect, it } from 'vitest';
import { addNoise } from '../forward';
import { createRng, randn64 } from '../rng';
import { type Mixture2d, Mixture2dError, createMixture2d, mixture2dFromArrays } from './mixture2d';
import { type Grid2d, mixture2dLogDensityGrid, mixture2dScoreGrid } from './mixture2dGrid';
import { noiseMixture2d } from './mixture2dNoise';
import { MIXTURE2D_PRESETS, mixture2dPreset } from './mixture2dPresets';
import { sampleMixture2d } from './mixture2dSample';
import {
  mixture2dDensity,
  mixture2dEvaluate,
  mixture2dLogDensity,
  mixture2dResponsibilities,
  mixture2dScore,
} from './mixture2dScore';

const LOG_2PI = Math.log(2 * Math.PI);

/** Sample mean and covariance [xx, xy, yy] of [x, y] pairs. */
function moments(xy: Float64Array): { mean: [number, number]; cov: [number, number, number] } {
  const n = xy.length / 2;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xy[2 * i]! / n;
    my += xy[2 * i + 1]! / n;
  }
  let xx = 0;
  let xyc = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xy[2 * i]! - mx;
    const dy = xy[2 * i + 1]! - my;
    xx += (dx * dx) / n;
    xyc += (dx * dy) / n;
    yy += (dy * dy) / n;
  }
  return { mean: [mx, my], cov: [xx, xyc, yy] };
}

describe('a single 2-D gaussian, against hand-derived values', () => {
  // N(mu = (1, -2), C = [[2, 0.6], [0.6, 1]]): det C = 1.64, P = C^-1 = [[1, -0.6], [-0.6, 2]] / 1.64.
  // At x = (2, -1), d = x - mu = (1, 1): d^T P d = (1 - 1.2 + 2) / 1.64 = 1.8 / 1.64,
  // score = -P d = -(0.4, 1.4) / 1.64.
  const g = createMixture2d([
    {
      mean: [1, -2],
      cov: [
        [2, 0.6],
        [0.6, 1],
      ],
    },
  ]);

  it('has the textbook log-density and density', () => {
    const expected = -LOG_2PI - 0.5 * Math.log(1.64) - 0.5 * (1.8 / 1.64);
    expect(mixture2dLogDensity(g, 2, -1)).toBeCloseTo(expected, 14);
    expect(mixture2dDensity(g, 2, -1)).toBeCloseTo(Math.exp(expected), 15);
    // At the mean the density is 1 / (2 pi sqrt(det C)).
    expect(mixture2dDensity(g, 1, -2)).toBeCloseTo(1 / (2 * Math.PI * Math.sqrt(1.64)), 15);
  });

  it('has the score -C^-1 (x - mu)', () => {
    const [sx, sy] = mixture2dScore(g, 2, -1);
    expect(sx).toBeCloseTo(-0.4 / 1.64, 14);
    expect(sy).toBeCloseTo(-1.4 / 1.64, 14);
    expect(mixture2dScore(g, 1, -2).map(Math.abs)).toEqual([0, 0]);
  });

  it('stores the precision and the normaliser', () => {
    expect(Array.from(g.precisions)).toEqual([1 / 1.64, -0.6 / 1.64, 2 / 1.64].map((v) => expect.closeTo(v, 14)));
    expect(g.logNormalisers[0]).toBeCloseTo(-LOG_2PI - 0.5 * Math.log(1.64), 14);
  });
});

describe('two equal isotropic gaussians', () => {
  // q = (N((-1, 0), I) + N((1, 0), I)) / 2. By symmetry the score at the origin is 0; on the x axis
  // d/dx log q = -x + tanh(x) (the responsibilities are sigmoids of 2x).
  const m = createMixture2d([{ mean: [-1, 0] }, { mean: [1, 0] }]);
  it('has score -x + tanh(x) along the axis and r_k = sigmoid', () => {
    for (const x of [-2.5, -0.3, 0, 0.7, 3]) {
      const [sx, sy] = mixture2dScore(m, x, 0.4);
      expect(sx).toBeCloseTo(-x + Math.tanh(x), 13);
      expect(sy).toBeCloseTo(-0.4, 13);
      const r = mixture2dResponsibilities(m, x, 0.4);
      expect(r[1]).toBeCloseTo(1 / (1 + Math.exp(-2 * x)), 13);
      expect(r[0]! + r[1]!).toBeCloseTo(1, 15);
    }
  });
});

describe('weights', () => {
  it('are normalised to sum to 1', () => {
    const m = createMixture2d([
      { weight: 2, mean: [0, 0] },
      { weight: 6, mean: [1, 1] },
    ]);
    expect(Array.from(m.weights)).toEqual([0.25, 0.75]);
    for (const name of MIXTURE2D_PRESETS) {
      const p = mixture2dPreset(name);
      expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      expect(p.size).toBeGreaterThan(1);
    }
  });
});

describe('the exact score against central finite differences of the log-density', () => {
  const h = 1e-5;
  const rng = createRng(7);
  for (const name of MIXTURE2D_PRESETS) {
    for (const alphaBar of [1, 0.9, 0.3, 0.01]) {
      it(`${name} noised to abar = ${alphaBar}`, () => {
        const m = noiseMixture2d(mixture2dPreset(name), alphaBar);
        let worst = 0;
        for (let i = 0; i < 40; i++) {
          const x = (rng.uniform() - 0.5) * 6;
          const y = (rng.uniform() - 0.5) * 6;
          const fdx = (mixture2dLogDensity(m, x + h, y) - mixture2dLogDensity(m, x - h, y)) / (2 * h);
          const fdy = (mixture2dLogDensity(m, x, y + h) - mixture2dLogDensity(m, x, y - h)) / (2 * h);
          const [sx, sy] = mixture2dScore(m, x, y);
          const scale = Math.max(1, Math.hypot(sx, sy));
          worst = Math.max(worst, Math.hypot(sx - fdx, sy - fdy) / scale);
        }
        expect(worst).toBeLessThan(1e-6);
      });
    }
  }
});

describe('log-sum-exp', () => {
  it('stays finite far from every component, where the density underflows', () => {
    const ring = mixture2dPreset('ring');
    expect(mixture2dDensity(ring, 60, 60)).toBe(0);
    const logq = mixture2dLogDensity(ring, 60, 60);
    expect(Number.isFinite(logq)).toBe(true);
    // Nearest component is at (2 cos 45, 2 sin 45) with variance 0.02 and weight 1/8; the others are
    // exp(-hundreds) smaller, so log q = log(1/8) - log(2 pi) - log(0.02) - |d|^2 / 0.04 to double precision.
    const c = Math.SQRT2;
    const d2 = (60 - c) ** 2 * 2;
    expect(logq).toBeCloseTo(Math.log(1 / 8) - LOG_2PI - Math.log(0.02) - d2 / 0.04, 6);
    const [sx, sy] = mixture2dScore(ring, 60, 60);
    expect(sx).toBeCloseTo(-(60 - c) / 0.02, 6);
    expect(sy).toBeCloseTo(-(60 - c) / 0.02, 6);
  });
});

describe('grids', () => {
  it('evaluate the same numbers as the point functions, row 0 at the top', () => {
    const m = mixture2dPreset('two-blobs');
    const grid = { xMin: -3, xMax: 3, yMin: -2, yMax: 2, nx: 6, ny: 4 };
    const logq = mixture2dLogDensityGrid(m, grid);
    const logq2 = new Float64Array(24);
    const score = mixture2dScoreGrid(m, grid, undefined, logq2);
    // Cell (i = 1, j = 0): x = -3 + 1.5 * 1 = -1.5, y = 2 - 0.5 * 1 = 1.5.
    expect(logq[1]).toBeCloseTo(mixture2dLogDensity(m, -1.5, 1.5), 12);
    expect(logq2[1]).toBeCloseTo(logq[1]!, 13);
    const e = mixture2dEvaluate(m, -1.5, 1.5);
    expect(score[2]).toBeCloseTo(e.scoreX, 12);
    expect(score[3]).toBeCloseTo(e.scoreY, 12);
    // Cell (5, 3): x = 2.5, y = -1.5.
    expect(logq[23]).toBeCloseTo(mixture2dLogDensity(m, 2.5, -1.5), 12);
  });
});

describe('the fast grid walk (one exp per row and component)', () => {
  // Reference: the pointwise log-sum-exp functions at the same cell centres.
  const cases: Array<[string, Mixture2d, Grid2d]> = [
    ...MIXTURE2D_PRESETS.flatMap((name) =>
      [1, 0.5, 0.001].map((a): [string, Mixture2d, Grid2d] => [
        `${name} at abar ${a}`,
        noiseMixture2d(mixture2dPreset(name), a),
        { xMin: -3.5, xMax: 3.5, yMin: -3.5, yMax: 3.5, nx: 128, ny: 96 },
      ]),
    ),
    // Narrow, strongly correlated components and a view reaching where q underflows (log-sum-exp fallback).
    [
      'narrow correlated',
      createMixture2d([
        {
          mean: [0.3, -0.2],
          cov: [
            [0.002, 0.0019],
            [0.0019, 0.002],
          ],
        },
        { weight: 3, mean: [-1, 1], cov: 1e-4 },
      ]),
      { xMin: -30, xMax: 30, yMin: -20, yMax: 20, nx: 64, ny: 40 },
    ],
    // Off-centre grid, peaks outside it.
    ['peaks outside the grid', mixture2dPreset('ring'), { xMin: 2.6, xMax: 5, yMin: -1, yMax: 1.5, nx: 33, ny: 17 }],
  ];
  for (const [name, m, grid] of cases) {
    it(name, () => {
      const logq = mixture2dLogDensityGrid(m, grid);
      const logq2 = new Float64Array(grid.nx * grid.ny);
      const score = mixture2dScoreGrid(m, grid, undefined, logq2);
      let worstLog = 0;
      let worstScore = 0;
      for (let j = 0; j < grid.ny; j++) {
        for (let i = 0; i < grid.nx; i++) {
          const idx = j * grid.nx + i;
          const x = grid.xMin + ((i + 0.5) * (grid.xMax - grid.xMin)) / grid.nx;
          const y = grid.yMax - ((j + 0.5) * (grid.yMax - grid.yMin)) / grid.ny;
          const e = mixture2dEvaluate(m, x, y);
          worstLog = Math.max(
            worstLog,
            Math.abs(logq[idx]! - e.logDensity) / Math.max(1, Math.abs(e.logDensity)),
            Math.abs(logq2[idx]! - logq[idx]!),
          );
          worstScore = Math.max(
            worstScore,
            Math.hypot(score[2 * idx]! - e.scoreX, score[2 * idx + 1]! - e.scoreY) /
              Math.max(1, Math.hypot(e.scoreX, e.scoreY)),
          );
        }
      }
      expect(worstLog).toBeLessThan(1e-10);
      expect(worstScore).toBeLessThan(1e-9);
    });
  }
});

describe('sampling', () => {
  it('matches the moments derived by hand for the two blobs (fixed seed)', () => {
    // Mean 0.6 (-1.2, -0.6) + 0.4 (1.3, 0.9) = (-0.2, 0). Total variance: cov_xx = 0.6 (0.35 + 1.0^2)
    // + 0.4 (0.2 + 1.5^2) = 1.79; cov_xy = 0.6 (0.2 + 1.0 * 0.6) + 0.4 (-0.1 + 1.5 * 0.9) = 0.98;
    // cov_yy = 0.6 (0.3 + 0.6^2) + 0.4 (0.4 + 0.9^2) = 0.88.
    const m = mixture2dPreset('two-blobs');
    const comps = new Int32Array(100_000);
    const xy = sampleMixture2d(m, 100_000, createRng(42), comps);
    const { mean, cov } = moments(xy);
    expect(mean[0]).toBeCloseTo(-0.2, 1);
    expect(Math.abs(mean[0] + 0.2)).toBeLessThan(0.02);
    expect(Math.abs(mean[1])).toBeLessThan(0.02);
    expect(Math.abs(cov[0] - 1.79)).toBeLessThan(0.03);
    expect(Math.abs(cov[1] - 0.98)).toBeLessThan(0.03);
    expect(Math.abs(cov[2] - 0.88)).toBeLessThan(0.03);
    const share0 = comps.reduce((a, c) => a + (c === 0 ? 1 : 0), 0) / comps.length;
    expect(Math.abs(share0 - 0.6)).toBeLessThan(0.01);
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const m = mixture2dPreset('ring');
    expect(sampleMixture2d(m, 10, createRng(1))).toEqual(sampleMixture2d(m, 10, createRng(1)));
    expect(sampleMixture2d(m, 10, createRng(1))).not.toEqual(sampleMixture2d(m, 10, createRng(2)));
  });

  it('draws a correlated gaussian through its Cholesky factor', () => {
    const m = createMixture2d([
      {
        mean: [3, -1],
        cov: [
          [1, -0.8],
          [-0.8, 2],
        ],
      },
    ]);
    const { mean, cov } = moments(sampleMixture2d(m, 100_000, createRng(3)));
    expect(Math.abs(mean[0] - 3)).toBeLessThan(0.02);
    expect(Math.abs(mean[1] + 1)).toBeLessThan(0.02);
    expect(Math.abs(cov[0] - 1)).toBeLessThan(0.03);
    expect(Math.abs(cov[1] + 0.8)).toBeLessThan(0.03);
    expect(Math.abs(cov[2] - 2)).toBeLessThan(0.04);
  });
});

describe('forward noising of a mixture', () => {
  it('maps component k to N(sqrt(abar) mu_k, abar C_k + (1 - abar) I)', () => {
    const m = createMixture2d([
      {
        mean: [2, -4],
        cov: [
          [0.5, 0.1],
          [0.1, 0.2],
        ],
      },
    ]);
    const n = noiseMixture2d(m, 0.25);
    expect(Array.from(n.means)).toEqual([1, -2]);
    expect(Array.from(n.covariances)).toEqual(
      [0.25 * 0.5 + 0.75, 0.025, 0.25 * 0.2 + 0.75].map((v) => expect.closeTo(v, 15)),
    );
  });

  it('agrees with noising samples by x_t = sqrt(abar) x_0 + sqrt(1 - abar) eps', () => {
    // Noised two-blobs at abar = 0.5: mean sqrt(0.5) (-0.2, 0); cov 0.5 * [[1.79, 0.98], [0.98, 0.88]] + 0.5 I.
    const m = mixture2dPreset('two-blobs');
    const rng = createRng(11);
    const x0 = sampleMixture2d(m, 100_000, rng);
    const xt = addNoise(x0, randn64(rng, x0.length), [0], Float64Array.of(0.5));
    const { mean, cov } = moments(xt);
    expect(Math.abs(mean[0] - Math.sqrt(0.5) * -0.2)).toBeLessThan(0.015);
    expect(Math.abs(mean[1])).toBeLessThan(0.015);
    expect(Math.abs(cov[0] - (0.5 * 1.79 + 0.5))).toBeLessThan(0.03);
    expect(Math.abs(cov[1] - 0.5 * 0.98)).toBeLessThan(0.03);
    expect(Math.abs(cov[2] - (0.5 * 0.88 + 0.5))).toBeLessThan(0.03);
  });

  it('tends to N(0, I) as abar -> 0', () => {
    const logStdNormal = (x: number, y: number) => -LOG_2PI - 0.5 * (x * x + y * y);
    for (const name of MIXTURE2D_PRESETS) {
      const m = mixture2dPreset(name);
      let previous = Infinity;
      for (const alphaBar of [1e-2, 1e-4, 1e-8]) {
        const n = noiseMixture2d(m, alphaBar);
        let worst = 0;
        for (const [x, y] of [
          [0, 0],
          [1, -1],
          [-2, 0.5],
          [0.3, 2.5],
        ] as const) {
          worst = Math.max(worst, Math.abs(mixture2dLogDensity(n, x, y) - logStdNormal(x, y)));
          const [sx, sy] = mixture2dScore(n, x, y);
          worst = Math.max(worst, Math.abs(sx + x), Math.abs(sy + y));
        }
        expect(worst).toBeLessThan(previous);
        previous = worst;
      }
      expect(previous).toBeLessThan(1e-3);
      const zero = noiseMixture2d(m, 0);
      expect(mixture2dLogDensity(zero, 1, -1)).toBeCloseTo(logStdNormal(1, -1), 12);
    }
  });

  it('returns the data unchanged at abar = 1 and rejects abar outside [0, 1]', () => {
    const m = mixture2dPreset('ring');
    expect(noiseMixture2d(m, 1)).toBe(m);
    expect(() => noiseMixture2d(m, 1.5)).toThrow(/alphaBar/);
    expect(() => noiseMixture2d(m, Number.NaN)).toThrow(Mixture2dError);
  });
});

describe('validation', () => {
  it('names the bad field', () => {
    expect(() => createMixture2d([])).toThrow(/components/);
    expect(() => createMixture2d([{ mean: [0, Number.NaN] }])).toThrow(/components\[0\]\.mean/);
    expect(() =>
      createMixture2d([
        { mean: [0, 0] },
        {
          mean: [0, 0],
          cov: [
            [1, 2],
            [2, 1],
          ],
        },
      ]),
    ).toThrow(/components\[1\]\.cov.*positive definite/);
    expect(() => createMixture2d([{ mean: [0, 0], cov: -1 }])).toThrow(/positive definite/);
    expect(() =>
      createMixture2d([
        {
          mean: [0, 0],
          cov: [
            [1, 0.2],
            [0.3, 1],
          ],
        },
      ]),
    ).toThrow(/symmetric/);
    expect(() => createMixture2d([{ mean: [0, 0], weight: -1 }])).toThrow(/weight/);
    expect(() => createMixture2d([{ mean: [0, 0], weight: 0 }])).toThrow(/positive sum/);
    expect(() => mixture2dFromArrays([1], [0], [1, 0, 1])).toThrow(/means/);
  });
});
