import type { FloatArray } from '../forward/addNoise';
import { describeValue } from '../schedules/SchedulerConfigError';
import { BaseScheduler } from './BaseScheduler';
import { type CommonSchedulerConfig, readCommonConfig, trainingSchedule } from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { allocLike, checkStepArrays, checkUnusedNoise, stepNoise } from './sampleArrays';
import { SchedulerUsageError } from './SchedulerUsageError';
import { spacedTimesteps } from './timestepGrids';
import type { StepOptions, StepOutput } from './types';

/** The resolved configuration of {@link DDIMScheduler} (diffusers' keys and defaults). */
export type DDIMSchedulerConfig = CommonSchedulerConfig & {
  /** Clip the predicted x_0 to [-clip_sample_range, clip_sample_range] (default true). */
  readonly clip_sample: boolean;
  /** The clipping bound (default 1). */
  readonly clip_sample_range: number;
  /** Use abar = 1 after the last step (default true); false uses abar_0 (Stable Diffusion). */
  readonly set_alpha_to_one: boolean;
  /** Dynamic thresholding is not supported: always false. */
  readonly thresholding: false;
  /** Read for completeness; unused since thresholding is off. */
  readonly dynamic_thresholding_ratio: number;
  /** Read for completeness; unused since thresholding is off. */
  readonly sample_max_value: number;
};

/** `step` options of {@link DDIMScheduler}. */
export interface DDIMStepOptions extends StepOptions {
  /** eta >= 0 (default 0): the fraction of DDPM's posterior noise to inject (Song et al. 2021, eq. 16). */
  eta?: number;
  /** Re-derive eps from the clipped x_0 before the direction term (GLIDE; diffusers' `use_clipped_model_output`). */
  useClippedModelOutput?: boolean;
}

/**
 * Denoising diffusion implicit models (Song et al. 2021), as diffusers' `DDIMScheduler`: the
 * non-Markovian update of eq. 12 from t to t' = t - floor(T / n); deterministic when eta = 0.
 */
export class DDIMScheduler extends BaseScheduler<DDIMSchedulerConfig> {
  readonly name = 'ddim' as const;
  readonly className = 'DDIMScheduler';
  /** abar used after the last step: 1, or abar_0 when `set_alpha_to_one` is false. */
  private readonly finalAlphaCumprod: number;

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link DDIMSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const read = new ConfigReader(config, 'DDIMScheduler');
    const resolved: DDIMSchedulerConfig = {
      ...readCommonConfig(read, {
        timestepSpacing: 'leading',
        betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
        predictionTypes: ['epsilon', 'sample', 'v_prediction'],
      }),
      clip_sample: read.boolean('clip_sample', true),
      clip_sample_range: read.number('clip_sample_range', 1, 'a number > 0', (x) => x > 0),
      set_alpha_to_one: read.boolean('set_alpha_to_one', true),
      thresholding: read.unsupportedFeature('thresholding', 'Dynamic thresholding is not supported; set thresholding to false (clip_sample still works).'),
      dynamic_thresholding_ratio: read.number('dynamic_thresholding_ratio', 0.995),
      sample_max_value: read.number('sample_max_value', 1),
    };
    const { betas, alphasCumprod } = trainingSchedule(resolved, 'DDIMScheduler');
    super(resolved, betas, alphasCumprod);
    this.finalAlphaCumprod = resolved.set_alpha_to_one ? 1 : alphasCumprod[0]!;
  }

  /** x_T ~ N(0, I). */
  get initNoiseSigma(): number {
    return 1;
  }

  protected buildSchedule(n: number): number[] {
    const c = this.config;
    return spacedTimesteps(c.timestep_spacing, c.num_train_timesteps, n, c.steps_offset);
  }

  /**
   * One DDIM step from t to t' = t - floor(T / n). Notation of Song et al. 2021 (their alpha is our abar):
   * alpha_t = `abarT`, alpha_{t-1} = `abarPrev`, eps_theta = `eps`, f_theta(x_t) = predicted x_0,
   * sigma_t(eta) = eta sqrt((1 - abar_{t'}) / (1 - abar_t)) sqrt(1 - abar_t / abar_{t'}) (eq. 16), and
   *   x_{t'} = sqrt(abar_{t'}) x_0 + sqrt(1 - abar_{t'} - sigma_t^2) eps + sigma_t z        (eq. 12).
   * z (needed only when eta > 0) is `options.noise` or drawn from `options.rng`.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: DDIMStepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const n = this.requireSchedule('step');
    this.scheduleIndexOf(t, 'step');
    const eta = options?.eta ?? 0;
    if (typeof eta !== 'number' || !Number.isFinite(eta) || eta < 0) {
      throw new SchedulerUsageError('invalid-argument', `${where}: options.eta must be a finite number >= 0; got ${describeValue(eta)}.`);
    }
    const c = this.config;
    const length = sample.length;
    const prevT = t - Math.floor(c.num_train_timesteps / n);
    const abarT = this.trainAlphasCumprod[t]!;
    const abarPrev = prevT >= 0 ? this.trainAlphasCumprod[prevT]! : this.finalAlphaCumprod;
    const variance = ((1 - abarPrev) / (1 - abarT)) * (1 - abarT / abarPrev);
    const sigma = eta * Math.sqrt(variance);
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
      prevSample[i] = sqrtAbarPrev * x0 + directionCoeff * eps + (z === undefined ? 0 : sigma * z[i]!);
    }
    return { prevSample, predOriginalSample };
  }
}
