/**
 * Thrown when a value given to a noise schedule or a scheduler is not accepted: a key of a diffusers
 * `scheduler_config.json` (`beta_schedule`, `num_train_timesteps`, ...) or a named argument that belongs to
 * that configuration (`num_inference_steps`). `key` uses diffusers' spelling, so it matches the JSON file.
 */
export class SchedulerConfigError extends RangeError {
  /** The offending key, spelt as in diffusers' `scheduler_config.json` (e.g. `beta_schedule`). */
  readonly key: string;
  /** What the key accepts: the allowed values, or one phrase describing the allowed range. */
  readonly accepted: readonly string[];
  /** The value that was given. */
  readonly received: unknown;

  constructor(key: string, accepted: readonly string[], received: unknown, message: string) {
    super(message);
    this.name = 'SchedulerConfigError';
    this.key = key;
    this.accepted = accepted;
    this.received = received;
  }
}

/** A short, unambiguous rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
