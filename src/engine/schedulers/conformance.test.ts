/**
 * The shared contract, run for every scheduler (after diffusers' tests/schedulers/test_schedulers.py):
 * configuration, call order, timesteps, state reset, array types, forward noising, injected randomness.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng';
import { SchedulerConfigError } from '../schedules/SchedulerConfigError';
import type { RawSchedulerConfig } from './ConfigReader';
import { createScheduler } from './createScheduler';
import { SchedulerUsageError, type SchedulerUsageErrorCode } from './SchedulerUsageError';
import type { Scheduler, SchedulerName, StepOptions } from './types';

interface ConformanceCase {
  name: SchedulerName;
  /** diffusers' default timestep_spacing for the class. */
  defaultSpacing: string;
  /** A config and step options that make every step draw noise (at least for t > 0). */
  stochastic: { config: RawSchedulerConfig; options: StepOptions & Record<string, unknown> };
  /** Samples at the variance-exploding scale (Euler family): addNoise is x + sigma eps. */
  ve: boolean;
  /** Keeps a step counter, so timesteps must come in order. */
  ordered: boolean;
  /** Has thresholding among its diffusers keys. */
  thresholdingKey: boolean;
  /** diffusers' defaults of the class where they differ from the common ones (linear betas 0.0001 to 0.02). */
  defaults?: RawSchedulerConfig;
  /**
   * The most steps `setTimesteps(n)` takes with the default config, when fewer than T (LCM: original_inference_steps).
   */
  maxSteps?: number;
  /** The grid ignores timestep_spacing and steps_offset (LCM, as diffusers). */
  ownGrid?: boolean;
  /** Whether step j of n (at t) draws noise in the stochastic config; default: every step. */
  drawsNoise?: (j: number, n: number, t: number) => boolean;
}

const CASES: ConformanceCase[] = [
  {
    name: 'ddpm',
    defaultSpacing: 'leading',
    stochastic: { config: {}, options: {} },
    ve: false,
    ordered: false,
    thresholdingKey: true,
  },
  {
    name: 'ddim',
    defaultSpacing: 'leading',
    stochastic: { config: {}, options: { eta: 1 } },
    ve: false,
    ordered: false,
    thresholdingKey: true,
  },
  {
    name: 'dpmSolverMultistep',
    defaultSpacing: 'linspace',
    stochastic: { config: { algorithm_type: 'sde-dpmsolver++' }, options: {} },
    ve: false,
    ordered: true,
    thresholdingKey: true,
  },
  {
    name: 'euler',
    defaultSpacing: 'linspace',
    stochastic: { config: {}, options: { sChurn: 5 } },
    ve: true,
    ordered: true,
    thresholdingKey: false,
  },
  {
    name: 'eulerAncestral',
    defaultSpacing: 'linspace',
    stochastic: { config: {}, options: {} },
    ve: true,
    ordered: true,
    thresholdingKey: false,
  },
  {
    name: 'lcm',
    defaultSpacing: 'leading',
    stochastic: { config: {}, options: {} },
    ve: false,
    ordered: true,
    thresholdingKey: true,
    defaults: { beta_schedule: 'scaled_linear', beta_start: 0.00085, beta_end: 0.012 },
    maxSteps: 50,
    ownGrid: true,
    // Every step re-noises its estimate except the last.
    drawsNoise: (j, n) => j < n - 1,
  },
];

const LENGTH = 6;
const sampleOf = (seed: number, n = LENGTH): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => Math.sin(seed * 7.1 + i * 1.3));
/** A smooth stand-in for a model. */
const fakeModel = (x: ArrayLike<number>, t: number): Float64Array =>
  Float64Array.from({ length: x.length }, (_, i) => 0.4 * x[i]! + 0.05 * Math.cos(i + t / 300));

function expectUsageError(fn: () => unknown, code: SchedulerUsageErrorCode, message?: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SchedulerUsageError);
  expect((error as SchedulerUsageError).code).toBe(code);
  if (message) expect((error as Error).message).toMatch(message);
}

function expectConfigError(fn: () => unknown, key: string): SchedulerConfigError {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, `expected a SchedulerConfigError for ${key}`).toBeInstanceOf(SchedulerConfigError);
  const configError = error as SchedulerConfigError;
  expect(configError.key).toBe(key);
  expect(configError.message).toContain(key);
  expect(configError.accepted.length).toBeGreaterThan(0);
  return configError;
}

/** A full sampling loop; `noiseFor(j)` gives each step's options. */
function sample(
  scheduler: Scheduler,
  n: number,
  optionsFor: (j: number) => StepOptions,
  start = sampleOf(1),
): Float64Array {
  scheduler.setTimesteps(n);
  let x = start.map((v) => v * scheduler.initNoiseSigma);
  scheduler.timesteps.forEach((t, j) => {
    const out = fakeModel(scheduler.scaleModelInput(x, t), t);
    x = scheduler.step(out, t, x, optionsFor(j)).prevSample;
  });
  return x;
}

describe.each(CASES)('$name conforms to the scheduler contract', (c) => {
  const make = (config: RawSchedulerConfig = {}): Scheduler => createScheduler(c.name, config);

  describe('configuration', () => {
    it("resolves diffusers' defaults and ignores unknown and underscore keys", () => {
      const scheduler = make({
        _class_name: 'Whatever',
        _diffusers_version: '0.30.0',
        some_future_key: 3,
        steps_offset: null,
      });
      expect(scheduler.config).toMatchObject({
        num_train_timesteps: 1000,
        beta_start: 0.0001,
        beta_end: 0.02,
        beta_schedule: 'linear',
        trained_betas: null,
        prediction_type: 'epsilon',
        timestep_spacing: c.defaultSpacing,
        steps_offset: 0,
        rescale_betas_zero_snr: false,
        ...c.defaults,
      });
      expect(scheduler.config).not.toHaveProperty('_class_name');
      expect(scheduler.config).not.toHaveProperty('some_future_key');
      expect(Object.isFrozen(scheduler.config)).toBe(true);
      expect(scheduler.betas.length).toBe(1000);
      expect(scheduler.alphasCumprod.length).toBe(1000);
    });

    it('takes a Stable Diffusion style config as is', () => {
      const sd = {
        _class_name: 'PNDMScheduler',
        _diffusers_version: '0.6.0',
        beta_end: 0.012,
        beta_schedule: 'scaled_linear',
        beta_start: 0.00085,
        num_train_timesteps: 1000,
        set_alpha_to_one: false,
        skip_prk_steps: true,
        steps_offset: 1,
        trained_betas: null,
        clip_sample: false,
      };
      const scheduler = make(sd);
      expect(scheduler.config).toMatchObject({ beta_schedule: 'scaled_linear', steps_offset: 1, beta_end: 0.012 });
      expect(scheduler.betas[999]).toBeCloseTo(0.012, 15);
    });

    it('rejects invalid values with an error naming the key and what it accepts', () => {
      expectConfigError(() => make({ num_train_timesteps: 0 }), 'num_train_timesteps');
      expectConfigError(() => make({ num_train_timesteps: 2.5 }), 'num_train_timesteps');
      expectConfigError(() => make({ num_train_timesteps: '1000' }), 'num_train_timesteps');
      const schedule = expectConfigError(() => make({ beta_schedule: 'cosine' }), 'beta_schedule');
      expect(schedule.accepted).toContain('scaled_linear');
      expect(schedule.message).toMatch(/must be one of 'linear', 'scaled_linear', 'squaredcos_cap_v2'/);
      expectConfigError(() => make({ prediction_type: 'noise' }), 'prediction_type');
      expectConfigError(() => make({ timestep_spacing: 'uniform' }), 'timestep_spacing');
      expectConfigError(() => make({ steps_offset: -1 }), 'steps_offset');
      expectConfigError(() => make({ beta_start: -0.1 }), 'beta_start');
      expectConfigError(() => make({ beta_start: 0.05 }), 'beta_end'); // beta_end (0.02) must exceed beta_start
      expectConfigError(() => make({ beta_end: 'big' }), 'beta_end');
      expectConfigError(() => make({ rescale_betas_zero_snr: 'yes' }), 'rescale_betas_zero_snr');
      expectConfigError(() => make({ trained_betas: [0.1, 0.2] }), 'trained_betas');
      expectConfigError(() => make('scheduler_config.json' as unknown as RawSchedulerConfig), 'config');
      if (c.thresholdingKey)
        expect(expectConfigError(() => make({ thresholding: true }), 'thresholding').message).toMatch(/not supported/);
    });

    it('prefixes messages with the class name', () => {
      expect(() => make({ num_train_timesteps: -5 })).toThrow(
        new RegExp(`^${make().className}: num_train_timesteps must be an integer >= 1; got -5`),
      );
    });
  });

  describe('setTimesteps', () => {
    it('rejects n outside 1..num_train_timesteps, naming num_inference_steps', () => {
      const scheduler = make({ num_train_timesteps: 100 });
      for (const bad of [0, 1.5, 101, Number.NaN, -3])
        expectConfigError(() => scheduler.setTimesteps(bad), 'num_inference_steps');
    });

    it.each(['leading', 'trailing', 'linspace'])('gives n descending timesteps within 0..T-1 (%s)', (spacing) => {
      for (const n of [1, 7, 50, 999].filter((k) => k <= (c.maxSteps ?? Infinity))) {
        // Stable Diffusion's steps_offset = 1 (ignored by trailing and linspace) leaves room below T-1 at usual n.
        const scheduler = make({ timestep_spacing: spacing, steps_offset: n < 100 ? 1 : 0 });
        expect(scheduler.timesteps).toEqual([]);
        expect(scheduler.numInferenceSteps).toBeUndefined();
        scheduler.setTimesteps(n);
        const ts = scheduler.timesteps;
        expect(ts.length).toBe(n);
        expect(scheduler.numInferenceSteps).toBe(n);
        for (let i = 0; i < n; i++) {
          expect(ts[i]).toBeGreaterThanOrEqual(0);
          expect(ts[i]).toBeLessThanOrEqual(999);
          if (i > 0) expect(ts[i]).toBeLessThan(ts[i - 1]!);
        }
      }
    });

    it('returns copies of timesteps (and sigmas where the algorithm has them)', () => {
      const scheduler = make();
      scheduler.setTimesteps(5);
      scheduler.timesteps[0] = -1;
      expect(scheduler.timesteps[0]).not.toBe(-1);
      if (c.ve || c.name === 'dpmSolverMultistep') {
        const sigmas = scheduler.sigmas!;
        expect(sigmas.length).toBe(6);
        expect(sigmas[5]).toBe(0);
        sigmas[0] = -1;
        expect(scheduler.sigmas![0]).not.toBe(-1);
      } else {
        expect(scheduler.sigmas).toBeUndefined();
      }
    });

    if (!c.ownGrid) {
      it('rejects a steps_offset that pushes timesteps past T-1', () => {
        const scheduler = make({ timestep_spacing: 'leading', steps_offset: 50, num_train_timesteps: 100 });
        expectConfigError(() => scheduler.setTimesteps(2), 'steps_offset');
      });
    }

    if (c.maxSteps !== undefined) {
      it(`refuses more than ${c.maxSteps} steps with the default config, naming num_inference_steps`, () => {
        const scheduler = make();
        scheduler.setTimesteps(c.maxSteps!);
        expect(scheduler.timesteps.length).toBe(c.maxSteps);
        expectConfigError(() => scheduler.setTimesteps(c.maxSteps! + 1), 'num_inference_steps');
      });
    }
  });

  describe('step', () => {
    it('refuses to run before setTimesteps, saying to call setTimesteps(n) first', () => {
      const scheduler = make(c.stochastic.config);
      const x = sampleOf(2);
      expectUsageError(
        () => scheduler.step(x, 999, x, { rng: createRng(1) }),
        'timesteps-not-set',
        /call setTimesteps\(n\) first/,
      );
    });

    it('refuses a timestep that is not in timesteps', () => {
      const scheduler = make();
      scheduler.setTimesteps(10);
      const x = sampleOf(2);
      expectUsageError(
        () => scheduler.step(x, 12345, x, { rng: createRng(1), sChurn: 0 } as StepOptions),
        'unknown-timestep',
        /is not one of the 10 inference timesteps/,
      );
    });

    it('refuses arrays of different lengths, naming both lengths', () => {
      const scheduler = make();
      scheduler.setTimesteps(10);
      const t = scheduler.timesteps[0]!;
      expectUsageError(
        () => scheduler.step(new Float32Array(5), t, new Float32Array(6), { rng: createRng(1) }),
        'length-mismatch',
        /length 5 .*length 6/,
      );
      expectUsageError(
        () => scheduler.step([1, 2] as unknown as Float32Array, t, new Float32Array(2)),
        'invalid-argument',
      );
    });

    it('returns arrays of the sample type: Float32Array in, Float32Array out; Float64Array likewise', () => {
      for (const Type of [Float32Array, Float64Array]) {
        const scheduler = make(c.stochastic.config);
        scheduler.setTimesteps(4);
        const t = scheduler.timesteps[0]!;
        const x = Type.from(sampleOf(3));
        const scaled = scheduler.scaleModelInput(x, t);
        expect(scaled).toBeInstanceOf(Type);
        expect(scaled).not.toBe(x);
        const { prevSample, predOriginalSample } = scheduler.step(new Float32Array(fakeModel(scaled, t)), t, x, {
          ...c.stochastic.options,
          rng: createRng(2),
        });
        expect(prevSample).toBeInstanceOf(Type);
        expect(predOriginalSample).toBeInstanceOf(Type);
        expect(prevSample.length).toBe(LENGTH);
        expect(Array.from(prevSample).every(Number.isFinite)).toBe(true);
        expect(scheduler.addNoise(x, new Float32Array(LENGTH), [t])).toBeInstanceOf(Type);
      }
    });

    it('resets all per-run state in setTimesteps: two runs give identical results', () => {
      const scheduler = make(c.stochastic.config);
      const options = (j: number): StepOptions => ({ ...c.stochastic.options, noise: sampleOf(100 + j) });
      const first = sample(scheduler, 8, options);
      // An abandoned partial run must not leak into the next one.
      scheduler.setTimesteps(8);
      const t0 = scheduler.timesteps[0]!;
      scheduler.step(fakeModel(sampleOf(5), t0), t0, sampleOf(5), options(0));
      const second = sample(scheduler, 8, options);
      expect(Array.from(second)).toEqual(Array.from(first));
      expect(Array.from(sample(make(c.stochastic.config), 8, options))).toEqual(Array.from(first));
    });

    if (c.ordered) {
      it('keeps a step counter: timesteps must come in order, and not past the last step', () => {
        const scheduler = make();
        scheduler.setTimesteps(3);
        const [t0, t1, t2] = scheduler.timesteps as [number, number, number];
        const x = sampleOf(4);
        const opts = { rng: createRng(3) };
        scheduler.step(x, t0, x, opts);
        expectUsageError(
          () => scheduler.step(x, t2, x, opts),
          'timestep-out-of-order',
          /expected t=.* \(step 2 of 3\)/,
        );
        scheduler.step(x, t1, x, opts);
        scheduler.step(x, t2, x, opts);
        expectUsageError(() => scheduler.step(x, t2, x, opts), 'timestep-out-of-order', /all 3 steps are done/);
      });
    }
  });

  describe('randomness', () => {
    it('is reproducible with the same rng seed, and differs with another seed', () => {
      const run = (seed: number) => {
        const rng = createRng(seed);
        return Array.from(sample(make(c.stochastic.config), 6, () => ({ ...c.stochastic.options, rng })));
      };
      expect(run(7)).toEqual(run(7));
      expect(run(7)).not.toEqual(run(8));
    });

    it('takes the same noise explicitly: options.noise reproduces the rng draws (element order)', () => {
      const rngRun = createRng(11);
      const viaRng = sample(make(c.stochastic.config), 6, () => ({ ...c.stochastic.options, rng: rngRun }));
      // Replay: each step that draws takes LENGTH normals in element order.
      const replay = createRng(11);
      const scheduler = make(c.stochastic.config);
      const viaNoise = sample(scheduler, 6, (j) => {
        const t = scheduler.timesteps[j]!;
        const draws = c.drawsNoise ? c.drawsNoise(j, scheduler.timesteps.length, t) : c.name !== 'ddpm' || t > 0;
        return {
          ...c.stochastic.options,
          ...(draws ? { noise: Float64Array.from({ length: LENGTH }, () => replay.normal()) } : {}),
        };
      });
      expect(Array.from(viaNoise)).toEqual(Array.from(viaRng));
    });

    it('demands rng or noise on a stochastic step, and not both', () => {
      const scheduler = make(c.stochastic.config);
      scheduler.setTimesteps(5);
      const t = scheduler.timesteps[0]!;
      const x = sampleOf(6);
      expectUsageError(
        () => scheduler.step(x, t, x, c.stochastic.options),
        'noise-required',
        /pass options\.rng .* or options\.noise/,
      );
      expectUsageError(
        () => scheduler.step(x, t, x, { ...c.stochastic.options, rng: createRng(1), noise: x }),
        'noise-required',
        /not both/,
      );
      expectUsageError(
        () => scheduler.step(x, t, x, { ...c.stochastic.options, noise: new Float64Array(2) }),
        'length-mismatch',
      );
    });
  });

  describe('addNoise', () => {
    it('matches the closed form, one timestep per batch item', () => {
      const scheduler = make();
      const x0 = Float64Array.from([0.5, -1, 0.25, 2, -0.75, 1.5]);
      const eps = Float64Array.from([1, 0.5, -0.5, -1, 2, 0.1]);
      const ts = [10, 600];
      const noisy = scheduler.addNoise(x0, eps, ts);
      const abar = scheduler.alphasCumprod;
      for (let b = 0; b < 2; b++) {
        const a = abar[ts[b]!]!;
        for (let i = 3 * b; i < 3 * b + 3; i++) {
          const expected = c.ve
            ? x0[i]! + Math.sqrt((1 - a) / a) * eps[i]!
            : Math.sqrt(a) * x0[i]! + Math.sqrt(1 - a) * eps[i]!;
          expect(noisy[i]).toBeCloseTo(expected, 12);
        }
      }
    });

    it('rejects bad batches and timesteps', () => {
      const scheduler = make();
      const x = new Float64Array(6);
      expectUsageError(
        () => scheduler.addNoise(x, x, [1, 2, 3, 4]),
        'length-mismatch',
        /must divide into 4 equal items/,
      );
      expectUsageError(() => scheduler.addNoise(x, x, []), 'length-mismatch');
      expectUsageError(() => scheduler.addNoise(x, new Float64Array(5), [1]), 'length-mismatch');
      for (const t of [-1, 1000, 2.5])
        expectUsageError(() => scheduler.addNoise(x, x, [t]), 'unknown-timestep', /from 0 to 999/);
    });
  });

  it('keeps its schedule private: mutating the exposed arrays changes nothing', () => {
    const a = make();
    const b = make();
    a.alphasCumprod.fill(0.5);
    a.betas.fill(0.5);
    const opts = (j: number): StepOptions => ({ ...c.stochastic.options, noise: sampleOf(200 + j) });
    expect(Array.from(sample(a, 5, opts))).toEqual(Array.from(sample(b, 5, opts)));
  });

  it('starts from noise of the right scale', () => {
    const scheduler = make();
    scheduler.setTimesteps(10);
    if (c.ve) {
      const sigmaMax = Math.sqrt((1 - scheduler.alphasCumprod[999]!) / scheduler.alphasCumprod[999]!);
      expect(scheduler.initNoiseSigma).toBeCloseTo(sigmaMax, 10);
    } else {
      expect(scheduler.initNoiseSigma).toBe(1);
    }
  });
});
