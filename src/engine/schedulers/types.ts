import type { FloatArray } from '../forward/addNoise';
import type { Rng } from '../rng/Rng';

/** What the model predicts (diffusers' `prediction_type`): the noise eps, the clean sample x_0, or v. */
export type PredictionType = 'epsilon' | 'sample' | 'v_prediction';

/** How inference timesteps are spread over the training steps (diffusers' `timestep_spacing`). */
export type TimestepSpacing = 'leading' | 'trailing' | 'linspace';

/** The short names accepted by `createScheduler`. */
export type SchedulerName = 'ddpm' | 'ddim' | 'dpmSolverMultistep' | 'euler' | 'eulerAncestral' | 'lcm';

/**
 * A scheduler class's registry entry, declared by the class itself (`static readonly info`): the short name,
 * diffusers' class name and the name readers know the algorithm by.
 */
export interface SchedulerInfo<N extends SchedulerName = SchedulerName> {
  /** The short name (`createScheduler`'s key). */
  readonly name: N;
  /** diffusers' class name, as in `_class_name` of `scheduler_config.json`. */
  readonly className: string;
  /** A label for menus and legends, e.g. 'DPM-Solver++ (multistep)'. */
  readonly label: string;
}

/** Options of `step`. Only stochastic steps read `rng` or `noise`; give one of them, not both. */
export interface StepOptions {
  /** Source of the step's fresh noise, drawn with `rng.normal()` in element order. */
  rng?: Rng;
  /** The step's noise given explicitly (same length as the sample), e.g. to reproduce another implementation. */
  noise?: FloatArray;
  /** DDIM's eta (Song et al. 2021, eq. 16): 0 is deterministic DDIM, 1 is DDPM-like. Ignored by the others. */
  eta?: number;
}

/** The result of one `step`: the next, less noisy sample and the model's estimate of the clean sample. */
export interface StepOutput<T extends FloatArray> {
  /** x_{t-1} (or x at the next, lower noise level): the input of the next model call. */
  prevSample: T;
  /** The predicted x_0 at this step (for DPM-Solver, the data prediction the solver integrates). */
  predOriginalSample: T;
}

/**
 * The contract every scheduler of the kit fulfils, modelled on diffusers' `SchedulerMixin`: configure once,
 * `setTimesteps(n)`, then for each `t` of `timesteps`: `scaleModelInput`, run the model, `step`.
 */
export interface Scheduler {
  /** The short name (`createScheduler`'s key). */
  readonly name: SchedulerName;
  /** diffusers' class name, as in `_class_name` of `scheduler_config.json`. */
  readonly className: string;
  /** The resolved configuration: every key this scheduler reads, defaults filled in, snake_case. */
  readonly config: Readonly<Record<string, unknown>>;
  /** beta_t for t = 0..T-1 (a copy; changing it does not change the scheduler). */
  readonly betas: Float64Array;
  /** abar_t for t = 0..T-1 (a copy). */
  readonly alphasCumprod: Float64Array;
  /** The inference timesteps, descending; empty before `setTimesteps`. */
  readonly timesteps: number[];
  /** The noise levels sigma of each inference step plus the final one (Euler and DPM-Solver only). */
  readonly sigmas?: Float64Array;
  /** The number of inference steps set by `setTimesteps`, or undefined before. */
  readonly numInferenceSteps: number | undefined;
  /** Standard deviation of the initial noise: multiply N(0, I) by this to start sampling. */
  readonly initNoiseSigma: number;
  /**
   * Chooses `n` inference timesteps and resets any multistep state (DDIM and LCM also take an explicit list of
   * timesteps).
   */
  setTimesteps(n: number): void;
  /** The model input for timestep `t`: a new array of the same type (identity except for the Euler family). */
  scaleModelInput<T extends FloatArray>(sample: T, t: number): T;
  /** One reverse step from `t` given the model output at (`scaleModelInput(sample, t)`, `t`). */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T>;
  /**
   * Forward noising to the given timesteps, one per batch item: `original` holds `timesteps.length` items of
   * equal size back to back; the result has the type of `original`.
   */
  addNoise<T extends FloatArray>(original: T, noise: FloatArray, timesteps: ArrayLike<number>): T;
}
