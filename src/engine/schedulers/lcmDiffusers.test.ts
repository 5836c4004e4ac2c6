/**
 * LCMScheduler against diffusers' own LCMScheduler (v0.33.1), replayed from test/fixtures/schedulers/lcm_diffusers.json
 * (made by test/reference/lcm_diffusers_golden.py): full sampling loops with an analytic model and diffusers'
 * recorded noise, and diffusers' timestep grids, with and without `strength`. diffusers keeps abar in float32, so loops
 * agree to a few 1e-6 relative (see `tolerance`), not to float64 precision; the grids agree exactly. Where diffusers
 * raises on a bad `strength` or too many steps for it, we throw a SchedulerConfigError; where it accepts one that
 * gives an unusable schedule (timesteps >= T, or none at all), we throw too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readSchedulerFixture, referenceModel, relativeDifference } from '../../../test/reference/goldenFixtures';
import { SchedulerConfigError } from '../schedules/SchedulerConfigError';
import { createScheduler } from './createScheduler';
import { LCMScheduler } from './LCMScheduler';
import { schedulerFromConfig } from './schedulerFromConfig';

interface RecordedStep {
  index: number;
  t: number;
  noise: number[] | null;
  prev_sample: number[];
  denoised: number[];
}

interface LoopCase {
  id: string;
  config: Record<string, unknown>;
  num_inference_steps?: number;
  custom_timesteps?: number[];
  strength?: number;
  /**
   * diffusers' num_inference_steps when it differs from the number of timesteps (custom timesteps with strength < 1).
   */
  diffusers_num_inference_steps?: number;
  timesteps: number[];
  init_noise: number[];
  steps: RecordedStep[];
  final_sample: number[];
}

interface Grid {
  num_train_timesteps: number;
  original_inference_steps: number;
  n: number;
  timesteps: number[];
}

interface StrengthGrid extends Grid {
  strength: number;
}

interface CustomStrengthGrid {
  custom_timesteps: number[];
  strength: number;
  timesteps: number[];
  diffusers_num_inference_steps: number;
}

/** diffusers' outcome of `set_timesteps(..., strength=eval(strength))`: the exception, or the timesteps it returned. */
interface StrengthOutcome {
  num_train_timesteps: number;
  original_inference_steps: number;
  n?: number;
  custom_timesteps?: number[];
  /** Python's repr of the strength passed: '0.5', 'nan', "'0.5'" (a string). */
  strength: string;
  raises: string | null;
  message?: string;
  timesteps?: number[];
}

const fixture = readSchedulerFixture<{
  provenance: string;
  loops: LoopCase[];
  grids: Grid[];
  strength_grids: StrengthGrid[];
  custom_strength_grids: CustomStrengthGrid[];
  custom_strength_loops: LoopCase[];
  strength_errors: StrengthOutcome[];
}>('lcm_diffusers.json');

/** The value behind Python's repr: a quoted string, nan, or a number. */
const fromPythonRepr = (repr: string): unknown =>
  repr.startsWith("'") ? repr.slice(1, -1) : repr === 'nan' ? NaN : Number(repr);
const strengthOption = (c: { strength?: number }) => (c.strength === undefined ? {} : { strength: c.strength });

/** The SchedulerConfigError `fn` throws (fails the test if it throws anything else, or nothing). */
function configError(fn: () => void): SchedulerConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SchedulerConfigError);
    return error as SchedulerConfigError;
  }
  throw new Error('expected a SchedulerConfigError, but nothing was thrown');
}
/**
 * diffusers builds abar in float32 (a float32 cumprod over T steps): up to 7e-7 relative off the float64 abar at
 * the timesteps of these loops, and 1.3e-5 at t = 999 of squaredcos_cap_v2, where abar = 2.4e-9 and an eps
 * model's x_0 = (x_t - sqrt(1 - abar) eps) / sqrt(abar) takes half of it. Measured: at most 2.3e-6 everywhere
 * but those t = 999 steps (6.7e-6). With diffusers' abar replaced by float64 values the same loops agree to 5e-8,
 * so what remains is diffusers' float32 schedule, not the algorithm.
 */
const tolerance = (c: LoopCase): number =>
  c.config.beta_schedule === 'squaredcos_cap_v2' &&
  c.timesteps[0] === 999 &&
  (c.config.prediction_type ?? 'epsilon') === 'epsilon'
    ? 1e-5
    : 3e-6;

let worst = { diff: 0, case: '' };
afterAll(() => {
  console.log(
    `LCMScheduler vs diffusers ${fixture.provenance.split(' ')[1]}: largest relative difference ${worst.diff.toExponential(2)} (${worst.case})`,
  );
});

describe("LCMScheduler replays diffusers' LCMScheduler", () => {
  it.each(fixture.loops.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const scheduler = schedulerFromConfig({ _class_name: 'LCMScheduler', ...c.config }) as LCMScheduler;
    expect(scheduler).toBeInstanceOf(LCMScheduler);
    scheduler.setTimesteps(c.custom_timesteps ?? c.num_inference_steps!, strengthOption(c));
    expect(scheduler.timesteps).toEqual(c.timesteps);
    let x = Float64Array.from(c.init_noise);
    c.steps.forEach((expected, j) => {
      const t = scheduler.timesteps[j]!;
      expect(t).toBe(expected.t);
      const output = referenceModel(scheduler.scaleModelInput(x, t), t);
      const options = expected.noise === null ? {} : { noise: Float64Array.from(expected.noise) };
      const { prevSample, predOriginalSample } = scheduler.step(output, t, x, options);
      const diff = Math.max(
        relativeDifference(prevSample, expected.prev_sample),
        relativeDifference(predOriginalSample, expected.denoised),
      );
      if (diff > worst.diff) worst = { diff, case: `${id} step ${j}` };
      expect(diff, `step ${j} (t=${t})`).toBeLessThan(tolerance(c));
      // The last step returns the denoised sample itself, with no noise drawn.
      if (expected.noise === null) expect(Array.from(prevSample)).toEqual(Array.from(predOriginalSample));
      x = prevSample;
    });
    expect(relativeDifference(x, c.final_sample)).toBeLessThan(tolerance(c));
  });

  it("chooses diffusers' timesteps from the distillation grid for every (T, original_inference_steps, n)", () => {
    const failures = fixture.grids.filter((g) => {
      const scheduler = new LCMScheduler({
        num_train_timesteps: g.num_train_timesteps,
        original_inference_steps: g.original_inference_steps,
      });
      scheduler.setTimesteps(g.n);
      return JSON.stringify(scheduler.timesteps) !== JSON.stringify(g.timesteps);
    });
    expect(failures).toEqual([]);
    expect(fixture.grids.length).toBeGreaterThan(50);
  });

  it("takes diffusers' strength: the first floor(N x strength) grid points, for every (T, N, n, strength)", () => {
    const failures = fixture.strength_grids.filter((g) => {
      const scheduler = new LCMScheduler({
        num_train_timesteps: g.num_train_timesteps,
        original_inference_steps: g.original_inference_steps,
      });
      scheduler.setTimesteps(g.n, { strength: g.strength });
      return JSON.stringify(scheduler.timesteps) !== JSON.stringify(g.timesteps);
    });
    expect(failures).toEqual([]);
    expect(fixture.strength_grids.length).toBeGreaterThan(100);
    // The distilled student's grid: strength 0.98 starts at 979 of the default 50-point grid.
    const at = (n: number) =>
      fixture.strength_grids.find(
        (g) => g.num_train_timesteps === 1000 && g.original_inference_steps === 50 && g.n === n && g.strength === 0.98,
      )!.timesteps;
    expect([1, 2, 4].map(at)).toEqual([[979], [979, 499], [979, 739, 499, 259]]);
    // float64 products just below an integer: 50 x 0.58 = 28.999999999999996, so 28 grid points, as in diffusers.
    const scheduler = new LCMScheduler();
    scheduler.setTimesteps(28, { strength: 0.58 });
    expect(scheduler.timesteps[0]).toBe(559);
  });

  it("keeps the last floor(n x strength) of custom timesteps, as diffusers' set_timesteps(timesteps=..., strength=...)", () => {
    for (const g of fixture.custom_strength_grids) {
      const scheduler = new LCMScheduler({ beta_schedule: 'squaredcos_cap_v2' });
      scheduler.setTimesteps(g.custom_timesteps, { strength: g.strength });
      expect(scheduler.timesteps, `${g.custom_timesteps} x ${g.strength}`).toEqual(g.timesteps);
      // diffusers leaves its num_inference_steps at the full length; ours counts the timesteps kept.
      expect(g.diffusers_num_inference_steps).toBe(g.custom_timesteps.length);
      expect(scheduler.numInferenceSteps).toBe(g.timesteps.length);
    }
  });

  it.each(fixture.custom_strength_loops.map((c) => [c.id, c] as const))(
    '%s: matches diffusers on every step but the last, which diffusers re-noises to t itself',
    (id, c) => {
      const scheduler = schedulerFromConfig({ _class_name: 'LCMScheduler', ...c.config }) as LCMScheduler;
      scheduler.setTimesteps(c.custom_timesteps!, strengthOption(c));
      expect(scheduler.timesteps).toEqual(c.timesteps);
      expect(c.diffusers_num_inference_steps).toBe(c.custom_timesteps!.length);
      let x = Float64Array.from(c.init_noise);
      c.steps.forEach((expected, j) => {
        const t = scheduler.timesteps[j]!;
        expect(t).toBe(expected.t);
        const last = j === c.steps.length - 1;
        // diffusers (num_inference_steps still the full length) draws noise on its last step too; we draw none.
        expect(expected.noise).not.toBeNull();
        const output = referenceModel(scheduler.scaleModelInput(x, t), t);
        const { prevSample, predOriginalSample } = scheduler.step(
          output,
          t,
          x,
          last ? {} : { noise: Float64Array.from(expected.noise!) },
        );
        const diff = Math.max(
          relativeDifference(predOriginalSample, expected.denoised),
          last ? 0 : relativeDifference(prevSample, expected.prev_sample),
        );
        if (diff > worst.diff) worst = { diff, case: `${id} step ${j}` };
        expect(diff, `step ${j} (t=${t})`).toBeLessThan(tolerance(c));
        if (last) {
          // We return the clean estimate; diffusers returns it noised to abar_t of the same t with its last draw.
          expect(Array.from(prevSample)).toEqual(Array.from(predOriginalSample));
          const abar = scheduler.alphasCumprod[t]!;
          const renoised = expected.denoised.map(
            (d, i) => Math.sqrt(abar) * d + Math.sqrt(1 - abar) * expected.noise![i]!,
          );
          expect(relativeDifference(renoised, expected.prev_sample)).toBeLessThan(tolerance(c));
          expect(relativeDifference(prevSample, expected.prev_sample)).toBeGreaterThan(0.1);
        }
        x = prevSample;
      });
    },
  );

  it('throws a SchedulerConfigError wherever diffusers raises on strength, and where it accepts an unusable one', () => {
    expect(fixture.strength_errors.length).toBeGreaterThan(10);
    for (const e of fixture.strength_errors) {
      const strength = fromPythonRepr(e.strength);
      const scheduler = new LCMScheduler({
        num_train_timesteps: e.num_train_timesteps,
        original_inference_steps: e.original_inference_steps,
      });
      const error = configError(() =>
        scheduler.setTimesteps(e.custom_timesteps ?? e.n!, { strength: strength as number }),
      );
      const inRange = typeof strength === 'number' && strength > 0 && strength <= 1;
      const label = `${e.custom_timesteps ?? e.n} x ${e.strength}`;
      // Out of (0, 1] (or not a number) names strength; too many steps for the grid it leaves names
      // num_inference_steps.
      expect(error.key, label).toBe(inRange && e.custom_timesteps === undefined ? 'num_inference_steps' : 'strength');
      if (e.raises === null) {
        // diffusers accepted it: the grid runs past T - 1 (strength > 1), no custom timestep is kept, or (custom
        // timesteps, strength > 1) it caps strength at 1; each is refused here.
        const t = e.timesteps!;
        expect(
          t.length === 0 || t[0]! >= e.num_train_timesteps || (e.custom_timesteps !== undefined && !inRange),
          label,
        ).toBe(true);
      } else {
        expect(e.raises, label).toBe('ValueError');
      }
    }
    // diffusers' own check of too many steps for the strength, and ours.
    const combination = fixture.strength_errors.find((e) => e.n === 26 && e.strength === '0.5')!;
    expect(combination.message).toMatch(
      /The combination of `original_steps x strength`: 50 x 0.5 is smaller than `num_inference_steps`: 26/,
    );
    expect(() => new LCMScheduler().setTimesteps(26, { strength: 0.5 })).toThrow(
      /num_inference_steps must be an integer from 1 to floor\(original_inference_steps x strength\) \(50 x 0.5 = 25 grid points\); got 26/,
    );
  });
});

describe('LCMScheduler specifics', () => {
  it("has diffusers' LCM defaults (Stable Diffusion betas, no clipping, N = 50, scaling 10)", () => {
    expect(new LCMScheduler().config).toMatchObject({
      beta_schedule: 'scaled_linear',
      beta_start: 0.00085,
      beta_end: 0.012,
      clip_sample: false,
      original_inference_steps: 50,
      timestep_scaling: 10,
      set_alpha_to_one: true,
      prediction_type: 'epsilon',
    });
  });

  it('takes original_inference_steps per call, like set_timesteps(original_inference_steps=...)', () => {
    const scheduler = createScheduler('lcm');
    scheduler.setTimesteps(4, { originalInferenceSteps: 100 });
    expect(scheduler.timesteps).toEqual([999, 749, 499, 249]);
    scheduler.setTimesteps(4);
    expect(scheduler.timesteps).toEqual([999, 759, 499, 259]);
  });

  it('refuses more steps than the distillation grid has, and bad original_inference_steps, naming the key', () => {
    const scheduler = createScheduler('lcm');
    expect(() => scheduler.setTimesteps(51)).toThrow(
      /num_inference_steps must be an integer from 1 to original_inference_steps \(50\)/,
    );
    expect(() => scheduler.setTimesteps(51)).toThrow(SchedulerConfigError);
    expect(() => scheduler.setTimesteps(4, { originalInferenceSteps: 0 })).toThrow(
      /originalInferenceSteps must be an integer from 1 to num_train_timesteps \(1000\)/,
    );
    expect(() => new LCMScheduler({ original_inference_steps: 1001 })).toThrow(
      /^LCMScheduler: original_inference_steps must be an integer from 1 to 1000/,
    );
    expect(() => new LCMScheduler({ timestep_scaling: 0 })).toThrow(
      /^LCMScheduler: timestep_scaling must be a finite number > 0/,
    );
    expect(() => new LCMScheduler({ thresholding: true })).toThrow(/thresholding/);
  });

  it("refuses a strength outside (0, 1] or not a number, naming the key 'strength'", () => {
    const scheduler = createScheduler('lcm');
    for (const bad of [0, -1, 1.5, NaN, Infinity, -Infinity, '0.5', '1', true]) {
      for (const steps of [4, [979, 739, 499, 259]]) {
        const error = configError(() => scheduler.setTimesteps(steps, { strength: bad as number }));
        expect(error.key).toBe('strength');
        expect(error.received).toBe(bad);
        expect(error.message).toMatch(
          /^LCMScheduler\.setTimesteps: strength must be a number greater than 0 and at most 1/,
        );
      }
    }
    // A custom list that the strength leaves empty (diffusers returns no timesteps at all).
    const none = configError(() => scheduler.setTimesteps([979, 739, 499, 259], { strength: 0.2 }));
    expect(none.key).toBe('strength');
    expect(none.message).toMatch(/keeps none of the 4 custom timesteps/);
    // undefined is the default, 1.
    scheduler.setTimesteps(4, { strength: undefined });
    expect(scheduler.timesteps).toEqual([999, 759, 499, 259]);
  });

  it("refuses more steps than floor(N x strength), naming the key 'num_inference_steps'", () => {
    const scheduler = createScheduler('lcm');
    for (const [n, strength] of [
      [26, 0.5],
      [50, 0.98],
      [29, 0.58],
      [1, 0.01],
      [51, 0.98],
    ] as const) {
      const error = configError(() => scheduler.setTimesteps(n, { strength }));
      expect(error.key, `${n} x ${strength}`).toBe('num_inference_steps');
      expect(error.received).toBe(n);
    }
    scheduler.setTimesteps(49, { strength: 0.98 });
    expect(scheduler.timesteps[0]).toBe(979);
    expect(scheduler.timesteps.at(-1)).toBe(19);
  });

  it('checks custom timesteps like DDIM, and steps through them to the clean estimate', () => {
    const scheduler = createScheduler('lcm', { beta_schedule: 'squaredcos_cap_v2' });
    for (const bad of [[], [259, 499], [1000], [979, 979], [3.5]]) {
      expect(() => scheduler.setTimesteps(bad)).toThrow(
        /^LCMScheduler\.setTimesteps: custom timesteps must be a descending list of distinct integers from 0 to 999/,
      );
    }
    scheduler.setTimesteps([979, 739, 499, 259]);
    expect(scheduler.numInferenceSteps).toBe(4);
    // A model that predicts x_0 perfectly: each estimate is c_skip x_t + c_out x_0, within c_skip of x_0.
    const x0 = Float64Array.from([0.5, -0.25, 1]);
    const sample = createScheduler('lcm', { beta_schedule: 'squaredcos_cap_v2', prediction_type: 'sample' });
    sample.setTimesteps([979, 739, 499, 259]);
    let x = Float64Array.from([1, 2, -1]);
    for (const t of sample.timesteps) {
      const { prevSample, predOriginalSample } = sample.step(x0, t, x, { noise: Float64Array.from([0.1, -0.2, 0.3]) });
      const s = 10 * t;
      const cSkip = 0.25 / (s * s + 0.25);
      for (let i = 0; i < 3; i++)
        expect(predOriginalSample[i]).toBeCloseTo(cSkip * x[i]! + (s / Math.sqrt(s * s + 0.25)) * x0[i]!, 14);
      x = prevSample;
    }
    for (let i = 0; i < 3; i++) expect(x[i]).toBeCloseTo(x0[i]!, 5);
  });
});
