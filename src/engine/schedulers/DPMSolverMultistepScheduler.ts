import type { FloatArray, NoiseCoefficients } from '../forward/addNoise';
import { sigmasFromAlphasCumprod } from '../schedules/derived';
import { roundHalfEven } from '../schedules/numpyGrids';
import { BaseScheduler } from './BaseScheduler';
import {
  type CommonSchedulerConfig,
  readCommonConfig,
  readThresholding,
  type ThresholdingConfig,
  trainingSchedule,
} from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { allocLike, checkStepArrays, checkUnusedNoise, stepNoise } from './sampleArrays';
import { karrasSigmas, sigmaToTimestep } from './sigmaGrids';
import { dpmSolverTimesteps } from './timestepGrids';
import { SCHEDULER_INFO } from './schedulerInfo';
import type { StepOptions, StepOutput } from './types';

/** The supported DPM-Solver variants: the ODE solver DPM-Solver++ and its SDE counterpart. */
export type DPMSolverAlgorithmType = 'dpmsolver++' | 'sde-dpmsolver++';

/** The resolved configuration of {@link DPMSolverMultistepScheduler} (diffusers' keys and defaults). */
export type DPMSolverMultistepSchedulerConfig = CommonSchedulerConfig & {
  /** 1, 2 (default) or 3: how many past model outputs each update uses. */
  readonly solver_order: number;
  /** `dpmsolver++` (default, deterministic) or `sde-dpmsolver++` (stochastic). */
  readonly algorithm_type: DPMSolverAlgorithmType;
  /** The second-order update: `midpoint` (default) or `heun`. */
  readonly solver_type: 'midpoint' | 'heun';
  /** With fewer than 15 steps, drop to lower orders on the last steps (default true). */
  readonly lower_order_final: boolean;
  /** Make the last step first order whatever the step count (default false). */
  readonly euler_at_final: boolean;
  /** Use Karras et al.'s sigma spacing instead of `timestep_spacing` (default false). */
  readonly use_karras_sigmas: boolean;
  /** The noise level after the last step: `zero` (default) or `sigma_min` (the training sigma at t = 0). */
  readonly final_sigmas_type: 'zero' | 'sigma_min';
  /** Timesteps with lambda(t) below this are left out of the grid (default -Infinity; JSON null means that). */
  readonly lambda_min_clipped: number;
  /** null, or a fixed variance type (read and unused, as diffusers does); learned variances are not supported. */
  readonly variance_type: string | null;
} & ThresholdingConfig;

/**
 * The VP coefficients at noise level sigma (sigma = sigma_t / alpha_t): alpha_t = 1 / sqrt(sigma^2 + 1),
 * sigma_t = sigma alpha_t, and the half log-SNR lambda_t = log(alpha_t / sigma_t).
 */
function vpAt(sigma: number): { alpha: number; sigmaT: number; lambda: number } {
  const alpha = 1 / Math.sqrt(sigma * sigma + 1);
  const sigmaT = sigma * alpha;
  return { alpha, sigmaT, lambda: Math.log(alpha) - Math.log(sigmaT) };
}

/**
 * Multistep DPM-Solver++ (Lu et al. 2022, "DPM-Solver++: Fast Solver for Guided Sampling of Diffusion
 * Probabilistic Models"), as diffusers' `DPMSolverMultistepScheduler`: an exponential integrator in
 * lambda = log(alpha_t / sigma_t) for the data-prediction ODE (or, `sde-dpmsolver++`, the SDE), reusing the
 * previous 1 or 2 data predictions for 2nd and 3rd order. Keeps a step counter and that history; both reset
 * in `setTimesteps`.
 *
 * Notation of the paper: alpha_t, sigma_t the VP coefficients (x_t = alpha_t x_0 + sigma_t eps), lambda_t =
 * log(alpha_t / sigma_t), x_theta the data prediction; s0 is this step's time, s1 and s2 the previous ones,
 * t the next; h = lambda_t - lambda_s0.
 */
export class DPMSolverMultistepScheduler extends BaseScheduler<DPMSolverMultistepSchedulerConfig> {
  static readonly info = SCHEDULER_INFO.dpmSolverMultistep;
  readonly name = DPMSolverMultistepScheduler.info.name;
  readonly className = DPMSolverMultistepScheduler.info.className;
  /** sigma_t / alpha_t of every training timestep, ascending in t. */
  private readonly trainSigmas: Float64Array;
  /** sigma of each inference step, then the final sigma (n + 1 values); empty before `setTimesteps`. */
  private scheduleSigmas: Float64Array = new Float64Array(0);
  /** The step counter (diffusers' `step_index`): set from t on the first call, then advanced by each step. */
  private stepIndex: number | undefined;
  /** Data predictions x_theta of the last `solver_order` steps, oldest first. */
  private history: Float64Array[] = [];
  /** How many steps have run (capped at `solver_order`): the highest order the history allows. */
  private lowerOrderNums = 0;

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link DPMSolverMultistepSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const { className } = DPMSolverMultistepScheduler.info;
    const read = new ConfigReader(config, className);
    const unsupportedSpacing = 'only the timestep_spacing grids and use_karras_sigmas are supported';
    read.unsupportedFeature('use_lu_lambdas', unsupportedSpacing);
    read.unsupportedFeature('use_exponential_sigmas', unsupportedSpacing);
    read.unsupportedFeature('use_beta_sigmas', unsupportedSpacing);
    read.unsupportedFeature('use_flow_sigmas', 'flow-matching models are not supported');
    read.unsupportedFeature('use_dynamic_shifting', 'flow-matching models are not supported');
    const resolved: DPMSolverMultistepSchedulerConfig = {
      // diffusers' defaults for this class: linspace spacing.
      ...readCommonConfig(read, {
        timestepSpacing: 'linspace',
        betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
        predictionTypes: ['epsilon', 'sample', 'v_prediction'],
      }),
      solver_order: read.integer('solver_order', 2, 1, 3),
      algorithm_type: read.choice('algorithm_type', 'dpmsolver++', ['dpmsolver++', 'sde-dpmsolver++'], {
        aliases: { deis: 'dpmsolver++' },
        unsupported: {
          dpmsolver: "diffusers deprecates the noise-prediction variants; use 'dpmsolver++'",
          'sde-dpmsolver': "diffusers deprecates the noise-prediction variants; use 'sde-dpmsolver++'",
        },
      }),
      solver_type: read.choice('solver_type', 'midpoint', ['midpoint', 'heun'], {
        aliases: { logrho: 'midpoint', bh1: 'midpoint', bh2: 'midpoint' },
      }),
      lower_order_final: read.boolean('lower_order_final', true),
      euler_at_final: read.boolean('euler_at_final', false),
      use_karras_sigmas: read.boolean('use_karras_sigmas', false),
      final_sigmas_type: read.choice('final_sigmas_type', 'zero', ['zero', 'sigma_min']),
      lambda_min_clipped: read.number(
        'lambda_min_clipped',
        -Infinity,
        'a number (or -Infinity / null for no clipping)',
        () => true,
        true,
      ),
      variance_type: readVarianceType(read),
      ...readThresholding(read, { clipSampleInstead: false }),
    };
    const schedule = trainingSchedule(resolved, className, { finiteTerminalSigma: true });
    super(resolved, schedule);
    this.trainSigmas = sigmasFromAlphasCumprod(schedule.alphasCumprod);
  }

  /** x_T ~ N(0, I). */
  get initNoiseSigma(): number {
    return 1;
  }

  /** The noise levels of the inference steps followed by the final level (a copy); empty before `setTimesteps`. */
  get sigmas(): Float64Array {
    return this.scheduleSigmas.slice();
  }

  /**
   * `n` timesteps by `timestep_spacing` (`linspace` by default) over the training steps whose lambda is at
   * least `lambda_min_clipped`, each with its training sigma; or, with `use_karras_sigmas`, Karras et al.'s
   * sigmas (2022, eq. 5) between the training extremes, each with the (rounded) timestep of its sigma. Then
   * the final sigma, and a fresh step counter and history.
   */
  setTimesteps(n: number): void {
    this.checkInferenceSteps(n);
    const c = this.config;
    const numTrain = c.num_train_timesteps;
    const trainSigmas = this.trainSigmas;
    let timesteps: number[];
    let sigmas: number[];
    if (c.use_karras_sigmas) {
      const logSigmas = trainSigmas.map(Math.log);
      sigmas = Array.from(karrasSigmas(trainSigmas[0]!, trainSigmas[numTrain - 1]!, n));
      const exact = sigmas.map((s) => sigmaToTimestep(s, logSigmas));
      // diffusers rounds (half to even) except for squaredcos_cap_v2, then truncates to int64.
      timesteps = exact.map((t) => Math.trunc(c.beta_schedule === 'squaredcos_cap_v2' ? t : roundHalfEven(t)));
    } else {
      // Leave out the timesteps whose lambda(t) = log(sqrt(abar) / sqrt(1 - abar)) is below lambda_min_clipped.
      let clipped = 0;
      for (const abar of this.trainAlphasCumprod) {
        if (Math.log(Math.sqrt(abar)) - Math.log(Math.sqrt(1 - abar)) < c.lambda_min_clipped) clipped++;
      }
      timesteps = dpmSolverTimesteps(c.timestep_spacing, numTrain, numTrain - clipped, n, c.steps_offset);
      sigmas = timesteps.map((t) => trainSigmas[t]!);
    }
    this.acceptTimesteps(n, timesteps);
    const finalSigma = c.final_sigmas_type === 'sigma_min' ? trainSigmas[0]! : 0;
    this.scheduleSigmas = Float64Array.from([...sigmas, finalSigma]);
    this.stepIndex = undefined;
    this.history = [];
    this.lowerOrderNums = 0;
  }

  /**
   * One multistep update from s0 (sigmas[i]) to t (sigmas[i + 1]), Lu et al. 2022, Algorithm 2 (multistep
   * DPM-Solver++(2M)) generalised to orders 1 to 3 as diffusers does:
   * - order 1 (= DDIM): x_t = (sigma_t / sigma_s0) x_s0 - alpha_t (e^{-h} - 1) D0
   * - order 2 (midpoint): ... - 0.5 alpha_t (e^{-h} - 1) D1; heun: ... + alpha_t ((e^{-h} - 1) / h + 1) D1
   * - order 3: adds the second backward difference D2 (diffusers' `multistep_dpm_solver_third_order_update`)
   * sde-dpmsolver++, the SDE counterpart, uses e^{-2h}: x_t = (sigma_t / sigma_s0) e^{-h} x_s0
   * + alpha_t (1 - e^{-2h}) D0 + ... + sigma_t sqrt(1 - e^{-2h}) z, with z from `options`.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const i = this.checkStepCounter(this.stepIndex, t, 'step');
    this.stepIndex = i;
    const c = this.config;
    const n = this.inferenceTimesteps.length;
    const length = sample.length;
    const sde = c.algorithm_type === 'sde-dpmsolver++';
    const z = sde
      ? stepNoise(options, length, `${where} at t=${t}`, "algorithm_type 'sde-dpmsolver++' adds noise")
      : undefined;
    if (z === undefined) checkUnusedNoise(options, length, where);

    // 1. The order of this step: as high as `solver_order` and the history allow, but lower on the last steps,
    //    which keeps few-step sampling stable (diffusers' `lower_order_final`, `euler_at_final`).
    const lowerOrderFinal =
      i === n - 1 && (c.euler_at_final || (c.lower_order_final && n < 15) || c.final_sigmas_type === 'zero');
    const lowerOrderSecond = i === n - 2 && c.lower_order_final && n < 15;
    let order: number;
    if (c.solver_order === 1 || this.lowerOrderNums < 1 || lowerOrderFinal) order = 1;
    else if (c.solver_order === 2 || this.lowerOrderNums < 2 || lowerOrderSecond) order = 2;
    else order = 3;

    // 2. D0 = x_theta(x_s0, s0), the data prediction from the model output (eps: (x - sigma_s0 eps) / alpha_s0;
    //    v: alpha_s0 x - sigma_s0 v), kept in the history for the next steps.
    const s0 = vpAt(this.scheduleSigmas[i]!);
    const x0 = new Float64Array(length);
    for (let k = 0; k < length; k++) {
      const out = modelOutput[k]!;
      const x = sample[k]!;
      if (c.prediction_type === 'epsilon') x0[k] = (x - s0.sigmaT * out) / s0.alpha;
      else if (c.prediction_type === 'v_prediction') x0[k] = s0.alpha * x - s0.sigmaT * out;
      else x0[k] = out;
    }
    this.history.push(x0);
    if (this.history.length > c.solver_order) this.history.shift();

    // 3. The step in lambda, h = lambda_t - lambda_s0.
    const tgt = vpAt(this.scheduleSigmas[i + 1]!);
    const h = tgt.lambda - s0.lambda;
    const ratio = tgt.sigmaT / s0.sigmaT;

    // 4. The coefficients of x_t = a x_s0 + b0 D0 + b1 D1 + b2 D2 (+ noiseScale z), with D1, D2 per element.
    let a: number;
    let b0: number;
    let b1 = 0;
    let b2 = 0;
    if (sde) {
      a = ratio * Math.exp(-h);
      b0 = tgt.alpha * (1 - Math.exp(-2 * h));
      if (order === 2)
        b1 = c.solver_type === 'midpoint' ? 0.5 * b0 : tgt.alpha * ((1 - Math.exp(-2 * h)) / (-2 * h) + 1);
      if (order === 3) {
        b1 = tgt.alpha * ((1 - Math.exp(-2 * h)) / (-2 * h) + 1);
        b2 = tgt.alpha * ((1 - Math.exp(-2 * h) - 2 * h) / (2 * h) ** 2 - 0.5);
      }
    } else {
      a = ratio;
      b0 = -tgt.alpha * (Math.exp(-h) - 1);
      if (order === 2) b1 = c.solver_type === 'midpoint' ? 0.5 * b0 : tgt.alpha * ((Math.exp(-h) - 1) / h + 1);
      if (order === 3) {
        b1 = tgt.alpha * ((Math.exp(-h) - 1) / h + 1);
        b2 = -tgt.alpha * ((Math.exp(-h) - 1 + h) / (h * h) - 0.5);
      }
    }
    const noiseScale = sde ? tgt.sigmaT * Math.sqrt(1 - Math.exp(-2 * h)) : 0;

    // 5. x_t. The backward differences use r0 = h_0 / h and r1 = h_1 / h, the previous steps' lambda gaps
    //    relative to this one: D1 = (D0 - x_theta(s1)) / r0 (Algorithm 2), and for order 3 the second difference.
    const lambdaS1 = order >= 2 ? vpAt(this.scheduleSigmas[i - 1]!).lambda : 0;
    const lambdaS2 = order === 3 ? vpAt(this.scheduleSigmas[i - 2]!).lambda : 0;
    const r0 = (s0.lambda - lambdaS1) / h;
    const r1 = (lambdaS1 - lambdaS2) / h;
    const m1 = this.history[this.history.length - 2];
    const m2 = this.history[this.history.length - 3];
    const prevSample = allocLike(sample);
    for (let k = 0; k < length; k++) {
      const d0 = x0[k]!;
      let d1 = 0;
      let d2 = 0;
      if (order === 2) d1 = (d0 - m1![k]!) / r0;
      if (order === 3) {
        const d10 = (d0 - m1![k]!) / r0;
        const d11 = (m1![k]! - m2![k]!) / r1;
        d1 = d10 + (r0 / (r0 + r1)) * (d10 - d11);
        d2 = (d10 - d11) / (r0 + r1);
      }
      prevSample[k] = a * sample[k]! + b0 * d0 + b1 * d1 + b2 * d2 + (z === undefined ? 0 : noiseScale * z[k]!);
    }

    if (this.lowerOrderNums < c.solver_order) this.lowerOrderNums++;
    this.stepIndex = i + 1;
    const predOriginalSample = allocLike(sample);
    predOriginalSample.set(x0);
    return { prevSample, predOriginalSample };
  }

  /**
   * Forward noising as diffusers does for this scheduler: at a timestep of the current schedule the
   * schedule's sigma gives alpha_t = 1 / sqrt(sigma^2 + 1) and sigma_t = sigma alpha_t; any other integer
   * training timestep uses abar_t directly.
   */
  protected override noiseCoefficients(t: number, where: string): NoiseCoefficients {
    const index = this.timestepIndex(t);
    if (index === undefined) return super.noiseCoefficients(t, where);
    const { alpha, sigmaT } = vpAt(this.scheduleSigmas[index]!);
    return { signal: alpha, noise: sigmaT };
  }
}

/**
 * diffusers reads `variance_type` here only to split off learned-variance channels ('learned',
 * 'learned_range'); any other value, such as a DDPM config's 'fixed_small', changes nothing and is kept as is.
 */
function readVarianceType(read: ConfigReader): string | null {
  const v = read.optionalString('variance_type', 'a fixed variance type');
  if (v === 'learned' || v === 'learned_range') {
    read.fail(
      'variance_type',
      ['null', "'fixed_small'", "'fixed_large'"],
      v,
      'null or a fixed variance type',
      'a model that predicts its variance needs the learned-variance channels split off first',
    );
  }
  return v;
}
