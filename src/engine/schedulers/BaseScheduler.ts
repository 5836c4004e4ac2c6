import { type FloatArray, mixSignalAndNoise, type NoiseCoefficients, vpNoiseCoefficients } from '../forward/addNoise';
import { describeValue, SchedulerConfigError } from '../schedules/SchedulerConfigError';
import type { CommonSchedulerConfig } from './commonConfig';
import { checkFloatArray } from './sampleArrays';
import { SchedulerUsageError } from './SchedulerUsageError';
import type { Scheduler, SchedulerName, StepOptions, StepOutput } from './types';

/**
 * The thin base every scheduler extends: it keeps the resolved config and the training schedule, stores and
 * validates the inference timesteps, looks timesteps up (with diffusers' rules and clear errors), and runs
 * forward noising. Everything a sampling algorithm decides (defaults, timestep grid, step counter, `step`)
 * lives in the scheduler's own file.
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
  /** The scheduler's own abar_t, t = 0..T-1. */
  protected readonly trainAlphasCumprod: Float64Array;
  /** The inference timesteps, descending; empty until `setTimesteps`. */
  protected inferenceTimesteps: number[] = [];
  /** The number of inference steps; undefined until `setTimesteps`. */
  private inferenceSteps: number | undefined;

  protected constructor(config: C, schedule: { betas: Float64Array; alphasCumprod: Float64Array }) {
    this.config = Object.freeze({ ...config });
    this.trainAlphasCumprod = schedule.alphasCumprod;
    this.betas = schedule.betas.slice();
    this.alphasCumprod = schedule.alphasCumprod.slice();
  }

  /** The inference timesteps, descending (a copy); empty before `setTimesteps`. */
  get timesteps(): number[] {
    return this.inferenceTimesteps.slice();
  }

  /** The number of inference steps, or undefined before `setTimesteps`. */
  get numInferenceSteps(): number | undefined {
    return this.inferenceSteps;
  }

  /** Standard deviation of the initial noise x_T. */
  abstract get initNoiseSigma(): number;

  /** Chooses `n` inference timesteps (its own grid) and resets all per-run state. */
  abstract setTimesteps(n: number): void;

  abstract step<T extends FloatArray>(
    modelOutput: FloatArray,
    t: number,
    sample: T,
    options?: StepOptions,
  ): StepOutput<T>;

  /** Identity for the VP schedulers: returns a copy of `sample`, of the same type. */
  scaleModelInput<T extends FloatArray>(sample: T, _t: number): T {
    checkFloatArray(sample, 'sample', `${this.className}.scaleModelInput`);
    return sample.slice() as T;
  }

  /**
   * Forward noising, one timestep per batch item: x_t = a_t * x_0 + b_t * eps with the scheduler's own
   * coefficients (`noiseCoefficients`; VP by default: a = sqrt(abar_t), b = sqrt(1 - abar_t), Ho et al. 2020, eq. 4).
   */
  addNoise<T extends FloatArray>(original: T, noise: FloatArray, timesteps: ArrayLike<number>): T {
    const where = `${this.className}.addNoise`;
    checkFloatArray(original, 'original', where);
    checkFloatArray(noise, 'noise', where);
    if (noise.length !== original.length) {
      throw new SchedulerUsageError(
        'length-mismatch',
        `${where}: noise has length ${noise.length} but original has length ${original.length}; they must be equal.`,
      );
    }
    const batch = timesteps.length;
    if (batch < 1 || original.length % batch !== 0) {
      throw new SchedulerUsageError(
        'length-mismatch',
        `${where}: needs one timestep per batch item, and original's length (${original.length}) must divide into ${batch} equal items; got ${batch} timesteps.`,
      );
    }
    const coefficients = Array.from(timesteps, (t, b) => this.noiseCoefficients(t, `${where} (timesteps[${b}])`));
    return mixSignalAndNoise(original, noise, coefficients);
  }

  /** The coefficients of x_0 and eps at timestep `t` for `addNoise`; VP by default. */
  protected noiseCoefficients(t: number, where: string): NoiseCoefficients {
    return vpNoiseCoefficients(this.trainingAlphaCumprod(t, where));
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

  /** Rejects a step count that is not an integer from 1 to `num_train_timesteps` (first thing `setTimesteps` does). */
  protected checkInferenceSteps(n: number): void {
    const numTrain = this.config.num_train_timesteps;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > numTrain) {
      throw new SchedulerConfigError(
        'num_inference_steps',
        [`an integer from 1 to ${numTrain}`],
        n,
        `${this.className}.setTimesteps: num_inference_steps must be an integer from 1 to num_train_timesteps (${numTrain}); got ${describeValue(n)}.`,
      );
    }
  }

  /**
   * A copy of custom timesteps (the `timesteps=[...]` of diffusers' `set_timesteps`, for the schedulers that take
   * them) after checking they are distinct integers in 0..T-1, descending.
   */
  protected checkCustomTimesteps(timesteps: readonly number[]): number[] {
    const numTrain = this.config.num_train_timesteps;
    const bad = timesteps.findIndex(
      (t, i) =>
        typeof t !== 'number' ||
        !Number.isInteger(t) ||
        t < 0 ||
        t > numTrain - 1 ||
        (i > 0 && !(t < timesteps[i - 1]!)),
    );
    if (timesteps.length === 0 || bad >= 0) {
      const accepted = `a descending list of distinct integers from 0 to ${numTrain - 1}`;
      const got = bad >= 0 ? `timesteps[${bad}] = ${describeValue(timesteps[bad])}` : 'an empty list';
      throw new SchedulerConfigError(
        'timesteps',
        [accepted],
        timesteps,
        `${this.className}.setTimesteps: custom timesteps must be ${accepted}; got ${got}.`,
      );
    }
    return [...timesteps];
  }

  /** Stores the inference timesteps of `setTimesteps(n)` after checking each lies within 0..T-1. */
  protected acceptTimesteps(n: number, timesteps: number[]): void {
    const numTrain = this.config.num_train_timesteps;
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
    this.inferenceTimesteps = timesteps;
    this.inferenceSteps = timesteps.length;
  }

  /** The number of inference steps; throws unless `setTimesteps` has run. */
  protected requireTimesteps(method: string): number {
    const n = this.inferenceSteps;
    if (n === undefined) {
      throw new SchedulerUsageError(
        'timesteps-not-set',
        `${this.className}.${method}: call setTimesteps(n) first; it chooses the n inference timesteps that ${method} works with.`,
      );
    }
    return n;
  }

  /** The position of `t` in the inference timesteps (the first, if it repeats), or a clear error when absent. */
  protected indexOfTimestep(t: number, method: string): number {
    const index = this.inferenceTimesteps.indexOf(t);
    if (index < 0) throw this.unknownTimestep(t, method);
    return index;
  }

  /**
   * The index of `t` in the timesteps as diffusers' `index_for_timestep` picks it: the second occurrence when
   * `t` repeats (so a run started mid-schedule does not skip a sigma), else the only one; undefined when absent.
   */
  protected timestepIndex(t: number): number | undefined {
    const first = this.inferenceTimesteps.indexOf(t);
    if (first < 0) return undefined;
    const second = this.inferenceTimesteps.indexOf(t, first + 1);
    return second >= 0 ? second : first;
  }

  /**
   * Checks a step counter (diffusers' `step_index`) against the call's `t` and returns the index of the step:
   * `counter` itself, or when it is undefined (the first call after `setTimesteps`) the index of `t`. The
   * scheduler stores the result and advances it after each step.
   */
  protected checkStepCounter(counter: number | undefined, t: number, method: string): number {
    const n = this.requireTimesteps(method);
    const index = counter ?? this.timestepIndex(t);
    if (index === undefined) throw this.unknownTimestep(t, method);
    if (index >= n) {
      throw new SchedulerUsageError(
        'timestep-out-of-order',
        `${this.className}.${method}: all ${n} steps are done; call setTimesteps(n) to sample again.`,
      );
    }
    if (this.inferenceTimesteps[index] !== t) {
      if (this.timestepIndex(t) === undefined) throw this.unknownTimestep(t, method);
      throw new SchedulerUsageError(
        'timestep-out-of-order',
        `${this.className}.${method}: expected t=${this.inferenceTimesteps[index]} (step ${index + 1} of ${n}) but got t=${t}; ` +
          'this scheduler keeps state between steps, so pass scheduler.timesteps in order, or call setTimesteps(n) to start again.',
      );
    }
    return index;
  }

  /** The error for a timestep that is not in `timesteps`. */
  protected unknownTimestep(t: number, method: string): SchedulerUsageError {
    const ts = this.inferenceTimesteps;
    const shown = ts.length <= 8 ? ts.join(', ') : `${ts.slice(0, 4).join(', ')}, ..., ${ts.at(-1)}`;
    return new SchedulerUsageError(
      'unknown-timestep',
      `${this.className}.${method}: t=${describeValue(t)} is not one of the ${ts.length} inference timesteps [${shown}]; pass a value from scheduler.timesteps.`,
    );
  }
}
