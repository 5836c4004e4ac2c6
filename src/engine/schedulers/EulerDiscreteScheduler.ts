import type { FloatArray, NoiseCoefficients } from '../forward/addNoise';
import { sigmasFromAlphasCumprod } from '../schedules/derived';
import { describeValue } from '../schedules/SchedulerConfigError';
import { BaseScheduler } from './BaseScheduler';
import { type CommonSchedulerConfig, readCommonConfig, trainingSchedule } from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { allocLike, checkFloatArray, checkStepArrays, checkUnusedNoise, stepNoise } from './sampleArrays';
import { SchedulerUsageError } from './SchedulerUsageError';
import { initialNoiseSigma, karrasSigmas, sigmaToTimestep, sigmasAtTimesteps } from './sigmaGrids';
import { eulerTimesteps } from './timestepGrids';
import { SCHEDULER_INFO } from './schedulerInfo';
import type { StepOptions, StepOutput } from './types';

/** The resolved configuration of {@link EulerDiscreteScheduler} (diffusers' keys and defaults). */
export type EulerDiscreteSchedulerConfig = CommonSchedulerConfig & {
  /** Only `linear` interpolation of the training sigmas is supported. */
  readonly interpolation_type: 'linear';
  /** Use Karras et al.'s sigma spacing (default false). */
  readonly use_karras_sigmas: boolean;
  /** Lower end of the Karras grid, or null for the end of the spaced grid. */
  readonly sigma_min: number | null;
  /** Upper end of the Karras grid, or null for the start of the spaced grid. */
  readonly sigma_max: number | null;
  /** Only `discrete` timesteps are supported. */
  readonly timestep_type: 'discrete';
  /** The noise level after the last step: `zero` (default) or `sigma_min` (the training sigma at t = 0). */
  readonly final_sigmas_type: 'zero' | 'sigma_min';
};

/** `step` options of {@link EulerDiscreteScheduler}: Karras et al.'s "churn" (Algorithm 2), off by default. */
export interface EulerStepOptions extends StepOptions {
  /** S_churn >= 0: total extra noise; gamma = min(S_churn / n, sqrt(2) - 1) per step (default 0: deterministic). */
  sChurn?: number;
  /** Churn only where sigma >= S_tmin (default 0). */
  sTmin?: number;
  /** Churn only where sigma <= S_tmax (default Infinity). */
  sTmax?: number;
  /** S_noise: scale of the churn noise (default 1). */
  sNoise?: number;
}

/**
 * Euler's method on the probability-flow ODE in sigma (Karras et al. 2022, "Elucidating the Design Space of
 * Diffusion-Based Generative Models"), as diffusers' `EulerDiscreteScheduler`: the Euler step of Algorithm 1
 * (without its second-order correction), with Algorithm 2's optional churn. Keeps a step counter.
 *
 * It works in the variance-exploding view of the VP process: x = x_t / sqrt(abar_t) = x_0 + sigma_t eps with
 * sigma_t = sqrt((1 - abar_t) / abar_t). Samples live at that scale, so the model input is x / sqrt(sigma^2 + 1)
 * and the initial noise has std ~ sigma_max. The ODE is dx/dsigma = (x - D(x; sigma)) / sigma, D the denoiser
 * (the model's x_0 estimate).
 */
export class EulerDiscreteScheduler extends BaseScheduler<EulerDiscreteSchedulerConfig> {
  static readonly info = SCHEDULER_INFO.euler;
  readonly name = EulerDiscreteScheduler.info.name;
  readonly className = EulerDiscreteScheduler.info.className;
  /** sigma_t of every training timestep, ascending in t. */
  private readonly trainSigmas: Float64Array;
  /** sigma of each inference step, then the final sigma (n + 1 values); empty before `setTimesteps`. */
  private scheduleSigmas: Float64Array = new Float64Array(0);
  /** The step counter (diffusers' `step_index`): set from t on the first call, then advanced by each step. */
  private stepIndex: number | undefined;

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link EulerDiscreteSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const { className } = EulerDiscreteScheduler.info;
    const read = new ConfigReader(config, className);
    read.unsupportedFeature(
      'use_exponential_sigmas',
      'only the timestep_spacing grids and use_karras_sigmas are supported',
    );
    read.unsupportedFeature('use_beta_sigmas', 'only the timestep_spacing grids and use_karras_sigmas are supported');
    const positive = (x: number) => x > 0;
    const resolved: EulerDiscreteSchedulerConfig = {
      // diffusers' defaults for this class: linspace spacing; 'original_sample' is the old name of 'sample'.
      ...readCommonConfig(read, {
        timestepSpacing: 'linspace',
        betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
        predictionTypes: ['epsilon', 'sample', 'v_prediction'],
        predictionAliases: { original_sample: 'sample' },
      }),
      interpolation_type: read.choice('interpolation_type', 'linear', ['linear'], {
        unsupported: { log_linear: "diffusers' log_linear grid has n + 2 sigmas for n steps; use 'linear'" },
      }),
      use_karras_sigmas: read.boolean('use_karras_sigmas', false),
      sigma_min: read.optionalNumber('sigma_min', 'a number > 0', positive),
      sigma_max: read.optionalNumber('sigma_max', 'a number > 0', positive),
      timestep_type: read.choice('timestep_type', 'discrete', ['discrete'], {
        unsupported: { continuous: "continuous (EDM-style) timesteps are not supported; use 'discrete'" },
      }),
      final_sigmas_type: read.choice('final_sigmas_type', 'zero', ['zero', 'sigma_min']),
    };
    const schedule = trainingSchedule(resolved, className, { finiteTerminalSigma: true });
    super(resolved, schedule);
    this.trainSigmas = sigmasFromAlphasCumprod(schedule.alphasCumprod);
  }

  /**
   * sigma_max for `linspace` and `trailing` spacing (their first timestep is T-1); sqrt(sigma_max^2 + 1)
   * otherwise, as diffusers does. Before `setTimesteps`, sigma_max is the training maximum.
   */
  get initNoiseSigma(): number {
    return initialNoiseSigma(
      this.scheduleSigmas.length > 0 ? this.scheduleSigmas : this.trainSigmas,
      this.config.timestep_spacing,
    );
  }

  /** The noise levels of the inference steps followed by the final level (a copy); empty before `setTimesteps`. */
  get sigmas(): Float64Array {
    return this.scheduleSigmas.slice();
  }

  /**
   * `n` timesteps by `timestep_spacing` (`linspace` by default, unrounded), each with its sigma interpolated
   * between the training sigmas; or, with `use_karras_sigmas`, Karras et al.'s sigmas (2022, eq. 5) between
   * the ends of that grid (or `sigma_min` / `sigma_max`), each with the fractional timestep of its sigma. Then
   * the final sigma, and a fresh step counter.
   */
  setTimesteps(n: number): void {
    this.checkInferenceSteps(n);
    const c = this.config;
    let timesteps = eulerTimesteps(c.timestep_spacing, c.num_train_timesteps, n, c.steps_offset);
    let sigmas = sigmasAtTimesteps(timesteps, this.trainSigmas);
    if (c.use_karras_sigmas) {
      const logSigmas = this.trainSigmas.map(Math.log);
      sigmas = Array.from(karrasSigmas(c.sigma_min ?? sigmas[sigmas.length - 1]!, c.sigma_max ?? sigmas[0]!, n));
      timesteps = sigmas.map((s) => sigmaToTimestep(s, logSigmas));
    }
    this.acceptTimesteps(n, timesteps);
    const finalSigma = c.final_sigmas_type === 'sigma_min' ? this.trainSigmas[0]! : 0;
    this.scheduleSigmas = Float64Array.from([...sigmas, finalSigma]);
    this.stepIndex = undefined;
  }

  /** The model input at timestep t: x / sqrt(sigma_t^2 + 1), which is x_t at the VP scale. */
  override scaleModelInput<T extends FloatArray>(sample: T, t: number): T {
    checkFloatArray(sample, 'sample', `${this.className}.scaleModelInput`);
    const i = this.checkStepCounter(this.stepIndex, t, 'scaleModelInput');
    this.stepIndex = i;
    const sigma = this.scheduleSigmas[i]!;
    const denominator = Math.sqrt(sigma * sigma + 1);
    const out = allocLike(sample);
    for (let k = 0; k < sample.length; k++) out[k] = sample[k]! / denominator;
    return out;
  }

  /**
   * One Euler step from sigma_i to sigma_{i+1} (Karras et al. 2022, Algorithm 2, lines 4-8): optional churn
   * first raises the noise level, then one Euler step of the ODE. Churn noise z is `options.noise` or drawn
   * from `options.rng`.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: EulerStepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const i = this.checkStepCounter(this.stepIndex, t, 'step');
    this.stepIndex = i;
    const sChurn = churnOption(options?.sChurn, 0, 'sChurn', where);
    const sTmin = churnOption(options?.sTmin, 0, 'sTmin', where);
    const sTmax = churnOption(options?.sTmax, Infinity, 'sTmax', where);
    const sNoise = churnOption(options?.sNoise, 1, 'sNoise', where);
    const length = sample.length;

    // 1. This step's noise level sigma_i and the next, sigma_{i+1}.
    const sigmas = this.scheduleSigmas;
    const sigma = sigmas[i]!;

    // 2. Churn: gamma = min(S_churn / N, sqrt(2) - 1) where S_tmin <= sigma_i <= S_tmax, else 0, and the raised
    //    level sigma_hat = sigma_i (1 + gamma); the churn noise z only when gamma > 0.
    const gamma = sTmin <= sigma && sigma <= sTmax ? Math.min(sChurn / (sigmas.length - 1), Math.SQRT2 - 1) : 0;
    const sigmaHat = sigma * (gamma + 1);
    const z =
      gamma > 0
        ? stepNoise(options, length, `${where} at t=${t}`, `sChurn = ${sChurn} gives gamma = ${gamma} > 0`)
        : undefined;
    if (z === undefined) checkUnusedNoise(options, length, where);
    const churnScale = z === undefined ? 0 : Math.sqrt(sigmaHat * sigmaHat - sigma * sigma);

    const prediction = this.config.prediction_type;
    const dt = sigmas[i + 1]! - sigmaHat;
    const prevSample = allocLike(sample);
    const predOriginalSample = allocLike(sample);
    for (let k = 0; k < length; k++) {
      // 3. x_hat = x_i + sqrt(sigma_hat^2 - sigma_i^2) S_noise z (Algorithm 2, line 6).
      const x = z === undefined ? sample[k]! : sample[k]! + z[k]! * sNoise * churnScale;
      // 4. D(x_hat; sigma_hat), the predicted x_0: from eps, x_hat - sigma_hat eps; from v, as diffusers,
      //    c_skip x_hat + c_out v with c_skip = 1 / (sigma^2 + 1), c_out = -sigma / sqrt(sigma^2 + 1); or x_0 itself.
      const out = modelOutput[k]!;
      let x0: number;
      if (prediction === 'epsilon') x0 = x - sigmaHat * out;
      else if (prediction === 'v_prediction')
        x0 = out * (-sigma / Math.sqrt(sigma * sigma + 1)) + x / (sigma * sigma + 1);
      else x0 = out;
      predOriginalSample[k] = x0;
      // 5. d = (x_hat - D) / sigma_hat and x_{i+1} = x_hat + (sigma_{i+1} - sigma_hat) d (lines 7-8).
      const derivative = (x - x0) / sigmaHat;
      prevSample[k] = x + derivative * dt;
    }
    this.stepIndex = i + 1;
    return { prevSample, predOriginalSample };
  }

  /**
   * Forward noising at the VE scale: x = x_0 + sigma eps, with the schedule's sigma when t is one of the
   * current timesteps (as diffusers), else the training sigma of the integer timestep t.
   */
  protected override noiseCoefficients(t: number, where: string): NoiseCoefficients {
    const index = this.timestepIndex(t);
    if (index !== undefined) return { signal: 1, noise: this.scheduleSigmas[index]! };
    const abar = this.trainingAlphaCumprod(t, where);
    return { signal: 1, noise: Math.sqrt((1 - abar) / abar) };
  }
}

/** A churn option: a number >= 0 (finite, except `sTmax`), or its default when absent. */
function churnOption(value: number | undefined, fallback: number, name: string, where: string): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || Number.isNaN(v) || (name !== 'sTmax' && !Number.isFinite(v)) || v < 0) {
    throw new SchedulerUsageError(
      'invalid-argument',
      `${where}: options.${name} must be a number >= 0; got ${describeValue(v)}.`,
    );
  }
  return v;
}
