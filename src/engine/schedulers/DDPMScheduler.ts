import type { FloatArray } from '../forward/addNoise';
import { BETA_SCHEDULES } from '../schedules/betas';
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
import { spacedTimesteps } from './timestepGrids';
import { SCHEDULER_INFO } from './schedulerInfo';
import type { StepOptions, StepOutput } from './types';

/** DDPM's reverse-step variance (diffusers' `variance_type`); the `learned*` kinds are not supported. */
export type DDPMVarianceType = 'fixed_small' | 'fixed_small_log' | 'fixed_large';

/** The resolved configuration of {@link DDPMScheduler} (diffusers' keys and defaults). */
export type DDPMSchedulerConfig = CommonSchedulerConfig &
  ClipSampleConfig &
  ThresholdingConfig & {
    /** sigma_t^2 of the reverse step: beta-tilde (`fixed_small`, default) or beta (`fixed_large`). */
    readonly variance_type: DDPMVarianceType;
  };

/**
 * Denoising diffusion probabilistic models (Ho et al. 2020, "Denoising Diffusion Probabilistic Models"), as
 * diffusers' `DDPMScheduler`: ancestral sampling from the posterior q(x_{t'} | x_t, x_0) with the model's x_0
 * estimate, where t' = t - floor(T / n). Stateless between steps.
 *
 * Notation of the paper, with the step t -> t' standing for its t -> t-1: abar_t = prod_{s<=t} (1 - beta_s),
 * and over the (possibly skipped) interval alpha_t = abar_t / abar_{t'}, beta_t = 1 - alpha_t.
 */
export class DDPMScheduler extends BaseScheduler<DDPMSchedulerConfig> {
  static readonly info = SCHEDULER_INFO.ddpm;
  readonly name = DDPMScheduler.info.name;
  readonly className = DDPMScheduler.info.className;

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link DDPMSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const { className } = DDPMScheduler.info;
    const read = new ConfigReader(config, className);
    const resolved: DDPMSchedulerConfig = {
      // diffusers' defaults for this class: leading spacing; DDPM alone also knows the sigmoid betas.
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
      ...readClipSample(read),
      ...readThresholding(read, { clipSampleInstead: true }),
    };
    super(resolved, trainingSchedule(resolved, className));
  }

  /** x_T ~ N(0, I). */
  get initNoiseSigma(): number {
    return 1;
  }

  /** `n` timesteps spread over 0..T-1 by `timestep_spacing` (`leading` by default), descending. */
  setTimesteps(n: number): void {
    this.checkInferenceSteps(n);
    const c = this.config;
    this.acceptTimesteps(n, spacedTimesteps(c.timestep_spacing, c.num_train_timesteps, n, c.steps_offset));
  }

  /**
   * One ancestral step from t to t' (Ho et al. 2020, Algorithm 2 over a possibly skipped interval). The
   * noise z is `options.noise` or drawn from `options.rng`; none is added at t = 0.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const n = this.requireTimesteps('step');
    this.indexOfTimestep(t, 'step');
    const c = this.config;
    const length = sample.length;

    // 1. The previous timestep, t' = t - floor(T / n) whatever the spacing (diffusers' `previous_timestep`);
    //    below 0 it stands for the clean data, abar = 1.
    const prevT = t - Math.floor(c.num_train_timesteps / n);

    // 2. abar_t, abar_{t'}, and alpha_t, beta_t over the interval t' -> t.
    const abarT = this.trainAlphasCumprod[t]!;
    const abarPrev = prevT >= 0 ? this.trainAlphasCumprod[prevT]! : 1;
    const alphaT = abarT / abarPrev;
    const betaT = 1 - alphaT;

    // 3. The posterior mean of eq. 7, mu~_t(x_t, x_0) = x0Coeff x_0 + xtCoeff x_t, with
    //    x0Coeff = sqrt(abar_{t'}) beta_t / (1 - abar_t) and xtCoeff = sqrt(alpha_t) (1 - abar_{t'}) / (1 - abar_t).
    const x0Coeff = (Math.sqrt(abarPrev) * betaT) / (1 - abarT);
    const xtCoeff = (Math.sqrt(alphaT) * (1 - abarPrev)) / (1 - abarT);

    // 4. The reverse step's standard deviation sigma_t (section 3.2): sigma_t^2 = beta~_t, the posterior variance
    //    of eq. 7, (1 - abar_{t'}) / (1 - abar_t) beta_t (`fixed_small`, also in log space), or beta_t
    //    (`fixed_large`); and the noise z, only for t > 0.
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
      // 5a. The x_0 estimate: from eps by eq. 15, x_0 = (x_t - sqrt(1 - abar_t) eps) / sqrt(abar_t); from v
      //     (Salimans & Ho 2022), x_0 = sqrt(abar_t) x_t - sqrt(1 - abar_t) v; or x_0 itself. Then clipped.
      let x0: number;
      if (c.prediction_type === 'epsilon') x0 = (xt - sqrtOneMinusAbar * out) / sqrtAbar;
      else if (c.prediction_type === 'v_prediction') x0 = sqrtAbar * xt - sqrtOneMinusAbar * out;
      else x0 = out;
      x0 = Math.min(clip, Math.max(-clip, x0));
      predOriginalSample[i] = x0;
      // 5b. x_{t'} ~ q(x_{t'} | x_t, x_0) = N(mu~_t, sigma_t^2 I) (eq. 6). With x_0 from eq. 15 the mean is the
      //     eps-parameterised mu_theta of eq. 11, the one the objective of eq. 12 trains.
      prevSample[i] = x0Coeff * x0 + xtCoeff * xt + (z === undefined ? 0 : std * z[i]!);
    }
    return { prevSample, predOriginalSample };
  }
}
