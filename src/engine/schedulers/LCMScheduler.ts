import type { FloatArray } from '../forward/addNoise';
import { describeValue, SchedulerConfigError } from '../schedules/SchedulerConfigError';
import { BaseScheduler } from './BaseScheduler';
import {
  type ClipSampleConfig,
  type CommonSchedulerConfig,
  readClipSample,
  readCommonConfig,
  readThresholding,
  type ThresholdingConfig,
  trainingSchedule,
} from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { allocLike, checkStepArrays, checkUnusedNoise, stepNoise } from './sampleArrays';
import { SCHEDULER_INFO } from './schedulerInfo';
import type { StepOptions, StepOutput } from './types';

/** The resolved configuration of {@link LCMScheduler} (diffusers' keys and defaults). */
export type LCMSchedulerConfig = CommonSchedulerConfig &
  ClipSampleConfig & {
    /**
     * N, the number of steps of the distillation grid (default 50): the student was trained on the timesteps
     * k - 1, 2k - 1, ..., N k - 1 with the skipping step k = floor(T / N), and samples on a subset of them.
     */
    readonly original_inference_steps: number;
    /**
     * Multiplies t in the boundary-condition scalings c_skip and c_out (default 10): the larger it is, the
     * closer c_skip(t) is to 0 and c_out(t) to 1 at every t > 0.
     */
    readonly timestep_scaling: number;
    /**
     * Read for diffusers' sake (default true): abar after the last step, which LCM never uses, since its last
     * step returns the denoised sample without re-noising it.
     */
    readonly set_alpha_to_one: boolean;
  } & ThresholdingConfig;

/** Options of {@link LCMScheduler.setTimesteps} (diffusers' `set_timesteps` keywords). */
export interface LCMTimestepOptions {
  /** The distillation grid's N for this run, instead of `original_inference_steps` of the config. */
  originalInferenceSteps?: number;
  /**
   * diffusers' `strength` (0 < strength <= 1, default 1): the grid keeps its first M = floor(N * strength) points,
   * so sampling starts at M k - 1 instead of N k - 1 (img2img starts part-way; a model whose distillation grid
   * stops short of T - 1 starts where its grid does, e.g. 0.98 for 979 of 999). With custom timesteps, only the
   * last floor(n * strength) of them are kept, as diffusers does.
   */
  strength?: number;
}

/** sigma_data of the consistency-model parameterisation (Song et al. 2023), as diffusers fixes it. */
const SIGMA_DATA = 0.5;

/**
 * Latent consistency models (Luo et al. 2023, "Latent Consistency Models: Synthesizing High-Resolution Images
 * with Few-Step Inference"), as diffusers' `LCMScheduler`: multistep consistency sampling (Algorithm 1). Each
 * step maps x_t straight to the consistency function's estimate of the clean sample,
 *   f_theta(x_t, t) = c_skip(t) x_t + c_out(t) x0_theta(x_t, t)                                   (eq. 9)
 * (x0_theta from the model's eps, v or x_0 prediction), and, except after the last step, noises that estimate
 * afresh to the next timestep: x_{t'} = sqrt(abar_{t'}) f_theta + sqrt(1 - abar_{t'}) z. The timesteps are
 * n of the distillation grid of N steps (the "skipping-step" schedule of section 4.3), or a custom list.
 * The guidance scale w of a guided-distilled model is the U-Net's input (`timestep_cond`), not the scheduler's.
 * Keeps a step counter (the last step is special).
 *
 * Notation: alpha(t) = sqrt(abar_t) and sigma(t) = sqrt(1 - abar_t) of the paper; z ~ N(0, I) fresh noise.
 */
export class LCMScheduler extends BaseScheduler<LCMSchedulerConfig> {
  static readonly info = SCHEDULER_INFO.lcm;
  readonly name = LCMScheduler.info.name;
  readonly className = LCMScheduler.info.className;
  /** The step counter (diffusers' `step_index`): set from t on the first call, then advanced by each step. */
  private stepIndex: number | undefined;

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link LCMSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const { className } = LCMScheduler.info;
    const read = new ConfigReader(config, className);
    // diffusers' defaults for this class: Stable Diffusion's scaled_linear betas, no clipping. timestep_spacing
    // and steps_offset are accepted (and checked) but, as in diffusers, do not shape LCM's grid.
    const common = readCommonConfig(read, {
      timestepSpacing: 'leading',
      betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
      predictionTypes: ['epsilon', 'sample', 'v_prediction'],
      betaDefaults: { betaSchedule: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012 },
    });
    const resolved: LCMSchedulerConfig = {
      ...common,
      ...readClipSample(read, false),
      original_inference_steps: read.integer('original_inference_steps', 50, 1, common.num_train_timesteps),
      timestep_scaling: read.number('timestep_scaling', 10, 'a finite number > 0', (x) => x > 0),
      set_alpha_to_one: read.boolean('set_alpha_to_one', true),
      ...readThresholding(read, { clipSampleInstead: true }),
    };
    super(resolved, trainingSchedule(resolved, className));
  }

  /** x_T ~ N(0, I). */
  get initNoiseSigma(): number {
    return 1;
  }

  /**
   * `n` timesteps picked from the distillation grid of N = `original_inference_steps` steps: the grid
   * M k - 1, ..., 2k - 1, k - 1 (k = floor(T / N), M = floor(N strength), descending), at the indices
   * floor(i M / n), i = 0..n-1 (so n <= M, and 1 step is M k - 1, usually T - 1). Or, as diffusers'
   * `set_timesteps(timesteps=...)`,
   * an explicit list of distinct integer training timesteps in descending order, e.g. [979, 739, 499, 259] for a
   * model whose training grid stops short of T - 1 (diffusers warns when a custom timestep is off the grid or
   * the list does not start at T - 1; here nothing is logged). Resets the step counter.
   */
  setTimesteps(steps: number | readonly number[], options: LCMTimestepOptions = {}): void {
    const numTrain = this.config.num_train_timesteps;
    const original = options.originalInferenceSteps ?? this.config.original_inference_steps;
    if (typeof original !== 'number' || !Number.isSafeInteger(original) || original < 1 || original > numTrain) {
      throw new SchedulerConfigError(
        'original_inference_steps',
        [`an integer from 1 to ${numTrain}`],
        original,
        `${this.className}.setTimesteps: originalInferenceSteps must be an integer from 1 to num_train_timesteps (${numTrain}); got ${describeValue(original)}.`,
      );
    }
    const strength = options.strength === undefined ? 1 : options.strength;
    if (typeof strength !== 'number' || !(strength > 0 && strength <= 1)) {
      throw new SchedulerConfigError(
        'strength',
        ['a number in (0, 1]'],
        strength,
        `${this.className}.setTimesteps: strength must be a number greater than 0 and at most 1; got ${describeValue(strength)}.`,
      );
    }
    if (Array.isArray(steps)) {
      const custom = this.checkCustomTimesteps(steps as readonly number[]);
      // diffusers: keep the last min(floor(n * strength), n) timesteps (img2img starts part-way down the list).
      const kept = Math.min(Math.floor(custom.length * strength), custom.length);
      if (kept < 1) {
        throw new SchedulerConfigError(
          'strength',
          [`at least ${1 / custom.length} for ${custom.length} timesteps`],
          strength,
          `${this.className}.setTimesteps: strength ${strength} keeps none of the ${custom.length} custom timesteps; raise it to at least ${1 / custom.length}.`,
        );
      }
      const timesteps = custom.slice(custom.length - kept);
      this.acceptTimesteps(timesteps.length, timesteps);
      this.stepIndex = undefined;
      return;
    }
    const n = steps as number;
    this.checkInferenceSteps(n);
    // M = floor(N * strength) grid points, in float64 as numpy's int(original_steps * strength).
    const points = Math.floor(original * strength);
    if (n > points && n <= original) {
      throw new SchedulerConfigError(
        'num_inference_steps',
        [`an integer from 1 to ${points}`],
        n,
        `${this.className}.setTimesteps: num_inference_steps must be an integer from 1 to floor(original_inference_steps x strength) ` +
          `(${original} x ${strength} = ${points} grid points); got ${n}. Use fewer steps, or a larger strength.`,
      );
    }
    if (n > original) {
      throw new SchedulerConfigError(
        'num_inference_steps',
        [`an integer from 1 to ${original}`],
        n,
        `${this.className}.setTimesteps: num_inference_steps must be an integer from 1 to original_inference_steps (${original}), ` +
          `since LCM samples a subset of its ${original}-step distillation grid; got ${n}. Use fewer steps, or a larger original_inference_steps.`,
      );
    }
    // The skipping step k (section 4.3) and the grid t_j = j k - 1, j = N..1, descending.
    const k = Math.floor(numTrain / original);
    // numpy's floor(linspace(0, M, n, endpoint=False)): i * (M / n), computed the same way in float64, as
    // indices into the descending grid M k - 1, ..., k - 1.
    const spacing = points / n;
    const timesteps = Array.from({ length: n }, (_, i) => (points - Math.floor(i * spacing)) * k - 1);
    this.acceptTimesteps(n, timesteps);
    this.stepIndex = undefined;
  }

  /**
   * One multistep consistency step at t (Algorithm 1): the consistency function's clean estimate f_theta
   * (returned as `predOriginalSample`, diffusers' `denoised`) and, unless t is the last timestep, that estimate
   * noised to the next timestep with fresh z from `options.rng` or `options.noise`. After the last step
   * `prevSample` is f_theta itself.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const index = this.checkStepCounter(this.stepIndex, t, 'step');
    const n = this.inferenceTimesteps.length;
    const c = this.config;
    const length = sample.length;
    const last = index === n - 1;

    // 1. abar_t and, for all but the last step, abar of the next timestep t'.
    const abarT = this.trainAlphasCumprod[t]!;
    const abarNext = last ? undefined : this.trainAlphasCumprod[this.inferenceTimesteps[index + 1]!]!;

    // 2. The boundary-condition scalings (consistency models, Song et al. 2023, with diffusers' discrete form):
    //    with s = t * timestep_scaling, c_skip = sigma_data^2 / (s^2 + sigma_data^2) and c_out = s / sqrt(s^2 +
    //    sigma_data^2), so that f_theta(x, 0) = x (c_skip(0) = 1, c_out(0) = 0).
    const s = t * c.timestep_scaling;
    const cSkip = (SIGMA_DATA * SIGMA_DATA) / (s * s + SIGMA_DATA * SIGMA_DATA);
    const cOut = s / Math.sqrt(s * s + SIGMA_DATA * SIGMA_DATA);

    // 3. Fresh noise z for every step but the last (so none at all for one-step sampling).
    const z = last
      ? undefined
      : stepNoise(options, length, `${where} at t=${t}`, 'every LCM step but the last re-noises its estimate');
    if (z === undefined) checkUnusedNoise(options, length, where);

    // Copied from DDIMScheduler.step (the loop's set-up) and DDPMScheduler.step (the x_0 estimate and its clipping),
    // as diffusers' LCMScheduler copies them; inlined in the per-element loop. Keep the copies in step.
    const sqrtAbar = Math.sqrt(abarT);
    const sqrtOneMinusAbar = Math.sqrt(1 - abarT);
    const clip = c.clip_sample ? c.clip_sample_range : Infinity;
    const sqrtAbarNext = abarNext === undefined ? 0 : Math.sqrt(abarNext);
    const sqrtOneMinusAbarNext = abarNext === undefined ? 0 : Math.sqrt(1 - abarNext);
    const prevSample = allocLike(sample);
    const predOriginalSample = allocLike(sample);
    for (let i = 0; i < length; i++) {
      const xt = sample[i]!;
      const out = modelOutput[i]!;
      // 4. The x_0 estimate of eq. 9, x0_theta = (x_t - sigma(t) eps) / alpha(t), or from v (Salimans & Ho
      //    2022: x_0 = alpha(t) x_t - sigma(t) v), or x_0 itself; clipped when clip_sample is on.
      let x0: number;
      if (c.prediction_type === 'epsilon') x0 = (xt - sqrtOneMinusAbar * out) / sqrtAbar;
      else if (c.prediction_type === 'v_prediction') x0 = sqrtAbar * xt - sqrtOneMinusAbar * out;
      else x0 = out;
      x0 = Math.min(clip, Math.max(-clip, x0));
      // 5. The consistency function f_theta(x_t, t) = c_skip x_t + c_out x0_theta (eq. 9).
      const denoised = cOut * x0 + cSkip * xt;
      predOriginalSample[i] = denoised;
      // 6. Algorithm 1's re-noising to the next timestep: x_{t'} = alpha(t') f_theta + sigma(t') z.
      prevSample[i] = z === undefined ? denoised : sqrtAbarNext * denoised + sqrtOneMinusAbarNext * z[i]!;
    }
    this.stepIndex = index + 1;
    return { prevSample, predOriginalSample };
  }
}
