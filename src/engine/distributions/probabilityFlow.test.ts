import { describe, expect, it } from 'vitest';
import { createRng, randn64 } from '../rng';
import { noiseSchedule } from '../schedules';
import { createMixture2d } from './mixture2d';
import { mixture2dPreset } from './mixture2dPresets';
import { mixture2dLogDensity } from './mixture2dScore';
import { ddimScoreStep, probabilityFlowTrajectories, trailingTimesteps, trajectoryPointAt } from './probabilityFlow';

const cosine = noiseSchedule({ betaSchedule: 'squaredcos_cap_v2', numTrainTimesteps: 1000 }).alphasCumprod;

function ends(traj: ReturnType<typeof probabilityFlowTrajectories>): Array<[number, number]> {
  return Array.from({ length: traj.count }, (_, i) => {
    const at = 2 * (i * traj.length + traj.length - 1);
    return [traj.points[at]!, traj.points[at + 1]!];
  });
}

describe('trailingTimesteps', () => {
  it("matches diffusers' trailing spacing", () => {
    const ts = trailingTimesteps(1000, 50);
    expect(ts.length).toBe(50);
    expect([ts[0], ts[1], ts[49]]).toEqual([999, 979, 19]);
    expect(Array.from(trailingTimesteps(10, 3))).toEqual([9, 6, 2]); // round(10, 6.67, 3.33) - 1
    expect(() => trailingTimesteps(10, 11)).toThrow(/steps/);
    expect(() => trailingTimesteps(10, 0)).toThrow(/steps/);
  });
});

describe('the DDIM step driven by the exact score', () => {
  // Data N(mu, I): q_t = N(sqrt(a) mu, I), score -(x - sqrt(a) mu). Then eps_hat = sqrt(1 - a)(x - sqrt(a) mu),
  // x0_hat = sqrt(a) x + (1 - a) mu, and x_prev = sqrt(a') x0_hat + sqrt(1 - a') eps_hat.
  const expectedStep = (x: number, mu: number, a: number, ap: number) =>
    Math.sqrt(ap) * (Math.sqrt(a) * x + (1 - a) * mu) + Math.sqrt(1 - ap) * Math.sqrt(1 - a) * (x - Math.sqrt(a) * mu);

  it('agrees with the hand-derived update for N(mu, I)', () => {
    const [a, ap, mu, x, y] = [0.3, 0.7, 1.5, -0.4, 2];
    const [nx, ny] = ddimScoreStep(x, y, -(x - Math.sqrt(a) * mu), -(y - Math.sqrt(a) * -mu), a, ap);
    expect(nx).toBeCloseTo(expectedStep(x, mu, a, ap), 14);
    expect(ny).toBeCloseTo(expectedStep(y, -mu, a, ap), 14);
  });

  it('is what the trajectories apply, step after step, ending on abar = 1', () => {
    const m = createMixture2d([{ mean: [1.5, -1.5] }]);
    const alphasCumprod = Float64Array.of(0.9, 0.5, 0.2, 0.04);
    const traj = probabilityFlowTrajectories(m, [0.3, -0.8], { alphasCumprod, steps: 2 });
    // Trailing timesteps for T = 4, 2 steps: [3, 1]; abar 0.04 -> 0.5 -> 1.
    expect(Array.from(traj.timesteps)).toEqual([3, 1, -1]);
    expect(Array.from(traj.alphaBars)).toEqual([0.04, 0.5, 1]);
    const x1 = expectedStep(0.3, 1.5, 0.04, 0.5);
    const x2 = expectedStep(x1, 1.5, 0.5, 1);
    expect(traj.points[2]).toBeCloseTo(x1, 13);
    expect(traj.points[4]).toBeCloseTo(x2, 13);
    expect(traj.points[5]).toBeCloseTo(expectedStep(expectedStep(-0.8, -1.5, 0.04, 0.5), -1.5, 0.5, 1), 13);
  });
});

describe('probability-flow trajectories', () => {
  it('end exactly on a point mass (DDIM is exact for a single point)', () => {
    const m = createMixture2d([{ mean: [1.5, -0.5], cov: 1e-12 }]);
    const start = randn64(createRng(5), 2 * 20);
    for (const [x, y] of ends(probabilityFlowTrajectories(m, start, { alphasCumprod: cosine, steps: 20 }))) {
      expect(x).toBeCloseTo(1.5, 5);
      expect(y).toBeCloseTo(-0.5, 5);
    }
  });

  it('end where the clean ring has high density', () => {
    const ring = mixture2dPreset('ring');
    const start = randn64(createRng(9), 2 * 300);
    const finals = ends(probabilityFlowTrajectories(ring, start, { alphasCumprod: cosine, steps: 100 }));
    // Peak log-density of one mode (weight 1/8, variance 0.02), and 3 standard deviations off it.
    const peak = Math.log(1 / 8) - Math.log(2 * Math.PI) - Math.log(0.02);
    const threeSigma = peak - 4.5;
    const logq = finals.map(([x, y]) => mixture2dLogDensity(ring, x, y));
    const near = logq.filter((l) => l > threeSigma).length;
    expect(near / logq.length).toBeGreaterThan(0.97);
    // And the starts, drawn from N(0, I), mostly were not.
    const startLogq = Array.from({ length: 300 }, (_, i) =>
      mixture2dLogDensity(ring, start[2 * i]!, start[2 * i + 1]!),
    );
    expect(startLogq.filter((l) => l > threeSigma).length / 300).toBeLessThan(0.2);
    // Every mode receives paths (1/8 each in expectation: 37.5 of 300).
    const perMode = new Array(8).fill(0);
    for (const [x, y] of finals) perMode[Math.round(((Math.atan2(y, x) / (2 * Math.PI)) * 8 + 8) % 8) % 8]++;
    for (const c of perMode) expect(c).toBeGreaterThan(15);
  });

  it('carry N(0, I) to the data distribution of a gaussian (moments)', () => {
    // Data N((0.5, -1), [[0.3, 0.1], [0.1, 0.2]]): the flow's pushforward of N(0, I) must have these moments.
    const m = createMixture2d([
      {
        mean: [0.5, -1],
        cov: [
          [0.3, 0.1],
          [0.1, 0.2],
        ],
      },
    ]);
    const n = 4000;
    const finals = ends(
      probabilityFlowTrajectories(m, randn64(createRng(21), 2 * n), { alphasCumprod: cosine, steps: 100 }),
    );
    const mx = finals.reduce((a, p) => a + p[0], 0) / n;
    const my = finals.reduce((a, p) => a + p[1], 0) / n;
    const cxx = finals.reduce((a, p) => a + (p[0] - mx) ** 2, 0) / n;
    const cxy = finals.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / n;
    const cyy = finals.reduce((a, p) => a + (p[1] - my) ** 2, 0) / n;
    expect(Math.abs(mx - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(my + 1)).toBeLessThan(0.03);
    expect(Math.abs(cxx - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(cxy - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(cyy - 0.2)).toBeLessThan(0.02);
  });

  it('are deterministic and can be read at any timestep', () => {
    const ring = mixture2dPreset('ring');
    const start = [0.2, -1.1, 1.3, 0.4];
    const a = probabilityFlowTrajectories(ring, start, { alphasCumprod: cosine, steps: 10 });
    const b = probabilityFlowTrajectories(ring, start, { alphasCumprod: cosine, steps: 10 });
    expect(a.points).toEqual(b.points);
    expect(trajectoryPointAt(a, 1, 999)).toEqual([1.3, 0.4]);
    expect(trajectoryPointAt(a, 1, 5000)).toEqual([1.3, 0.4]);
    const end = 2 * (1 * a.length + a.length - 1);
    expect(trajectoryPointAt(a, 1, -1)).toEqual([a.points[end], a.points[end + 1]]);
    // Timesteps 999, 899, ...: t = 949 lies half-way between the first two states.
    const s0 = 2 * a.length;
    const mid = trajectoryPointAt(a, 1, 949);
    expect(mid[0]).toBeCloseTo((a.points[s0]! + a.points[s0 + 2]!) / 2, 14);
    expect(mid[1]).toBeCloseTo((a.points[s0 + 1]! + a.points[s0 + 3]!) / 2, 14);
  });

  it('reject bad input', () => {
    const ring = mixture2dPreset('ring');
    expect(() => probabilityFlowTrajectories(ring, [1, 2, 3], { alphasCumprod: cosine })).toThrow(/pairs/);
    expect(() => probabilityFlowTrajectories(ring, [1, 2], { alphasCumprod: cosine, steps: 0 })).toThrow(/steps/);
  });
});

describe('probability-flow trajectories use the DDIM scheduler', () => {
  it('reach the clean data (abar = 1) when T / steps is not an integer, stepping along the trailing grid', () => {
    const m = createMixture2d([{ mean: [1.5, -0.5], cov: 1e-12 }]);
    const traj = probabilityFlowTrajectories(m, [0.4, -1.2], { alphasCumprod: cosine, steps: 48 });
    expect(Array.from(traj.timesteps.slice(0, 4))).toEqual([999, 978, 957, 936]); // numpy's arange(1000, 0, -1000/48), rounded half to even
    expect(traj.timesteps[48]).toBe(-1);
    expect(traj.alphaBars[48]).toBe(1);
    expect(traj.points[2 * 48]).toBeCloseTo(1.5, 5);
    expect(traj.points[2 * 48 + 1]).toBeCloseTo(-0.5, 5);
  });

  it('reject alphasCumprod that is not a noise schedule, and a ddimScoreStep towards more noise', () => {
    const ring = mixture2dPreset('ring');
    expect(() =>
      probabilityFlowTrajectories(ring, [1, 2], { alphasCumprod: Float64Array.of(0.5, 0.9, 0.2), steps: 1 }),
    ).toThrow(/non-increasing/);
    expect(() => ddimScoreStep(0, 0, 1, 1, 0.7, 0.3)).toThrow(/ddimScoreStep/);
  });
});
