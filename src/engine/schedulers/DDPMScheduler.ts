import type { FloatArray } from '../forward/addNoise';
import { BETA_SCHEDULES } from '../schedules/betas';
import { BaseScheduler } from './BaseScheduler';
import { type CommonSchedulerConfig, readCommonConfig, trainingSchedule } from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { allocLike, checkStepArrays, checkUnusedNoise, stepNoise } from './sampleArrays';
import { spacedTimesteps } from './timestepGrids';
import type { StepOptions, StepOutput } from './types';

/** DDPM's reverse-step variance (diffusers' `variance_type`); the `learned*` kinds are not supported. */
export type DDPMVarianceType = 'fixed_small' | 'fixed_small_log' | 'fixed_large';

/** The resolved configuration of {@link DDPMScheduler} (diffusers' keys and defaults). */
export type DDPMSchedulerConfig = CommonSchedulerConfig & {
  /** sigma_t^2 of the reverse step: beta-tilde (`fixed_small`, default) or beta (`fixed_large`). */
  readonly variance_type: DDPMVarianceType;
  /** Clip the predicted x_0 to [-clip_sample_range, clip_sample_range] (default true). */
  readonly clip_sample: boolean;
  /** The clipping bound (default 1). */
  readonly clip_sample_range: number;
  /** Dynamic thresholding (Saharia et al. 2022) is not supported: always false. */
  readonly thresholding: false;
  /** Read for completeness; unused since thresholding is off. */
  readonly dynamic_thresholding_ratio: number;
  /** Read for completeness; unused since thresholding is off. */
  readonly sample_max_value: number;
};

/**
 * Denoising diffusion probabilistic models (Ho et al. 2020), as diffusers' `DDPMScheduler`: ancestral
 * sampling from the posterior q(x_{t'} | x_t, x_0) with the model's x_0 estimate, where t' = t - T/n.
 */
export class DDPMScheduler extends BaseScheduler<DDPMSchedulerConfig> {
  readonly name = 'ddpm' as const;
  readonly className = 'DDPMScheduler';

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link DDPMSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const read = new ConfigReader(config, 'DDPMScheduler');
    const resolved: DDPMSchedulerConfig = {
      ...readCommonConfig(read, {
        timestepSpacing: 'leading',
        betaSchedules: BETA_SCHEDULES,
        predictionTypes: ['epsilon', 'sample', 'v_prediction'],
      }),
      variance_type: read.choice('variance_type', 'fixed_small', ['fixed_small', 'fixed_small_log', 'fixed_large'], {
        unsupported: {
          fixed_large_log: "diffusers takes the square root of log(beta) there, which is NaN; use 'fixed_large'",
          learned: 'the model would have to output its variance as extra channels',
          learned_range: 'the model would have to output its variance as extra channels',
        },
      }),
      clip_sample: read.boolean('clip_sample', true),
      clip_sample_range: read.number('clip_sample_range', 1, 'a number > 0', (x) => x > 0),
      thresholding: read.unsupportedFeature('thresholding', 'Dynamic thresholding is not supported; set thresholding to false (clip_sample still works).'),
      dynamic_thresholding_ratio: read.number('dynamic_thresholding_ratio', 0.995),
      sample_max_value: read.number('sample_max_value', 1),
    };
    const { betas, alphasCumprod } = trainingSchedule(resolved, 'DDPMScheduler');
    super(resolved, betas, alphasCumprod);
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
   * One ancestral step from t to t' = t - floor(T / n) (diffusers' `previous_timestep`, whatever the
   * spacing). Notation of Ho et al. 2020: abar_t = `abarT`, abar_{t'} = `abarPrev`; over the (possibly
   * skipped) interval, alpha_t = abar_t / abar_{t'} and beta_t = 1 - alpha_t.
   * - x_0 estimate: from eps (eq. 15), v (Salimans & Ho 2022) or x_0 itself, optionally clipped;
   * - posterior mean mu~_t(x_t, x_0), eq. 7: sqrt(abar_{t'}) beta_t / (1 - abar_t) x_0 + sqrt(alpha_t) (1 - abar_{t'}) / (1 - abar_t) x_t;
   * - plus sigma_t z for t > 0 with sigma_t^2 = beta~_t = (1 - abar_{t'}) / (1 - abar_t) beta_t (`fixed_small`) or beta_t (`fixed_large`).
   * The noise z is `options.noise` or drawn from `options.rng`.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const n = this.requireSchedule('step');
    this.scheduleIndexOf(t, 'step');
    const c = this.config;
    const length = sample.length;
    const prevT = t - Math.floor(c.num_train_timesteps / n);
    const abarT = this.trainAlphasCumprod[t]!;
    const abarPrev = prevT >= 0 ? this.trainAlphasCumprod[prevT]! : 1;
    const alphaT = abarT / abarPrev;
    const betaT = 1 - alphaT;
    const x0Coeff = (Math.sqrt(abarPrev) * betaT) / (1 - abarT);
    const xtCoeff = (Math.sqrt(alphaT) * (1 - abarPrev)) / (1 - abarT);

    let std = 0;
    let z: Float64Array | undefined;
    if (t > 0) {
      const posteriorVariance = Math.max(((1 - abarPrev) / (1 - abarT)) * betaT, 1e-20);
      if (c.variance_type === 'fixed_small') std = Math.sqrt(posteriorVariance);
      else if (c.variance_type === 'fixed_small_log') std = Math.exp(0.5 * Math.log(posteriorVariance));
      else std = Math.sqrt(betaT);
      z = stepNoise(options, length, `${where} at t=${t}`, `variance_type '${c.variance_type}' adds noise for t > 0`);
    } else {
      checkUnusedNoise(options, length, where);
    }

    const prevSample = allocLike(sample);
    const predOriginalSample = allocLike(sample);
    const sqrtAbar = Math.sqrt(abarT);
    const sqrtOneMinusAbar = Math.sqrt(1 - abarT);
    const clip = c.clip_sample ? c.clip_sample_range : Infinity;
    for (let i = 0; i < length; i++) {
      const xt = sample[i]!;
      const out = modelOutput[i]!;
      let x0: number;
      if (c.prediction_type === 'epsilon') x0 = (xt - sqrtOneMinusAbar * out) / sqrtAbar;
      else if (c.prediction_type === 'v_prediction') x0 = sqrtAbar * xt - sqrtOneMinusAbar * out;
      else x0 = out;
      x0 = Math.min(clip, Math.max(-clip, x0));
      predOriginalSample[i] = x0;
      prevSample[i] = x0Coeff * x0 + xtCoeff * xt + (z === undefined ? 0 : std * z[i]!);
    }
    return { prevSample, predOriginalSample };
  }
}
