import { describe, expect, it } from 'vitest';
import { createRng, randn64 } from '../rng';
import { noiseSchedule } from '../schedules';
import { classLogPosteriors2d } from './guidance2d';
import { guidedFlowTrajectories } from './guidedFlow2d';
import { createLabelledMixture2d } from './labelledMixture2d';
import { labelledMixture2dPreset } from './labelledMixture2dPresets';
import { probabilityFlowTrajectories, type ProbabilityFlowTrajectories } from './probabilityFlow';

const cosine = noiseSchedule({ betaSchedule: 'squaredcos_cap_v2', numTrainTimesteps: 1000 }).alphasCumprod;

function ends(traj: ProbabilityFlowTrajectories): Array<[number, number]> {
  return Array.from({ length: traj.count }, (_, i) => {
    const at = 2 * (i * traj.length + traj.length - 1);
    return [traj.points[at]!, traj.points[at + 1]!];
  });
}

describe('guided probability-flow paths', () => {
  const data = labelledMixture2dPreset('three-clusters');
  const start = randn64(createRng(7), 2 * 200);

  it('at w = 0 are the unconditional paths and at w = 1 the conditional ones, exactly', () => {
    const opts = { alphasCumprod: cosine, steps: 30 };
    const w0 = guidedFlowTrajectories(data, start, { ...opts, classIndex: 1, guidanceScale: 0 });
    expect(w0.points).toEqual(probabilityFlowTrajectories(data.joint, start, opts).points);
    const w1 = guidedFlowTrajectories(data, start, { ...opts, classIndex: 1, guidanceScale: 1 });
    expect(w1.points).toEqual(probabilityFlowTrajectories(data.classes[1]!.mixture, start, opts).points);
  });

  it('with one gaussian per class at w = 1, carry N(0, I) to that class (moments)', () => {
    const two = createLabelledMixture2d([
      { components: [{ mean: [-1.5, 0], cov: 0.1 }] },
      {
        components: [
          {
            mean: [1, 1],
            cov: [
              [0.3, 0.1],
              [0.1, 0.2],
            ],
          },
        ],
      },
    ]);
    const n = 3000;
    const fin = ends(
      guidedFlowTrajectories(two, randn64(createRng(2), 2 * n), {
        alphasCumprod: cosine,
        steps: 100,
        classIndex: 1,
        guidanceScale: 1,
      }),
    );
    const mx = fin.reduce((s, p) => s + p[0], 0) / n;
    const my = fin.reduce((s, p) => s + p[1], 0) / n;
    const cxx = fin.reduce((s, p) => s + (p[0] - mx) ** 2, 0) / n;
    const cxy = fin.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / n;
    expect(Math.abs(mx - 1)).toBeLessThan(0.03);
    expect(Math.abs(my - 1)).toBeLessThan(0.03);
    expect(Math.abs(cxx - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(cxy - 0.1)).toBeLessThan(0.02);
  });

  it('from the same starts, a larger w lands more surely in the class and further out, past its bulk', () => {
    const classIndex = 0; // 'circle', centred at (0, ~1.6): "further out" is further from the origin, away from the other classes
    const stats = [0, 1, 3, 8].map((w) => {
      const fin = ends(
        guidedFlowTrajectories(data, start, { alphasCumprod: cosine, steps: 50, classIndex, guidanceScale: w }),
      );
      const inClass =
        fin.filter(([x, y]) => Math.exp(classLogPosteriors2d(data, x, y)[classIndex]!) > 0.5).length / fin.length;
      const radius = fin.reduce((s, [x, y]) => s + Math.hypot(x, y), 0) / fin.length;
      return { w, inClass, radius };
    });
    // w = 0: about a third of the paths end in the class (its prior); w = 1: nearly all; w = 8: all.
    expect(stats[0]!.inClass).toBeGreaterThan(0.2);
    expect(stats[0]!.inClass).toBeLessThan(0.5);
    expect(stats[1]!.inClass).toBeGreaterThan(0.95);
    expect(stats[3]!.inClass).toBe(1);
    // The class's own mean radius is about 1.63; guidance drives the samples beyond it.
    expect(stats[2]!.radius).toBeGreaterThan(stats[1]!.radius + 0.1);
    expect(stats[3]!.radius).toBeGreaterThan(stats[2]!.radius + 0.2);
  });

  it('rejects a bad class or scale', () => {
    expect(() =>
      guidedFlowTrajectories(data, start, { alphasCumprod: cosine, classIndex: 3, guidanceScale: 1 }),
    ).toThrow(/classIndex/);
    expect(() =>
      guidedFlowTrajectories(data, start, { alphasCumprod: cosine, classIndex: 0, guidanceScale: Infinity }),
    ).toThrow(/guidanceScale/);
  });
});
