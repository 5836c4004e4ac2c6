/** Checks derived by hand from the papers' formulas, independent of any reference implementation. */
import { describe, expect, it } from 'vitest';
import { DDIMScheduler } from './DDIMScheduler';
import { DDPMScheduler } from './DDPMScheduler';
import { DPMSolverMultistepScheduler } from './DPMSolverMultistepScheduler';
import { EulerAncestralDiscreteScheduler } from './EulerAncestralDiscreteScheduler';
import { EulerDiscreteScheduler } from './EulerDiscreteScheduler';
import { karrasSigmas, sigmaToTimestep } from './sigmaGrids';
import type { Scheduler } from './types';

const x0 = Float64Array.from([0.9, -0.4, 0.1, -1.2, 0.6]);
const eps = Float64Array.from([0.3, 1.1, -0.7, 0.2, -1.5]);

/** An oracle that knows x_0 and eps, answering in the scheduler's parameterisation at abar_t. */
function oracle(prediction: 'epsilon' | 'sample' | 'v_prediction', abar: number): Float64Array {
  const a = Math.sqrt(abar);
  const b = Math.sqrt(1 - abar);
  if (prediction === 'epsilon') return eps.slice();
  if (prediction === 'sample') return x0.slice();
  return x0.map((x, i) => a * eps[i]! - b * x); // v = sqrt(abar) eps - sqrt(1 - abar) x_0
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, digits = 12): void {
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i]!, digits);
}

describe('DDIM (Song et al. 2021) with a perfect model', () => {
  it.each(['epsilon', 'sample', 'v_prediction'] as const)(
    'stays on the trajectory of x_0 and recovers it exactly (%s)',
    (prediction) => {
      // 8 divides T = 1000, so t' = t - T / n (diffusers' rule) is the next timestep of the trailing grid.
      const scheduler = new DDIMScheduler({
        prediction_type: prediction,
        clip_sample: false,
        timestep_spacing: 'trailing',
      });
      scheduler.setTimesteps(8);
      const abar = scheduler.alphasCumprod;
      const onPath = (t: number) => x0.map((x, i) => Math.sqrt(abar[t]!) * x + Math.sqrt(1 - abar[t]!) * eps[i]!);
      let x = onPath(scheduler.timesteps[0]!);
      const ts = scheduler.timesteps;
      ts.forEach((t, j) => {
        const { prevSample, predOriginalSample } = scheduler.step(oracle(prediction, abar[t]!), t, x);
        expectClose(predOriginalSample, x0);
        // eta = 0: x_{t'} = sqrt(abar_{t'}) x_0 + sqrt(1 - abar_{t'}) eps, exactly the forward marginal's point.
        if (j < ts.length - 1) expectClose(prevSample, onPath(ts[j + 1]!));
        x = prevSample;
      });
      expectClose(x, x0); // set_alpha_to_one: abar after the last step is 1
    },
  );

  it('with set_alpha_to_one false ends at abar_0 instead of 1', () => {
    const scheduler = new DDIMScheduler({ prediction_type: 'sample', clip_sample: false, set_alpha_to_one: false });
    scheduler.setTimesteps(1);
    const a0 = scheduler.alphasCumprod[0]!;
    const t = scheduler.timesteps[0]!; // leading, one step: t = 0
    expect(t).toBe(0);
    const xt = x0.map((x, i) => Math.sqrt(a0) * x + Math.sqrt(1 - a0) * eps[i]!);
    expectClose(scheduler.step(x0, t, xt).prevSample, xt);
  });
});

describe('DDPM (Ho et al. 2020): one step by hand', () => {
  // T = 4, betas 0.1, 0.2, 0.3, 0.4; abar = 0.9, 0.72, 0.504, 0.3024. One inference step per training step.
  const config = { num_train_timesteps: 4, beta_start: 0.1, beta_end: 0.4, clip_sample: false };

  it('takes the posterior mean of eq. 7 and adds sqrt(beta~_t) z (fixed_small)', () => {
    const scheduler = new DDPMScheduler(config);
    scheduler.setTimesteps(4);
    expect(scheduler.timesteps).toEqual([3, 2, 1, 0]);
    const [abarT, abarPrev, beta] = [0.9 * 0.8 * 0.7 * 0.6, 0.9 * 0.8 * 0.7, 0.4];
    const xt = Float64Array.from([0.5]);
    const e = Float64Array.from([0.2]);
    const z = Float64Array.from([-1.3]);
    const x0Hat = (0.5 - Math.sqrt(1 - abarT) * 0.2) / Math.sqrt(abarT); // eq. 15
    const mean =
      ((Math.sqrt(abarPrev) * beta) / (1 - abarT)) * x0Hat +
      ((Math.sqrt(1 - beta) * (1 - abarPrev)) / (1 - abarT)) * 0.5;
    const betaTilde = ((1 - abarPrev) / (1 - abarT)) * beta;
    const { prevSample, predOriginalSample } = scheduler.step(e, 3, xt, { noise: z });
    expect(predOriginalSample[0]).toBeCloseTo(x0Hat, 14);
    expect(prevSample[0]).toBeCloseTo(mean + Math.sqrt(betaTilde) * -1.3, 14);
  });

  it('uses beta_t as the variance with fixed_large, and adds no noise at t = 0', () => {
    const scheduler = new DDPMScheduler({ ...config, variance_type: 'fixed_large' });
    scheduler.setTimesteps(4);
    const xt = Float64Array.from([0.5]);
    const e = Float64Array.from([0.2]);
    const withNoise = scheduler.step(e, 2, xt, { noise: Float64Array.from([1]) }).prevSample[0]!;
    const without = scheduler.step(e, 2, xt, { noise: Float64Array.from([0]) }).prevSample[0]!;
    expect(withNoise - without).toBeCloseTo(Math.sqrt(0.3), 14);
    // t = 0: the mean is x_0 itself (abar_prev = 1) and no noise is needed.
    const last = scheduler.step(e, 0, xt);
    expect(last.prevSample[0]).toBeCloseTo(last.predOriginalSample[0]!, 14);
  });

  it('clips the x_0 estimate to clip_sample_range', () => {
    const scheduler = new DDPMScheduler({
      ...config,
      clip_sample: true,
      clip_sample_range: 0.25,
      prediction_type: 'sample',
    });
    scheduler.setTimesteps(4);
    const { predOriginalSample } = scheduler.step(Float64Array.from([3, -3, 0.1]), 0, new Float64Array(3));
    expect(Array.from(predOriginalSample)).toEqual([0.25, -0.25, 0.1]);
  });
});

describe('DPM-Solver++ (Lu et al. 2022)', () => {
  it('of order 1 is DDIM: the same trailing grid gives the same samples', () => {
    const dpm = new DPMSolverMultistepScheduler({ solver_order: 1, timestep_spacing: 'trailing' });
    const ddim = new DDIMScheduler({ timestep_spacing: 'trailing', clip_sample: false });
    dpm.setTimesteps(8);
    ddim.setTimesteps(8);
    expect(dpm.timesteps).toEqual(ddim.timesteps);
    let a = Float64Array.from(eps);
    let b = Float64Array.from(eps);
    for (const t of dpm.timesteps) {
      const model = (x: Float64Array) => x.map((v, i) => 0.5 * v + 0.1 * i);
      a = dpm.step(model(a), t, a).prevSample;
      b = ddim.step(model(b), t, b).prevSample;
      expectClose(a, b, 11);
    }
  });

  it('with a perfect data prediction lands on x_0 at every order', () => {
    for (const order of [1, 2, 3]) {
      const scheduler = new DPMSolverMultistepScheduler({ solver_order: order, prediction_type: 'sample' });
      scheduler.setTimesteps(12);
      let x = eps.slice();
      for (const t of scheduler.timesteps) x = scheduler.step(x0, t, x).prevSample;
      expectClose(x, x0, 12);
    }
  });
});

describe('Euler samplers (Karras et al. 2022) with a perfect denoiser', () => {
  /** A perfect denoiser in the scheduler's parameterisation: x_0 itself, or eps = (x - x_0) / sigma. */
  const perfect = (scheduler: Scheduler, x: Float64Array, j: number) =>
    scheduler.config.prediction_type === 'sample' ? x0 : x.map((v, i) => (v - x0[i]!) / scheduler.sigmas![j]!);
  const run = (scheduler: Scheduler, noise?: Float64Array) => {
    scheduler.setTimesteps(9);
    const sigmas = scheduler.sigmas!;
    let x = x0.map((v, i) => v + sigmas[0]! * eps[i]!); // x = x_0 + sigma eps
    scheduler.timesteps.forEach((t, j) => {
      const out = scheduler.step(perfect(scheduler, x, j), t, x, noise ? { noise } : {});
      expectClose(out.predOriginalSample, x0);
      x = out.prevSample;
      if (!noise)
        expectClose(
          x,
          x0.map((v, i) => v + sigmas[j + 1]! * eps[i]!),
          10,
        ); // stays on x_0 + sigma eps
    });
    return x;
  };

  it('Euler moves along x_0 + sigma eps and ends at x_0', () => {
    expectClose(run(new EulerDiscreteScheduler({ prediction_type: 'sample' })), x0, 10);
  });

  it('Euler ancestral with zero noise also ends at x_0 (sigma_up = 0 on the last step)', () => {
    expectClose(
      run(new EulerAncestralDiscreteScheduler({ prediction_type: 'epsilon' }), new Float64Array(x0.length)),
      x0,
      10,
    );
  });

  it('scales the model input by 1 / sqrt(sigma^2 + 1), returning x_t at the VP scale', () => {
    const scheduler = new EulerDiscreteScheduler();
    scheduler.setTimesteps(5);
    const t = scheduler.timesteps[0]!;
    const sigma = scheduler.sigmas![0]!;
    const x = Float64Array.from([2, -4]);
    expectClose(
      scheduler.scaleModelInput(x, t),
      [2 / Math.sqrt(sigma * sigma + 1), -4 / Math.sqrt(sigma * sigma + 1)],
      14,
    );
  });
});

describe('sigma grids', () => {
  it('spaces Karras sigmas evenly in sigma^(1/rho) between the ends', () => {
    const sigmas = karrasSigmas(0.1, 10, 5);
    expect(sigmas[0]).toBeCloseTo(10, 12);
    expect(sigmas[4]).toBeCloseTo(0.1, 12);
    const roots = Array.from(sigmas, (s) => s ** (1 / 7));
    for (let i = 1; i < 4; i++) expect(roots[i + 1]! - roots[i]!).toBeCloseTo(roots[1]! - roots[0]!, 12);
  });

  it('inverts the training sigmas to timesteps, interpolating in log sigma', () => {
    const logSigmas = Float64Array.from([0.1, 0.2, 0.4, 0.8], Math.log);
    expect(sigmaToTimestep(0.4, logSigmas)).toBeCloseTo(2, 14);
    expect(sigmaToTimestep(Math.sqrt(0.1 * 0.2), logSigmas)).toBeCloseTo(0.5, 14);
    expect(sigmaToTimestep(0.01, logSigmas)).toBe(0);
    expect(sigmaToTimestep(5, logSigmas)).toBe(3);
  });
});
