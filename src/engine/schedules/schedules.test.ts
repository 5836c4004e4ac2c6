import { describe, expect, it } from 'vitest';
import { readSchedulerFixture } from '../../../test/reference/goldenFixtures';
import { alphasCumprodFromBetas, alphasFromBetas } from './alphas';
import { BETA_SCHEDULES, linearBetas, makeBetas, squaredcosCapV2Betas } from './betas';
import {
  logSnrFromAlphasCumprod,
  sigmasFromAlphasCumprod,
  snrFromAlphasCumprod,
  sqrtAlphasCumprod,
  sqrtOneMinusAlphasCumprod,
} from './derived';
import { noiseSchedule } from './noiseSchedule';
import { interpOnIntegerGrid, linspace, roundHalfEven } from './numpyGrids';
import { rescaleZeroTerminalSnr } from './rescaleZeroTerminalSnr';
import { SchedulerConfigError } from './SchedulerConfigError';

interface ScheduleCase {
  beta_schedule: string;
  num_train_timesteps: number;
  beta_start: number;
  beta_end: number;
  rescale_betas_zero_snr: boolean;
  indices: number[];
  betas: number[];
  alphas_cumprod: number[];
  sqrt_alphas_cumprod: number[];
  sqrt_one_minus_alphas_cumprod: number[];
  derived: { snr: number[]; log_snr: number[]; sigmas: number[] } | null;
}

interface SmallCase {
  beta_schedule: string;
  num_train_timesteps: number;
  beta_start: number;
  beta_end: number;
  betas: number[];
  alphas_cumprod: number[];
}

const fixture = readSchedulerFixture<{ cases: ScheduleCase[]; small: SmallCase[] }>('schedules.json');

/** max |a_i - b_i| / max(|b_i|, floor) */
function maxRelative(actual: ArrayLike<number>, expected: ArrayLike<number>, floor = 0): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / Math.max(Math.abs(expected[i]!), floor));
  }
  return worst;
}

const pick = (a: Float64Array, indices: number[]): number[] => indices.map((i) => a[i]!);

describe('beta schedules against the numpy reference (float64)', () => {
  it.each(fixture.cases.map((c) => [`${c.beta_schedule}${c.rescale_betas_zero_snr ? ' + zero SNR' : ''}`, c] as const))(
    '%s',
    (_label, c) => {
      const s = noiseSchedule({
        betaSchedule: c.beta_schedule,
        numTrainTimesteps: c.num_train_timesteps,
        betaStart: c.beta_start,
        betaEnd: c.beta_end,
        rescaleBetasZeroSnr: c.rescale_betas_zero_snr,
      });
      expect(maxRelative(pick(s.betas, c.indices), c.betas)).toBeLessThan(1e-12);
      // abar is a product of up to 1000 factors: rounding grows to a few 1e-14 (1e-11 near abar = 0).
      expect(maxRelative(pick(s.alphasCumprod, c.indices), c.alphas_cumprod, 1e-3)).toBeLessThan(1e-12);
      expect(maxRelative(pick(s.sqrtAlphasCumprod, c.indices), c.sqrt_alphas_cumprod, 1e-3)).toBeLessThan(1e-12);
      expect(maxRelative(pick(s.sqrtOneMinusAlphasCumprod, c.indices), c.sqrt_one_minus_alphas_cumprod)).toBeLessThan(
        1e-12,
      );
      if (c.derived !== null) {
        expect(maxRelative(pick(s.snr, c.indices), c.derived.snr)).toBeLessThan(1e-11);
        expect(maxRelative(pick(s.logSnr, c.indices), c.derived.log_snr, 1)).toBeLessThan(1e-12);
        expect(maxRelative(pick(s.sigmas, c.indices), c.derived.sigmas)).toBeLessThan(1e-12);
      }
    },
  );

  it.each(fixture.small.map((c) => [c.beta_schedule, c] as const))('full arrays for T = 10: %s', (_label, c) => {
    const betas = makeBetas({
      betaSchedule: c.beta_schedule,
      numTrainTimesteps: 10,
      betaStart: c.beta_start,
      betaEnd: c.beta_end,
    });
    expect(maxRelative(betas, c.betas)).toBeLessThan(1e-13);
    expect(maxRelative(alphasCumprodFromBetas(betas), c.alphas_cumprod)).toBeLessThan(1e-13);
  });
});

describe('beta schedules by hand', () => {
  it('linear betas rise evenly; abar is the running product of 1 - beta', () => {
    const betas = linearBetas(3, 0.1, 0.3);
    expect(Array.from(betas)).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(alphasFromBetas(betas))).toEqual([0.9, 0.8, 1 - 0.3]);
    const abar = alphasCumprodFromBetas(betas);
    expect(abar[0]).toBe(0.9);
    expect(abar[1]).toBeCloseTo(0.72, 15);
    expect(abar[2]).toBeCloseTo(0.504, 15);
  });

  it('derives sqrt(abar), sqrt(1 - abar), SNR, log SNR and sigma', () => {
    const abar = new Float64Array([0.64, 0.5, 0.2]);
    expect(Array.from(sqrtAlphasCumprod(abar))).toEqual([0.8, Math.sqrt(0.5), Math.sqrt(0.2)]);
    expect(sqrtOneMinusAlphasCumprod(abar)[0]).toBeCloseTo(0.6, 15);
    expect(snrFromAlphasCumprod(abar)[1]).toBe(1);
    expect(logSnrFromAlphasCumprod(abar)[1]).toBe(0);
    expect(sigmasFromAlphasCumprod(abar)[0]).toBeCloseTo(0.75, 15); // sqrt(0.36 / 0.64)
    expect(sigmasFromAlphasCumprod(abar)[2]).toBeCloseTo(2, 15); // sqrt(0.8 / 0.2)
  });

  it('caps squaredcos_cap_v2 at 0.999 where the cosine abar reaches 0', () => {
    const betas = squaredcosCapV2Betas(1000);
    expect(betas[999]).toBe(0.999);
    expect(Math.max(...betas)).toBe(0.999);
    expect(betas[0]).toBeGreaterThan(0);
  });

  it('rescales to zero terminal SNR keeping abar_0 (Lin et al. 2024)', () => {
    const original = makeBetas({ betaSchedule: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012 });
    const rescaled = rescaleZeroTerminalSnr(original);
    const abar = alphasCumprodFromBetas(rescaled);
    expect(rescaled[999]).toBe(1);
    expect(abar[999]).toBe(0);
    expect(abar[0]).toBeCloseTo(alphasCumprodFromBetas(original)[0]!, 14);
  });

  it('passes trained_betas through unchanged', () => {
    const trained = [0.01, 0.02, 0.5, 0.75];
    expect(Array.from(makeBetas({ numTrainTimesteps: 4, trainedBetas: trained }))).toEqual(trained);
  });
});

describe('invalid schedule values', () => {
  it('names beta_schedule and lists the accepted names', () => {
    let error: unknown;
    try {
      makeBetas({ betaSchedule: 'cosine' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchedulerConfigError);
    expect(error).toBeInstanceOf(RangeError);
    const configError = error as SchedulerConfigError;
    expect(configError.key).toBe('beta_schedule');
    expect(configError.accepted).toEqual(BETA_SCHEDULES);
    expect(configError.received).toBe('cosine');
    expect(configError.message).toMatch(
      /beta_schedule must be one of 'linear', 'scaled_linear', 'squaredcos_cap_v2', 'sigmoid'; got 'cosine'/,
    );
  });

  it.each([
    [{ numTrainTimesteps: 0 }, 'num_train_timesteps'],
    [{ numTrainTimesteps: 10.5 }, 'num_train_timesteps'],
    [{ betaStart: 0 }, 'beta_start'],
    [{ betaStart: 0.03 }, 'beta_end'],
    [{ betaEnd: 1.5 }, 'beta_end'],
    [{ numTrainTimesteps: 3, trainedBetas: [0.1, 0.2] }, 'trained_betas'],
    [{ numTrainTimesteps: 2, trainedBetas: [0.1, 2] }, 'trained_betas'],
  ] as const)('%o names %s', (options, key) => {
    expect(() => makeBetas(options)).toThrow(expect.objectContaining({ name: 'SchedulerConfigError', key }));
  });
});

describe('numpy-compatible grids', () => {
  it('rounds half to even like numpy', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 812.5, 937.5, 166.5, 2.4, 2.6].map(roundHalfEven)).toEqual([
      0, 2, 2, 0, -2, 812, 938, 166, 2, 3,
    ]);
  });

  it('builds linspace with exact endpoints', () => {
    expect(linspace(0, 999, 10)).toEqual([0, 111, 222, 333, 444, 555, 666, 777, 888, 999]);
    expect(linspace(5, 7, 1)).toEqual([5]);
    expect(linspace(0, 1, 0)).toEqual([]);
  });

  it('interpolates on the integer grid, clamped at the ends', () => {
    const values = [1, 3, 7];
    expect([
      interpOnIntegerGrid(-1, values),
      interpOnIntegerGrid(0.5, values),
      interpOnIntegerGrid(1, values),
      interpOnIntegerGrid(1.25, values),
      interpOnIntegerGrid(9, values),
    ]).toEqual([1, 2, 3, 4, 7]);
  });
});
