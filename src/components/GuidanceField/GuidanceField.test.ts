import { describe, expect, it } from 'vitest';
import { guidedScore2d } from '../../engine';
import { gridX, gridY, mixture2dLogDensity } from '../../engine/internal';
import { pushedPast } from './describeGuidanceField';
import { guidanceDataComponentCount, resolveGuidanceFieldData, sanitizeGuidanceFieldData } from './guidanceFieldData';
import { computeGuidanceFieldGuided } from './guidanceFieldModel';
import { type GuidanceFieldOptions, computeGuidanceFieldModel } from './useGuidanceField';

const options: GuidanceFieldOptions = {
  data: 'three-clusters',
  schedule: 'squaredcos_cap_v2',
  seed: 0,
  trajectoryCount: 60,
  trajectorySteps: 40,
  gridSize: 12,
  densityResolution: 48,
  density: 'marginal',
  reference: true,
};

function ready(o: Partial<GuidanceFieldOptions>, s: { t?: number; classIndex?: number; guidanceScale?: number } = {}) {
  const m = computeGuidanceFieldModel({ ...options, ...o }, { t: 0, classIndex: 0, guidanceScale: 3, ...s });
  if (m.problem) throw new Error(m.problem.message);
  return m.ready;
}

describe('the GuidanceField model', () => {
  it('draws the exact guided score: the arrows are guidedScore2d at the cell centres', () => {
    const r = ready({}, { t: 300, classIndex: 2, guidanceScale: 4.5 });
    const g = r.guided.arrowGrid;
    for (const idx of [0, 13, 77, 143]) {
      const e = guidedScore2d(r.frame.noised, 2, 4.5, gridX(g, idx % g.nx), gridY(g, Math.floor(idx / g.nx)));
      expect(r.guided.scores[2 * idx]).toBeCloseTo(e.scoreX, 9);
      expect(r.guided.scores[2 * idx + 1]).toBeCloseTo(e.scoreY, 9);
    }
  });

  it('shows p_t(x), p_t(x | y) or the tilted density in the heatmap', () => {
    const r = ready({}, { t: 100, classIndex: 1 });
    const d = r.frame.density;
    const at = 24 * 48 + 30;
    const [x, y] = [gridX(d.grid, 30), gridY(d.grid, 24)];
    expect(computeGuidanceFieldGuided(r.frame, 3, 'marginal').logDensity[at]).toBeCloseTo(
      mixture2dLogDensity(r.frame.noised.joint, x, y),
      9,
    );
    expect(computeGuidanceFieldGuided(r.frame, 3, 'conditional').logDensity[at]).toBeCloseTo(
      mixture2dLogDensity(r.frame.noised.classes[1]!.mixture, x, y),
      9,
    );
    const tilted = computeGuidanceFieldGuided(r.frame, 0, 'guided').logDensity[at]!;
    expect(tilted).toBeCloseTo(mixture2dLogDensity(r.frame.noised.joint, x, y), 1); // normalised on the grid only
  });

  it('keeps the same starting points for every w and class, and pushes the ends past the class as w grows', () => {
    const w1 = ready({}, { guidanceScale: 1 }).paths!;
    const w8 = ready({}, { guidanceScale: 8 }).paths!;
    const other = ready({}, { guidanceScale: 8, classIndex: 1 }).paths!;
    const first = (p: typeof w1) => Array.from(p.trajectories.points.slice(0, 2));
    expect(first(w8)).toEqual(first(w1));
    expect(first(other)).toEqual(first(w1));
    expect(w1.inClass).toBeGreaterThan(0.9);
    expect(w8.inClass).toBe(1);
    // At w = 1 the ends are distributed as the class: their centre is near its mean (60 draws: within ~0.15).
    expect(w1.shift).toBeLessThan(0.15);
    expect(w8.shift).toBeGreaterThan(0.4);
    expect(w8.meanLogClassDensity).toBeLessThan(w1.meanLogClassDensity - 1);
    expect(pushedPast(w8, w1)).toBe(true);
    expect(pushedPast(w1, w1)).toBe(false);
  });

  it('recomputes nothing of the paths when only t changes (they do not depend on t)', () => {
    const a = ready({}, { t: 0 });
    const b = ready({}, { t: 800 });
    expect(b.paths!.trajectories.points).toEqual(a.paths!.trajectories.points);
    expect(Array.from(b.heads)).not.toEqual(Array.from(a.heads));
  });

  it('has no paths without a count, and none on a zero-terminal-SNR schedule', () => {
    expect(ready({ trajectoryCount: 0 }).paths).toBeNull();
    const zero = ready({ schedule: { beta_schedule: 'linear', rescale_betas_zero_snr: true } as never });
    expect(zero.base.canFlow).toBe(false);
    expect(zero.paths).toBeNull();
  });

  it('reports problems instead of throwing', () => {
    const bad = (o: Partial<GuidanceFieldOptions>, s = {}) =>
      computeGuidanceFieldModel({ ...options, ...o }, { t: 0, classIndex: 0, guidanceScale: 1, ...s }).problem;
    expect(bad({}, { classIndex: 3 })).toMatchObject({ prop: 'classIndex', message: expect.stringMatching(/0 to 2/) });
    expect(bad({}, { t: 1000 })).toMatchObject({ prop: 't' });
    expect(bad({ densityResolution: 256, gridSize: 32, data: 'two-moons' }, {})).toBeNull();
    const heavy = {
      classes: [
        { components: Array.from({ length: 100 }, (_, i) => ({ mean: [i / 50, 0] as const, cov: 0.1 })) },
        { components: [{ mean: [0, 1] as const }] },
      ],
    };
    expect(bad({ data: heavy, densityResolution: 256 })).toMatchObject({ prop: 'densityResolution' });
    expect(bad({ data: heavy, trajectoryCount: 200, trajectorySteps: 500 })).toMatchObject({ prop: 'trajectoryCount' });
    expect(
      bad({
        data: {
          classes: [
            { components: [{ mean: [0, 0] }] },
            {
              components: [
                {
                  mean: [0, 0],
                  cov: [
                    [1, 2],
                    [2, 1],
                  ],
                },
              ],
            },
          ],
        },
      }),
    ).toMatchObject({
      prop: 'data',
      message: expect.stringMatching(/classes\[1\]\.components\[0\]\.cov must be positive definite/),
    });
  });
});

describe('the data prop', () => {
  it('takes presets and classes, and copies them once', () => {
    const spec = {
      classes: [
        { label: 'a', components: [{ mean: [0, 0] as const }] },
        { components: [{ mean: [1, 1] as const, cov: 0.2 }] },
      ],
      label: 'two dots',
    };
    const a = sanitizeGuidanceFieldData(spec);
    expect(a.value).toEqual(spec);
    expect(sanitizeGuidanceFieldData(spec).value).toBe(a.value);
    expect(guidanceDataComponentCount(a.value!)).toBe(2);
    expect(guidanceDataComponentCount('two-moons')).toBe(16);
    const r = resolveGuidanceFieldData(spec);
    expect('mixture' in r && r.mixture.classes.map((c) => c.label)).toEqual(['a', 'class 1']);
  });

  it('names what is wrong', () => {
    const msg = (d: unknown) => sanitizeGuidanceFieldData(d).problem?.message;
    expect(msg('ring')).toMatch(/'three-clusters', 'two-moons', 'ring-quarters'/);
    expect(msg({ classes: [{ components: [{ mean: [0, 0] }] }] })).toMatch(/2 to 8 classes; got 1/);
    expect(msg({ classes: [{ components: [] }, { components: [{ mean: [0, 0] }] }] })).toMatch(
      /data\.classes\[0\]\.components must be an array/,
    );
    expect(msg({ classes: [{ components: [{ mean: [0, Number.NaN] }] }, { components: [{ mean: [0, 0] }] }] })).toMatch(
      /data\.classes\[0\]\.components\[0\]\.mean/,
    );
    expect(
      msg({ classes: [{ weight: -1, components: [{ mean: [0, 0] }] }, { components: [{ mean: [0, 0] }] }] }),
    ).toMatch(/classes\[0\]\.weight/);
    const many = {
      classes: [
        { components: Array.from({ length: 200 }, () => ({ mean: [0, 0] })) },
        { components: [{ mean: [0, 0] }] },
      ],
    };
    expect(msg(many)).toMatch(/at most 200 gaussians in all/);
  });
});
