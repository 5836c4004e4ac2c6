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

/** The longest part of a given string quoted in a message. */
const QUOTE_LENGTH = 40;

/**
 * A short description of any received value for a message, the engine's errors and the components' prop
 * problems alike: strings quoted (and cut short), numbers as written, arrays by length, anything else by kind.
 * Never throws, whatever the value (a Symbol, a BigInt, a Proxy whose traps throw).
 */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return `'${value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}…` : value}'`;
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(value);
      case 'bigint':
        return 'a BigInt';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      default:
        if (value === null) return 'null';
        if (Array.isArray(value)) return `an array of ${value.length}`;
        if (ArrayBuffer.isView(value)) return 'a typed array';
        return 'object';
    }
  } catch {
    return 'a value that cannot be read';
  }
}
