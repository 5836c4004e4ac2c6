/**
 * Cross-checks against numbers published in diffusers' own test suite (tests/schedulers/test_scheduler_*.py),
 * computed by diffusers in float32 with its deterministic dummies:
 *   dummy_sample_deter = k / 768 for k = 0..767 (4 x 3 x 8 x 8 elements; the order does not matter here),
 *   dummy_noise_deter  = (767 - k) / 768, paired element by element with the sample,
 *   dummy_model(x, t)  = x * t / (t + 1).
 * diffusers checks sum(|x|) to 1e-2 and mean(|x|) to 1e-3; we use the same tolerances.
 */
import { describe, expect, it } from 'vitest';
import { createScheduler } from './createScheduler';
import type { Scheduler } from './types';

const N = 768;
const dummySample = (): Float64Array => Float64Array.from({ length: N }, (_, k) => k / N);
const dummyNoise = (): Float64Array => Float64Array.from({ length: N }, (_, k) => (N - 1 - k) / N);
const dummyModel = (x: Float64Array, t: number): Float64Array => x.map((v) => (v * t) / (t + 1));

function absSumMean(x: Float64Array): { sum: number; mean: number } {
  let sum = 0;
  for (const v of x) sum += Math.abs(v);
  return { sum, mean: sum / x.length };
}

/** The loop of diffusers' DDIM / DPM-Solver tests: no scaleModelInput, the model sees the sample. */
function plainLoop(
  scheduler: Scheduler,
  start: Float64Array,
  timesteps = scheduler.timesteps,
  options = {},
): Float64Array {
  let x = start;
  for (const t of timesteps) x = scheduler.step(dummyModel(x, t), t, x, options).prevSample;
  return x;
}

describe('DDIMScheduler matches diffusers test_scheduler_ddim.py', () => {
  const base = {
    num_train_timesteps: 1000,
    beta_start: 0.0001,
    beta_end: 0.02,
    beta_schedule: 'linear',
    clip_sample: true,
  };
  it.each([
    ['default (test_full_loop_no_noise)', {}, 172.0067, 0.223967],
    ['v_prediction', { prediction_type: 'v_prediction' }, 52.5302, 0.0684],
    ['set_alpha_to_one, beta_start 0.01', { set_alpha_to_one: true, beta_start: 0.01 }, 149.8295, 0.1951],
    ['no set_alpha_to_one, beta_start 0.01', { set_alpha_to_one: false, beta_start: 0.01 }, 149.0784, 0.1941],
  ] as const)('full loop, 10 steps: %s', (_label, extra, sum, mean) => {
    const scheduler = createScheduler('ddim', { ...base, ...extra });
    scheduler.setTimesteps(10);
    const result = absSumMean(plainLoop(scheduler, dummySample(), scheduler.timesteps, { eta: 0 }));
    expect(Math.abs(result.sum - sum)).toBeLessThan(1e-2);
    expect(Math.abs(result.mean - mean)).toBeLessThan(1e-3);
  });

  it('full loop from addNoise at timesteps[8] (test_full_loop_with_noise)', () => {
    const scheduler = createScheduler('ddim', base);
    scheduler.setTimesteps(10);
    const timesteps = scheduler.timesteps.slice(8);
    const noisy = scheduler.addNoise(dummySample(), dummyNoise(), [timesteps[0]!]);
    const result = absSumMean(plainLoop(scheduler, noisy, timesteps));
    expect(Math.abs(result.sum - 354.5418)).toBeLessThan(1e-2);
    expect(Math.abs(result.mean - 0.4616)).toBeLessThan(1e-3);
  });

  it('has the posterior variances of test_variance (read off an eta = 1 step)', () => {
    // With eta = 1, prevSample(noise = 1) - prevSample(noise = 0) = sigma_t = sqrt(variance(t, t')).
    const scheduler = createScheduler('ddim', base);
    scheduler.setTimesteps(50); // t' = t - 20
    const std = (t: number): number => {
      const x = new Float64Array([0.3]);
      const out = new Float64Array([0.1]);
      const a = scheduler.step(out, t, x, { eta: 1, noise: new Float64Array([1]) }).prevSample[0]!;
      const b = scheduler.step(out, t, x, { eta: 1, noise: new Float64Array([0]) }).prevSample[0]!;
      return a - b;
    };
    expect(Math.abs(std(420) ** 2 - 0.14771)).toBeLessThan(1e-5);
    expect(Math.abs(std(980) ** 2 - 0.3246)).toBeLessThan(1e-5);
  });
});

describe('DDPMScheduler matches diffusers test_scheduler_ddpm.py', () => {
  it('has the posterior variances of test_variance (fixed_small, t - 1 as previous step)', () => {
    const scheduler = createScheduler('ddpm', { variance_type: 'fixed_small', clip_sample: true });
    scheduler.setTimesteps(1000);
    const std = (t: number): number => {
      const x = new Float64Array([0.3]);
      const out = new Float64Array([0.1]);
      const a = scheduler.step(out, t, x, { noise: new Float64Array([1]) }).prevSample[0]!;
      const b = scheduler.step(out, t, x, { noise: new Float64Array([0]) }).prevSample[0]!;
      return a - b;
    };
    expect(Math.abs(std(487) ** 2 - 0.00979)).toBeLessThan(1e-5);
    expect(Math.abs(std(999) ** 2 - 0.02)).toBeLessThan(1e-5);
  });
});

describe('DPMSolverMultistepScheduler matches diffusers test_scheduler_dpm_multi.py', () => {
  const base = {
    num_train_timesteps: 1000,
    beta_start: 0.0001,
    beta_end: 0.02,
    beta_schedule: 'linear',
    solver_order: 2,
    prediction_type: 'epsilon',
    thresholding: false,
    sample_max_value: 1.0,
    algorithm_type: 'dpmsolver++',
    solver_type: 'midpoint',
    lower_order_final: false,
    euler_at_final: false,
    lambda_min_clipped: null,
    variance_type: null,
    final_sigmas_type: 'sigma_min',
  };
  it.each([
    ['default (test_full_loop_no_noise)', {}, 0.3301],
    ['v_prediction', { prediction_type: 'v_prediction' }, 0.2251],
    ['karras sigmas and v_prediction', { prediction_type: 'v_prediction', use_karras_sigmas: true }, 0.2096],
  ] as const)('full loop, 10 steps: %s', (_label, extra, mean) => {
    const scheduler = createScheduler('dpmSolverMultistep', { ...base, ...extra });
    scheduler.setTimesteps(10);
    expect(Math.abs(absSumMean(plainLoop(scheduler, dummySample())).mean - mean)).toBeLessThan(1e-3);
  });

  it('full loop from addNoise at timesteps[5] (test_full_loop_with_noise)', () => {
    const scheduler = createScheduler('dpmSolverMultistep', base);
    scheduler.setTimesteps(10);
    const timesteps = scheduler.timesteps.slice(5);
    const noisy = scheduler.addNoise(dummySample(), dummyNoise(), [timesteps[0]!]);
    const result = absSumMean(plainLoop(scheduler, noisy, timesteps));
    expect(Math.abs(result.sum - 318.4111)).toBeLessThan(1e-2);
    expect(Math.abs(result.mean - 0.4146)).toBeLessThan(1e-3);
  });
});

describe('EulerDiscreteScheduler matches diffusers test_scheduler_euler.py', () => {
  // diffusers' Euler test feeds the *scaled* sample back into step, so this loop does too.
  function eulerLoop(config: Record<string, unknown>): { sum: number; mean: number } {
    const scheduler = createScheduler('euler', {
      num_train_timesteps: 1100,
      beta_start: 0.0001,
      beta_end: 0.02,
      beta_schedule: 'linear',
      ...config,
    });
    scheduler.setTimesteps(10);
    let x = dummySample().map((v) => v * scheduler.initNoiseSigma);
    for (const t of scheduler.timesteps) {
      x = scheduler.scaleModelInput(x, t);
      x = scheduler.step(dummyModel(x, t), t, x).prevSample;
    }
    return absSumMean(x);
  }

  it.each([
    ['epsilon (test_full_loop_no_noise)', {}, 10.0807, 0.0131],
    ['v_prediction', { prediction_type: 'v_prediction' }, 0.0002, 2.2676e-6],
    ['karras sigmas', { use_karras_sigmas: true }, 124.52299499511719, 0.16213932633399963],
  ] as const)('full loop, 10 steps: %s', (_label, extra, sum, mean) => {
    const result = eulerLoop(extra);
    expect(Math.abs(result.sum - sum)).toBeLessThan(1e-2);
    expect(Math.abs(result.mean - mean)).toBeLessThan(1e-3);
  });
});
