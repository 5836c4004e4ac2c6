/** Why a scheduler call was refused; see {@link SchedulerUsageError}. */
export type SchedulerUsageErrorCode =
  /** `step`, `scaleModelInput` (or a schedule-dependent call) came before `setTimesteps(n)`. */
  | 'timesteps-not-set'
  /** The timestep is not one of `scheduler.timesteps` (or not a training timestep, for `addNoise`). */
  | 'unknown-timestep'
  /** A multistep scheduler was stepped out of order, or past its last step. */
  | 'timestep-out-of-order'
  /** Arrays that must have equal lengths do not. */
  | 'length-mismatch'
  /** A stochastic step got neither `options.rng` nor `options.noise`, or got both. */
  | 'noise-required'
  /** An option or argument has a value the call cannot use. */
  | 'invalid-argument';

/** Thrown when a scheduler is called the wrong way: wrong order of calls, unknown timestep, wrong lengths. */
export class SchedulerUsageError extends Error {
  /** A stable, machine-readable reason. */
  readonly code: SchedulerUsageErrorCode;

  constructor(code: SchedulerUsageErrorCode, message: string) {
    super(message);
    this.name = 'SchedulerUsageError';
    this.code = code;
  }
}
