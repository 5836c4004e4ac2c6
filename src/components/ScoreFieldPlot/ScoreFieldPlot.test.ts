import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { cosineAlphaBar } from '../../engine/internal';
import { contourSegments } from './contours';
import { describeScoreField, scoreFieldLabel } from './describeScoreField';
import { densityLevels, LOG_DENSITY_RANGE } from './drawScoreField2d';
import {
  type ScoreFieldModel,
  type ScoreFieldOptions,
  computeScoreFieldModel,
  useScoreFieldPlot,
} from './useScoreFieldPlot';

const defaults: ScoreFieldOptions = {
  data: 'ring',
  schedule: 'squaredcos_cap_v2',
  seed: 0,
  sampleCount: 500,
  trajectoryCount: 8,
  trajectorySteps: 50,
  gridSize: 24,
  densityResolution: 64,
};

function ready(m: ScoreFieldModel) {
  if (m.problem) throw new Error(`unexpected problem: ${m.problem.message}`);
  return m;
}

describe('the ScoreFieldPlot model', () => {
  it('reads abar_t from the squaredcos_cap_v2 schedule', () => {
    // Uncapped, abar_t = prod_{s<=t} abar((s+1)/T) / abar(s/T) = abar((t+1)/T) / abar(0), abar the cosine curve.
    const { frame } = ready(computeScoreFieldModel(defaults, 200));
    expect(frame.alphaBar).toBeCloseTo(cosineAlphaBar(201 / 1000) / cosineAlphaBar(0), 12);
    expect(frame.t).toBe(200);
  });

  it('frames the data and N(0, I) in a view of half-width 3.5 for the ring', () => {
    // max(3.2, 2 + 3 sqrt(0.02) = 2.42) = 3.2, rounded up to a half: 3.5.
    const { base } = ready(computeScoreFieldModel(defaults, 0));
    expect(base.extent).toBe(3.5);
    expect(ready(computeScoreFieldModel({ ...defaults, extent: 5 }, 0)).base.extent).toBe(5);
  });

  it('grids the exact noised density and score of a single gaussian', () => {
    // Data N((1, 0), 0.5 I), noised to abar: N((sqrt(abar), 0), (0.5 abar + 1 - abar) I).
    const o: ScoreFieldOptions = {
      ...defaults,
      data: { components: [{ mean: [1, 0], cov: 0.5 }] },
      gridSize: 4,
      densityResolution: 8,
      extent: 4,
    };
    const { frame } = ready(computeScoreFieldModel(o, 500));
    const a = frame.alphaBar;
    const v = 0.5 * a + 1 - a;
    const m = Math.sqrt(a);
    expect(frame.logDensity.length).toBe(64);
    // Density cell (i = 2, j = 5) of 8 over [-4, 4]: x = -4 + 2.5, y = 4 - 5.5.
    const [x, y] = [-1.5, -1.5];
    const expected = -Math.log(2 * Math.PI * v) - ((x - m) ** 2 + y * y) / (2 * v);
    expect(frame.logDensity[5 * 8 + 2]).toBeCloseTo(expected, 12);
    // Arrow cell (i = 3, j = 0) of 4: x = 3, y = 3; score -(x - mean) / v.
    expect(frame.scores.length).toBe(32);
    expect(frame.scores[2 * 3]).toBeCloseTo(-(3 - m) / v, 12);
    expect(frame.scores[2 * 3 + 1]).toBeCloseTo(-3 / v, 12);
    expect(frame.logDensityMax).toBeGreaterThanOrEqual(frame.logDensity[5 * 8 + 2]!);
  });

  it('noises the samples as x_t = sqrt(abar) x_0 + sqrt(1 - abar) eps, reaching N(0, I) at T - 1', () => {
    const model = ready(computeScoreFieldModel({ ...defaults, sampleCount: 4000 }, 999));
    const { base, frame } = model;
    const a = frame.alphaBar;
    for (const i of [0, 1, 777])
      expect(frame.samples[i]).toBeCloseTo(Math.sqrt(a) * base.x0[i]! + Math.sqrt(1 - a) * base.eps[i]!, 14);
    const n = 4000;
    let mx = 0;
    let vx = 0;
    for (let i = 0; i < n; i++) mx += frame.samples[2 * i]! / n;
    for (let i = 0; i < n; i++) vx += (frame.samples[2 * i]! - mx) ** 2 / n;
    expect(Math.abs(mx)).toBeLessThan(0.06);
    expect(Math.abs(vx - 1)).toBeLessThan(0.08);
    // At t = 0 the samples are (almost exactly) the clean draws, on the ring of radius 2.
    const clean = ready(computeScoreFieldModel(defaults, 0)).frame;
    const r = Math.hypot(clean.samples[0]!, clean.samples[1]!);
    expect(Math.abs(r - 2)).toBeLessThan(0.6);
  });

  it('has the score -x of N(0, I) at T - 1: largest at the corner cell', () => {
    const { frame, base } = ready(computeScoreFieldModel(defaults, 999));
    const cell = (2 * base.extent) / 24;
    expect(frame.scoreMax).toBeCloseTo(Math.SQRT2 * (base.extent - cell / 2), 3);
  });

  it('is reproducible from the seed', () => {
    const a = ready(computeScoreFieldModel(defaults, 100));
    const b = ready(computeScoreFieldModel(defaults, 100));
    const c = ready(computeScoreFieldModel({ ...defaults, seed: 1 }, 100));
    expect(a.frame.samples).toEqual(b.frame.samples);
    expect(a.frame.samples).not.toEqual(c.frame.samples);
    expect(a.base.trajectories!.points).toEqual(b.base.trajectories!.points);
  });

  it('places each probability-flow path at t: its start at T - 1', () => {
    const { base, frame } = ready(computeScoreFieldModel(defaults, 999));
    const traj = base.trajectories!;
    expect(traj.count).toBe(8);
    expect(frame.trajectoryHeads[2]).toBe(traj.points[2 * traj.length]);
    expect(ready(computeScoreFieldModel({ ...defaults, trajectoryCount: 0 }, 0)).base.trajectories).toBeNull();
  });

  it('takes points as a KDE with a bandwidth rule', () => {
    const points: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const { base } = ready(computeScoreFieldModel({ ...defaults, data: points }, 0));
    expect(base.data.kind).toBe('kde');
    // Scott: sigma n^(-1/6), each axis [0, 1, 0, 1] has sample variance 1/3.
    expect(base.data.bandwidth).toBeCloseTo(Math.sqrt(1 / 3) * 4 ** (-1 / 6), 12);
    const fixed = ready(computeScoreFieldModel({ ...defaults, data: { points, bandwidth: 0.25 } }, 0));
    expect(fixed.base.data.bandwidth).toBe(0.25);
    expect(fixed.base.data.label).toMatch(/4 points \(h = 0\.25\)/);
  });

  it('describes itself in words with the numbers', () => {
    const { base, frame, scheduleName } = ready(computeScoreFieldModel(defaults, 200));
    expect(scoreFieldLabel(base, frame)).toBe('Score field of the 8-gaussian ring at t = 200');
    const text = describeScoreField(
      base,
      frame,
      { samples: true, density: 'heatmap', score: true, trajectories: false },
      scheduleName,
      'linear',
      '2d',
    );
    expect(text).toMatch(/^Density of the 8-gaussian ring noised to t = 200 of 999 \(squaredcos_cap_v2 schedule/);
    expect(text).toContain('24 by 24 grid');
    expect(text).toContain('500 samples');
    expect(text).not.toContain('probability-flow');
  });
});

describe('bad options become problems that name the prop', () => {
  const cases: Array<[string, Partial<ScoreFieldOptions>, number, string]> = [
    ['t past the schedule', {}, 1000, 't'],
    ['t negative', {}, -1, 't'],
    ['t fractional', {}, 2.5, 't'],
    ['t NaN', {}, Number.NaN, 't'],
    ['negative sampleCount', { sampleCount: -5 }, 0, 'sampleCount'],
    ['absurd sampleCount', { sampleCount: 5e6 }, 0, 'sampleCount'],
    ['negative trajectoryCount', { trajectoryCount: -1 }, 0, 'trajectoryCount'],
    ['absurd gridSize', { gridSize: 10_000 }, 0, 'gridSize'],
    ['NaN gridSize', { gridSize: Number.NaN }, 0, 'gridSize'],
    ['absurd densityResolution', { densityResolution: 1e6 }, 0, 'densityResolution'],
    ['fractional seed', { seed: 0.5 }, 0, 'seed'],
    ['zero extent', { extent: 0 }, 0, 'extent'],
    ['unknown preset', { data: 'moons' as never }, 0, 'data'],
    ['empty points', { data: [] }, 0, 'data'],
    ['empty points object', { data: { points: [] } }, 0, 'data'],
    ['one point with a rule', { data: [[1, 1]] }, 0, 'data'],
    [
      'a covariance that is not positive definite',
      {
        data: {
          components: [
            {
              mean: [0, 0],
              cov: [
                [1, 3],
                [3, 1],
              ],
            },
          ],
        },
      },
      0,
      'data',
    ],
    ['unknown schedule', { schedule: 'cosine' as never }, 0, 'schedule'],
    ['absurd schedule length', { schedule: { numTrainTimesteps: 1e9 } }, 0, 'schedule'],
  ];
  for (const [name, patch, t, prop] of cases) {
    it(name, () => {
      const m = computeScoreFieldModel({ ...defaults, ...patch }, t);
      expect(m.problem?.prop).toBe(prop);
      expect(m.problem?.message).toMatch(new RegExp(prop.split('.')[0]!));
    });
  }

  it('checks t against the schedule actually used', () => {
    expect(
      computeScoreFieldModel({ ...defaults, schedule: { betaSchedule: 'linear', numTrainTimesteps: 100 } }, 99).problem,
    ).toBeNull();
    expect(
      computeScoreFieldModel({ ...defaults, schedule: { betaSchedule: 'linear', numTrainTimesteps: 100 } }, 100).problem
        ?.message,
    ).toMatch(/from 0 to 99/);
  });
});

describe('useScoreFieldPlot', () => {
  it('returns what computeScoreFieldModel computes', () => {
    let seen: ScoreFieldModel | null = null;
    function Probe() {
      seen = useScoreFieldPlot(defaults, 300);
      return null;
    }
    renderToString(createElement(Probe));
    const direct = ready(computeScoreFieldModel(defaults, 300));
    const hooked = ready(seen!);
    expect(hooked.frame.alphaBar).toBe(direct.frame.alphaBar);
    expect(hooked.frame.logDensity).toEqual(direct.frame.logDensity);
    expect(hooked.frame.samples).toEqual(direct.frame.samples);
  });
});

describe('drawing helpers', () => {
  it('map log q to [0, 1]: q / max q, or the last 12 nats', () => {
    const frame = { logDensityMax: -1, logDensityMin: -40 } as never;
    const lin = densityLevels(frame, 'linear');
    expect(lin.value(-1)).toBe(1);
    expect(lin.value(-1 - Math.LN2)).toBeCloseTo(0.5, 15);
    const log = densityLevels(frame, 'log');
    expect(log.value(-1)).toBe(1);
    expect(log.value(-1 - LOG_DENSITY_RANGE / 2)).toBeCloseTo(0.5, 15);
    expect(log.value(-30)).toBe(0);
  });

  it('find contour crossings by linear interpolation', () => {
    // A 2 x 2 grid with one corner above 0.5: the top-left value 1, others 0 -> one segment cutting that corner
    // at half-way along the top and left edges.
    expect(contourSegments([1, 0, 0, 0], 2, 2, 0.5)).toEqual([0, 0.5, 0.5, 0]);
    // A radial bump: every segment endpoint lies where the bilinear field equals the level.
    const n = 21;
    const f = Array.from({ length: n * n }, (_, k) =>
      Math.exp(-(((k % n) - 10) ** 2 + (Math.floor(k / n) - 10) ** 2) / 20),
    );
    const segs = contourSegments(f, n, n, 0.5);
    expect(segs.length).toBeGreaterThan(20);
    for (let s = 0; s < segs.length; s += 2) {
      const r = Math.hypot(segs[s]! - 10, segs[s + 1]! - 10);
      expect(Math.abs(r - Math.sqrt(20 * Math.LN2))).toBeLessThan(0.15);
    }
  });
});
