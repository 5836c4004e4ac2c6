import type { FloatArray } from '../forward/addNoise';
import { describeValue, SchedulerConfigError } from '../schedules/SchedulerConfigError';
import type { CommonSchedulerConfig } from './commonConfig';
import { allocLike, checkFloatArray } from './sampleArrays';
import { SchedulerUsageError } from './SchedulerUsageError';
import type { Scheduler, SchedulerName, StepOptions, StepOutput } from './types';

/**
 * What every scheduler shares: the resolved config, the training schedule, the inference timesteps and
 * their validation, and forward noising. Subclasses add their timestep rule and their step.
 */
export abstract class BaseScheduler<C extends CommonSchedulerConfig> implements Scheduler {
  abstract readonly name: SchedulerName;
  abstract readonly className: string;
  /** The resolved configuration (frozen): every key this scheduler reads, with diffusers' defaults filled in. */
  readonly config: Readonly<C>;
  /** beta_t, t = 0..T-1 (a copy of the scheduler's own). */
  readonly betas: Float64Array;
  /** abar_t, t = 0..T-1 (a copy of the scheduler's own). */
  readonly alphasCumprod: Float64Array;
  /** The scheduler's own betas. */
  protected readonly trainBetas: Float64Array;
  /** The scheduler's own abar. */
  protected readonly trainAlphasCumprod: Float64Array;
  /** The inference timesteps, descending; empty until `setTimesteps`. */
  protected schedule: number[] = [];
  private inferenceSteps: number | undefined;

  protected constructor(config: C, betas: Float64Array, alphasCumprod: Float64Array) {
    this.config = Object.freeze({ ...config });
    this.trainBetas = betas;
    this.trainAlphasCumprod = alphasCumprod;
    this.betas = betas.slice();
    this.alphasCumprod = alphasCumprod.slice();
  }

  /** The inference timesteps, descending (a copy); empty before `setTimesteps`. */
  get timesteps(): number[] {
    return this.schedule.slice();
  }

  /** The number of inference steps, or undefined before `setTimesteps`. */
  get numInferenceSteps(): number | undefined {
    return this.inferenceSteps;
  }

  /** Standard deviation of the initial noise x_T. */
  abstract get initNoiseSigma(): number;

  /**
   * Chooses `n` inference timesteps (an integer from 1 to `num_train_timesteps`) by the configured
   * `timestep_spacing`, and resets all per-run state.
   */
  setTimesteps(n: number): void {
    const numTrain = this.config.num_train_timesteps;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > numTrain) {
      throw new SchedulerConfigError(
        'num_inference_steps',
        [`an integer from 1 to ${numTrain}`],
        n,
        `${this.className}.setTimesteps: num_inference_steps must be an integer from 1 to num_train_timesteps (${numTrain}); got ${describeValue(n)}.`,
      );
    }
    const timesteps = this.buildSchedule(n);
    for (const t of timesteps) {
      if (!(t >= 0 && t <= numTrain - 1)) {
        throw new SchedulerConfigError(
          'steps_offset',
          [`an integer that keeps timesteps within 0..${numTrain - 1}`],
          this.config.steps_offset,
          `${this.className}.setTimesteps(${n}): timestep ${t} falls outside 0..${numTrain - 1} with timestep_spacing '${this.config.timestep_spacing}' and steps_offset ${this.config.steps_offset}. Lower steps_offset or use fewer steps.`,
        );
      }
    }
    this.schedule = timesteps;
    this.inferenceSteps = timesteps.length;
    this.resetState();
  }

  /** The inference timesteps for `n` steps; may also set schedule-dependent state (sigmas). */
  protected abstract buildSchedule(n: number): number[];

  /** Clears per-run state; called by `setTimesteps`. */
  protected resetState(): void {}

  /** Identity for the VP schedulers: returns a copy of `sample`, of the same type. */
  scaleModelInput<T extends FloatArray>(sample: T, _t: number): T {
    checkFloatArray(sample, 'sample', `${this.className}.scaleModelInput`);
    return sample.slice() as T;
  }

  abstract step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T>;

  /**
   * Forward noising, one timestep per batch item: x_t = a_t * x_0 + b_t * eps with the scheduler's own
   * coefficients (VP: a = sqrt(abar_t), b = sqrt(1 - abar_t), Ho et al. 2020, eq. 4).
   */
  addNoise<T extends FloatArray>(original: T, noise: FloatArray, timesteps: ArrayLike<number>): T {
    const where = `${this.className}.addNoise`;
    checkFloatArray(original, 'original', where);
    checkFloatArray(noise, 'noise', where);
    if (noise.length !== original.length) {
      throw new SchedulerUsageError('length-mismatch', `${where}: noise has length ${noise.length} but original has length ${original.length}; they must be equal.`);
    }
    const batch = timesteps.length;
    if (batch < 1 || original.length % batch !== 0) {
      throw new SchedulerUsageError(
        'length-mismatch',
        `${where}: needs one timestep per batch item, and original's length (${original.length}) must divide into ${batch} equal items; got ${batch} timesteps.`,
      );
    }
    const itemSize = original.length / batch;
    const out = allocLike(original);
    for (let b = 0; b < batch; b++) {
      const { signal, noise: noiseScale } = this.noiseCoefficients(timesteps[b]!, `${where} (timesteps[${b}])`);
      for (let i = b * itemSize, end = i + itemSize; i < end; i++) out[i] = signal * original[i]! + noiseScale * noise[i]!;
    }
    return out;
  }

  /** The coefficients of x_0 and eps at timestep `t` for `addNoise`; VP by default. */
  protected noiseCoefficients(t: number, where: string): { signal: number; noise: number } {
    const abar = this.trainingAlphaCumprod(t, where);
    return { signal: Math.sqrt(abar), noise: Math.sqrt(1 - abar) };
  }

  /** abar_t for a training timestep, rejecting anything but an integer in 0..T-1. */
  protected trainingAlphaCumprod(t: number, where: string): number {
    if (!Number.isInteger(t) || t < 0 || t >= this.trainAlphasCumprod.length) {
      throw new SchedulerUsageError(
        'unknown-timestep',
        `${where}: t must be an integer training timestep from 0 to ${this.trainAlphasCumprod.length - 1}; got ${describeValue(t)}.`,
      );
    }
    return this.trainAlphasCumprod[t]!;
  }

  /** Throws unless `setTimesteps` has run. */
  protected requireSchedule(method: string): number {
    if (this.inferenceSteps === undefined) {
      throw new SchedulerUsageError(
        'timesteps-not-set',
        `${this.className}.${method}: call setTimesteps(n) first; it chooses the n inference timesteps that ${method} works with.`,
      );
    }
    return this.inferenceSteps;
  }

  /** The position of `t` in the inference timesteps, or a clear error when it is not one of them. */
  protected scheduleIndexOf(t: number, method: string): number {
    const index = this.schedule.indexOf(t);
    if (index < 0) throw this.unknownTimestep(t, method);
    return index;
  }

  /** The error for a timestep that is not in `timesteps`. */
  protected unknownTimestep(t: number, method: string): SchedulerUsageError {
    const shown = this.schedule.length <= 8 ? this.schedule.join(', ') : `${this.schedule.slice(0, 4).join(', ')}, ..., ${this.schedule.at(-1)}`;
    return new SchedulerUsageError(
      'unknown-timestep',
      `${this.className}.${method}: t=${describeValue(t)} is not one of the ${this.schedule.length} inference timesteps [${shown}]; pass a value from scheduler.timesteps.`,
    );
  }
}
