import type { FloatArray, NoiseCoefficients } from '../forward/addNoise';
import { sigmasFromAlphasCumprod } from '../schedules/derived';
import { BaseScheduler } from './BaseScheduler';
import { type CommonSchedulerConfig, readCommonConfig, trainingSchedule } from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { allocLike, checkFloatArray, checkStepArrays, stepNoise } from './sampleArrays';
import { initialNoiseSigma, sigmasAtTimesteps } from './sigmaGrids';
import { eulerTimesteps } from './timestepGrids';
import { SCHEDULER_INFO } from './schedulerInfo';
import type { StepOptions, StepOutput } from './types';

/** The resolved configuration of {@link EulerAncestralDiscreteScheduler} (diffusers' keys and defaults). */
export type EulerAncestralDiscreteSchedulerConfig = CommonSchedulerConfig;

/**
 * Euler ancestral sampling, as diffusers' `EulerAncestralDiscreteScheduler` (k-diffusion's
 * `sample_euler_ancestral`): the Euler step of Karras et al. 2022 (Algorithm 1, without its second-order
 * correction) down to a level sigma_down below the next one, then fresh noise of std sigma_up so that the
 * marginal lands on sigma_{i+1}. Every step is stochastic. Keeps a step counter.
 *
 * It works in the variance-exploding view of the VP process: x = x_t / sqrt(abar_t) = x_0 + sigma_t eps with
 * sigma_t = sqrt((1 - abar_t) / abar_t). Samples live at that scale, so the model input is x / sqrt(sigma^2 + 1)
 * and the initial noise has std ~ sigma_max.
 */
export class EulerAncestralDiscreteScheduler extends BaseScheduler<EulerAncestralDiscreteSchedulerConfig> {
  static readonly info = SCHEDULER_INFO.eulerAncestral;
  readonly name = EulerAncestralDiscreteScheduler.info.name;
  readonly className = EulerAncestralDiscreteScheduler.info.className;
  // Copied from EulerDiscreteScheduler (its sigma grids and step counter), as diffusers copies them: each scheduler
  // file reads on its own. Keep the copies in step.
  /** sigma_t of every training timestep, ascending in t. */
  private readonly trainSigmas: Float64Array;
  /** sigma of each inference step, then the final sigma 0 (n + 1 values); empty before `setTimesteps`. */
  private scheduleSigmas: Float64Array = new Float64Array(0);
  /** The step counter (diffusers' `step_index`): set from t on the first call, then advanced by each step. */
  private stepIndex: number | undefined;

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link EulerAncestralDiscreteSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const { className } = EulerAncestralDiscreteScheduler.info;
    const read = new ConfigReader(config, className);
    const resolved: EulerAncestralDiscreteSchedulerConfig = readCommonConfig(read, {
      // diffusers' defaults for this class: linspace spacing; no x_0 prediction.
      timestepSpacing: 'linspace',
      betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
      predictionTypes: ['epsilon', 'v_prediction'],
      unsupportedPredictionTypes: {
        sample: "diffusers' EulerAncestralDiscreteScheduler does not implement it (NotImplementedError)",
      },
    });
    const schedule = trainingSchedule(resolved, className, { finiteTerminalSigma: true });
    super(resolved, schedule);
    this.trainSigmas = sigmasFromAlphasCumprod(schedule.alphasCumprod);
  }

  // Copied from EulerDiscreteScheduler.initNoiseSigma and .sigmas (diffusers: "Copied from
  // diffusers.schedulers.scheduling_euler_discrete.EulerDiscreteScheduler.init_noise_sigma").
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
   * between the training sigmas, then the final sigma 0; and a fresh step counter.
   */
  setTimesteps(n: number): void {
    this.checkInferenceSteps(n);
    const c = this.config;
    const timesteps = eulerTimesteps(c.timestep_spacing, c.num_train_timesteps, n, c.steps_offset);
    const sigmas = sigmasAtTimesteps(timesteps, this.trainSigmas);
    this.acceptTimesteps(n, timesteps);
    this.scheduleSigmas = Float64Array.from([...sigmas, 0]);
    this.stepIndex = undefined;
  }

  // Copied from EulerDiscreteScheduler.scaleModelInput (diffusers: "Copied from
  // diffusers.schedulers.scheduling_euler_discrete.EulerDiscreteScheduler.scale_model_input").
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
   * One ancestral step from sigma_from = sigma_i to sigma_to = sigma_{i+1}. Like diffusers, z is drawn on
   * every step (also the last, where sigma_up = 0): `options.noise` or `options.rng`.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const i = this.checkStepCounter(this.stepIndex, t, 'step');
    this.stepIndex = i;
    const length = sample.length;
    const z = stepNoise(options, length, `${where} at t=${t}`, 'ancestral sampling adds fresh noise every step');

    // 1. This step's noise level and the next: sigma_from = sigma_i, sigma_to = sigma_{i+1}.
    const sigmaFrom = this.scheduleSigmas[i]!;
    const sigmaTo = this.scheduleSigmas[i + 1]!;

    // 2. Split sigma_to into a deterministic and a fresh part, sigma_down^2 + sigma_up^2 = sigma_to^2 (k-diffusion's
    //    `get_ancestral_step`): sigma_up = sqrt(sigma_to^2 (sigma_from^2 - sigma_to^2) / sigma_from^2).
    const sigmaUp = Math.sqrt((sigmaTo ** 2 * (sigmaFrom ** 2 - sigmaTo ** 2)) / sigmaFrom ** 2);
    const sigmaDown = Math.sqrt(Math.max(0, sigmaTo ** 2 - sigmaUp ** 2));
    const dt = sigmaDown - sigmaFrom;

    const vPrediction = this.config.prediction_type === 'v_prediction';
    const prevSample = allocLike(sample);
    const predOriginalSample = allocLike(sample);
    for (let k = 0; k < length; k++) {
      const x = sample[k]!;
      const out = modelOutput[k]!;
      // 3. D(x; sigma_from), the predicted x_0: from eps, x - sigma eps; from v, as diffusers,
      //    c_skip x + c_out v with c_skip = 1 / (sigma^2 + 1), c_out = -sigma / sqrt(sigma^2 + 1).
      const x0 = vPrediction
        ? out * (-sigmaFrom / Math.sqrt(sigmaFrom * sigmaFrom + 1)) + x / (sigmaFrom * sigmaFrom + 1)
        : x - sigmaFrom * out;
      predOriginalSample[k] = x0;
      // 4. The ODE's derivative d = (x - D) / sigma_from (Karras et al. 2022, Algorithm 1, line 4).
      const derivative = (x - x0) / sigmaFrom;
      // 5. x_{i+1} = x + (sigma_down - sigma_from) d + sigma_up z: the Euler step down to sigma_down, then fresh noise.
      prevSample[k] = x + derivative * dt + z[k]! * sigmaUp;
    }
    this.stepIndex = i + 1;
    return { prevSample, predOriginalSample };
  }

  // Copied from EulerDiscreteScheduler.noiseCoefficients (diffusers: "Copied from
  // diffusers.schedulers.scheduling_euler_discrete.EulerDiscreteScheduler.add_noise").
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
