import type { FloatArray } from '../forward/addNoise';
import { describeValue } from '../schedules/SchedulerConfigError';
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
import { SchedulerUsageError } from './SchedulerUsageError';
import { spacedTimesteps } from './timestepGrids';
import { SCHEDULER_INFO } from './schedulerInfo';
import type { StepOptions, StepOutput } from './types';

/** The resolved configuration of {@link DDIMScheduler} (diffusers' keys and defaults). */
export type DDIMSchedulerConfig = CommonSchedulerConfig &
  ClipSampleConfig & {
    /** Use abar = 1 after the last step (default true); false uses abar_0 (Stable Diffusion). */
    readonly set_alpha_to_one: boolean;
  } & ThresholdingConfig;

/** `step` options of {@link DDIMScheduler}. */
export interface DDIMStepOptions extends StepOptions {
  /** eta >= 0 (default 0): the fraction of DDPM's posterior noise to inject (Song et al. 2021, eq. 16). */
  eta?: number;
  /** Re-derive eps from the clipped x_0 before the direction term (GLIDE; diffusers' `use_clipped_model_output`). */
  useClippedModelOutput?: boolean;
}

/**
 * Denoising diffusion implicit models (Song et al. 2021, "Denoising Diffusion Implicit Models"), as diffusers'
 * `DDIMScheduler`: the non-Markovian update of eq. 12 from t to t' = t - floor(T / n); deterministic when
 * eta = 0. Stateless between steps.
 *
 * Notation: the paper's alpha_t is our abar_t (`alphasCumprod`); eps_theta is the model's noise estimate and
 * f_theta(x_t) = (x_t - sqrt(1 - abar_t) eps_theta) / sqrt(abar_t) its x_0 estimate (eq. 9).
 */
export class DDIMScheduler extends BaseScheduler<DDIMSchedulerConfig> {
  static readonly info = SCHEDULER_INFO.ddim;
  readonly name = DDIMScheduler.info.name;
  readonly className = DDIMScheduler.info.className;
  /** abar used after the last step: 1, or abar_0 when `set_alpha_to_one` is false. */
  private readonly finalAlphaCumprod: number;
  /** True when `setTimesteps` got an explicit list: each step then goes to the next timestep of the list. */
  private customTimesteps = false;

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link DDIMSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const { className } = DDIMScheduler.info;
    const read = new ConfigReader(config, className);
    const resolved: DDIMSchedulerConfig = {
      // diffusers' defaults for this class: leading spacing.
      ...readCommonConfig(read, {
        timestepSpacing: 'leading',
        betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
        predictionTypes: ['epsilon', 'sample', 'v_prediction'],
      }),
      ...readClipSample(read),
      set_alpha_to_one: read.boolean('set_alpha_to_one', true),
      ...readThresholding(read, { clipSampleInstead: true }),
    };
    const schedule = trainingSchedule(resolved, className);
    super(resolved, schedule);
    this.finalAlphaCumprod = resolved.set_alpha_to_one ? 1 : schedule.alphasCumprod[0]!;
  }

  /** x_T ~ N(0, I). */
  get initNoiseSigma(): number {
    return 1;
  }

  /**
   * `n` timesteps spread over 0..T-1 by `timestep_spacing` (`leading` by default), descending. Or, as
   * diffusers' `DDPMScheduler.set_timesteps(timesteps=...)` allows, an explicit list of distinct integer
   * training timesteps in descending order: each step then goes to the next timestep of the list (the last
   * one to the clean data) instead of t - floor(T / n).
   */
  setTimesteps(steps: number | readonly number[]): void {
    if (Array.isArray(steps)) {
      const timesteps = this.checkCustomTimesteps(steps as readonly number[]);
      this.acceptTimesteps(timesteps.length, timesteps);
      this.customTimesteps = true;
      return;
    }
    const n = steps as number;
    this.checkInferenceSteps(n);
    const c = this.config;
    this.acceptTimesteps(n, spacedTimesteps(c.timestep_spacing, c.num_train_timesteps, n, c.steps_offset));
    this.customTimesteps = false;
  }

  /**
   * One DDIM step from t to t' (Song et al. 2021, eq. 12). z, needed only when eta > 0, is `options.noise`
   * or drawn from `options.rng`.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: DDIMStepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const n = this.requireTimesteps('step');
    const index = this.indexOfTimestep(t, 'step');
    const eta = options?.eta ?? 0;
    if (typeof eta !== 'number' || !Number.isFinite(eta) || eta < 0) {
      throw new SchedulerUsageError(
        'invalid-argument',
        `${where}: options.eta must be a finite number >= 0; got ${describeValue(eta)}.`,
      );
    }
    const c = this.config;
    const length = sample.length;

    // 1. The previous timestep: t' = t - floor(T / n) (diffusers), or the next of custom timesteps; below 0
    //    it stands for the end of sampling, where abar is 1 (`set_alpha_to_one`) or abar_0.
    const prevT = this.customTimesteps
      ? (this.inferenceTimesteps[index + 1] ?? -1)
      : t - Math.floor(c.num_train_timesteps / n);

    // 2. abar_t and abar_{t'} (the paper's alpha_t and alpha_{t-1}).
    const abarT = this.trainAlphasCumprod[t]!;
    const abarPrev = prevT >= 0 ? this.trainAlphasCumprod[prevT]! : this.finalAlphaCumprod;

    // 3. sigma_t(eta) = eta sqrt((1 - abar_{t'}) / (1 - abar_t)) sqrt(1 - abar_t / abar_{t'}) (eq. 16); the
    //    noise z only when eta > 0.
    const variance = ((1 - abarPrev) / (1 - abarT)) * (1 - abarT / abarPrev);
    const sigma = eta > 0 ? eta * Math.sqrt(variance) : 0;
    const z = eta > 0 ? stepNoise(options, length, `${where} at t=${t}`, `eta = ${eta} > 0`) : undefined;
    if (z === undefined) checkUnusedNoise(options, length, where);

    const sqrtAbar = Math.sqrt(abarT);
    const sqrtOneMinusAbar = Math.sqrt(1 - abarT);
    const sqrtAbarPrev = Math.sqrt(abarPrev);
    const directionCoeff = Math.sqrt(1 - abarPrev - sigma * sigma);
    const clip = c.clip_sample ? c.clip_sample_range : Infinity;
    const reEstimateEps = options?.useClippedModelOutput === true;
    const prevSample = allocLike(sample);
    const predOriginalSample = allocLike(sample);
    for (let i = 0; i < length; i++) {
      const xt = sample[i]!;
      const out = modelOutput[i]!;
      // 4. The x_0 estimate f_theta(x_t) (eq. 9) and eps, from whichever the model predicts
      //    (v = sqrt(abar_t) eps - sqrt(1 - abar_t) x_0, Salimans & Ho 2022); x_0 clipped, eps optionally
      //    re-derived from the clipped x_0.
      let x0: number;
      let eps: number;
      if (c.prediction_type === 'epsilon') {
        x0 = (xt - sqrtOneMinusAbar * out) / sqrtAbar;
        eps = out;
      } else if (c.prediction_type === 'v_prediction') {
        x0 = sqrtAbar * xt - sqrtOneMinusAbar * out;
        eps = sqrtAbar * out + sqrtOneMinusAbar * xt;
      } else {
        x0 = out;
        eps = (xt - sqrtAbar * x0) / sqrtOneMinusAbar;
      }
      x0 = Math.min(clip, Math.max(-clip, x0));
      if (reEstimateEps) eps = (xt - sqrtAbar * x0) / sqrtOneMinusAbar;
      predOriginalSample[i] = x0;
      // 5. x_{t'} = sqrt(abar_{t'}) x_0 + sqrt(1 - abar_{t'} - sigma_t^2) eps + sigma_t z   (eq. 12): the predicted
      //    x_0, the direction pointing to x_t, and random noise.
      prevSample[i] = sqrtAbarPrev * x0 + directionCoeff * eps + (z === undefined ? 0 : sigma * z[i]!);
    }
    return { prevSample, predOriginalSample };
  }
}
