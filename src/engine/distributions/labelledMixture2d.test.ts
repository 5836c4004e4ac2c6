import { describe, expect, it } from 'vitest';
import { createRng, randn64 } from '../rng';
import { createLabelledMixture2d, noiseLabelledMixture2d } from './labelledMixture2d';
import {
  LABELLED_MIXTURE2D_PRESETS,
  labelledMixture2dPreset,
  labelledMixture2dPresetSpec,
} from './labelledMixture2dPresets';
import { Mixture2dError } from './mixture2d';
import { noiseMixture2d } from './mixture2dNoise';
import { mixture2dPreset } from './mixture2dPresets';
import { mixture2dLogDensity } from './mixture2dScore';

const logSumExp = (xs: number[]) => {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
};

describe('labelled mixtures', () => {
  const m = createLabelledMixture2d([
    {
      label: 'a',
      weight: 3,
      components: [
        { mean: [-1, 0], cov: 0.2 },
        {
          weight: 3,
          mean: [-1, 1],
          cov: [
            [0.3, 0.1],
            [0.1, 0.2],
          ],
        },
      ],
    },
    { weight: 1, components: [{ mean: [1.5, -0.5], cov: 0.4 }] },
  ]);

  it('normalise the priors and the weights within each class; the joint weight is p(y) w_k|y', () => {
    expect(m.classes.map((c) => c.prior)).toEqual([0.75, 0.25]);
    expect(m.classes.map((c) => c.label)).toEqual(['a', 'class 1']);
    expect(Array.from(m.classes[0]!.mixture.weights)).toEqual([0.25, 0.75]);
    expect(Array.from(m.joint.weights)).toEqual([0.75 * 0.25, 0.75 * 0.75, 0.25]);
    expect(Array.from(m.componentClass)).toEqual([0, 0, 1]);
  });

  it('p(x) = sum_y p(y) p(x | y) at every point and every noise level', () => {
    const pts = randn64(createRng(3), 40);
    for (const a of [1, 0.7, 0.2, 0.01]) {
      const n = noiseLabelledMixture2d(m, a);
      for (let i = 0; i < pts.length; i += 2) {
        const [x, y] = [2 * pts[i]!, 2 * pts[i + 1]!];
        const sum = logSumExp(n.classes.map((c) => Math.log(c.prior) + mixture2dLogDensity(c.mixture, x, y)));
        expect(mixture2dLogDensity(n.joint, x, y)).toBeCloseTo(sum, 12);
      }
    }
  });

  it('noise the joint exactly as the unlabelled mixture is noised', () => {
    const n = noiseLabelledMixture2d(m, 0.3);
    const direct = noiseMixture2d(m.joint, 0.3);
    expect(Array.from(n.joint.means)).toEqual(Array.from(direct.means));
    expect(Array.from(n.joint.covariances)).toEqual(Array.from(direct.covariances));
    expect(n.classes.map((c) => c.prior)).toEqual([0.75, 0.25]);
    expect(noiseLabelledMixture2d(m, 1)).toBe(m);
  });

  it('reject bad classes, naming the field', () => {
    expect(() => createLabelledMixture2d([])).toThrow(Mixture2dError);
    expect(() => createLabelledMixture2d([{ weight: -1, components: [{ mean: [0, 0] }] }])).toThrow(
      /classes\[0\]\.weight/,
    );
    expect(() => createLabelledMixture2d([{ weight: 0, components: [{ mean: [0, 0] }] }])).toThrow(/positive sum/);
    expect(() =>
      createLabelledMixture2d([{ components: [{ mean: [0, 0] }] }, { components: [{ mean: [0, 0], cov: -1 }] }]),
    ).toThrow(/^classes\[1\]\.components\[0\]\.cov must be positive definite/);
  });
});

describe('labelled presets', () => {
  it('build, with 2 to 4 classes of a few gaussians', () => {
    for (const name of LABELLED_MIXTURE2D_PRESETS) {
      const m = labelledMixture2dPreset(name);
      expect(m.classes.length).toBeGreaterThanOrEqual(2);
      expect(m.classes.length).toBeLessThanOrEqual(4);
      for (const c of m.classes) expect(c.mixture.size).toBeGreaterThanOrEqual(2);
      expect(m.classes.reduce((s, c) => s + c.prior, 0)).toBeCloseTo(1, 14);
    }
    expect(() => labelledMixture2dPresetSpec('nope' as never)).toThrow(/three-clusters/);
  });

  it('label the unlabelled presets without changing them: the joint density is the same', () => {
    for (const [labelled, plain] of [
      ['two-moons', 'two-moons'],
      ['ring-quarters', 'ring'],
    ] as const) {
      const a = labelledMixture2dPreset(labelled).joint;
      const b = mixture2dPreset(plain);
      for (const [x, y] of [
        [0, 0],
        [1, 0.5],
        [-1.2, -0.3],
        [2, 0],
      ])
        expect(mixture2dLogDensity(a, x!, y!)).toBeCloseTo(mixture2dLogDensity(b, x!, y!), 12);
    }
  });

  it('put each moon in its own class', () => {
    const moons = labelledMixture2dPreset('two-moons');
    const meanY = (c: number) => {
      const mix = moons.classes[c]!.mixture;
      let s = 0;
      for (let k = 0; k < mix.size; k++) s += mix.weights[k]! * mix.means[2 * k + 1]!;
      return s;
    };
    expect(meanY(0)).toBeGreaterThan(0.3); // the upper moon
    expect(meanY(1)).toBeLessThan(-0.3);
  });
});
