import { describeValue, SchedulerConfigError } from '../schedules/SchedulerConfigError';

/** A diffusers `scheduler_config.json` object as parsed from JSON: snake_case keys, any values. */
export type RawSchedulerConfig = Readonly<Record<string, unknown>>;

const quote = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * Reads keys of a diffusers `scheduler_config.json` with diffusers' rules: a missing key or `null` (Python's
 * None) takes the default; keys nobody asks for, including `_class_name` and `_diffusers_version`, are
 * ignored. Every invalid value throws a {@link SchedulerConfigError} naming the key and what it accepts.
 */
export class ConfigReader {
  private readonly raw: RawSchedulerConfig;

  /** `className` starts every error message; without one, messages start with the key. */
  constructor(
    raw: unknown,
    private readonly className = '',
  ) {
    if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
      throw new SchedulerConfigError(
        'config',
        ['an object with diffusers scheduler_config.json keys'],
        raw,
        `${this.prefix}the config must be an object (the parsed scheduler_config.json); got ${describeValue(raw)}.`,
      );
    }
    this.raw = (raw ?? {}) as RawSchedulerConfig;
  }

  private get prefix(): string {
    return this.className ? `${this.className}: ` : '';
  }

  private value(key: string): unknown {
    const v = this.raw[key];
    return v === null ? undefined : v;
  }

  /** Throws the standard error for `key`. */
  fail(key: string, accepted: readonly string[], received: unknown, expectation: string, advice = ''): never {
    throw new SchedulerConfigError(
      key,
      accepted,
      received,
      `${this.prefix}${key} must be ${expectation}; got ${describeValue(received)}.${advice ? ` ${advice}` : ''}`,
    );
  }

  /** An integer in [min, max]. */
  integer(key: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.value(key) ?? fallback;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
      this.fail(key, [range], v, range);
    }
    return v;
  }

  /** A number (finite unless `allowInfinite`) accepted by `isValid`, which `expectation` describes. */
  number(
    key: string,
    fallback: number,
    expectation = 'a finite number',
    isValid: (x: number) => boolean = () => true,
    allowInfinite = false,
  ): number {
    const v = this.value(key) ?? fallback;
    if (typeof v !== 'number' || Number.isNaN(v) || (!allowInfinite && !Number.isFinite(v)) || !isValid(v)) {
      this.fail(key, [expectation], v, expectation);
    }
    return v;
  }

  /** A number accepted by `isValid`, or null when absent. */
  optionalNumber(key: string, expectation: string, isValid: (x: number) => boolean): number | null {
    const v = this.value(key);
    if (v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || !isValid(v))
      this.fail(key, [expectation, 'null'], v, `${expectation} or null`);
    return v;
  }

  /** A JSON boolean. */
  boolean(key: string, fallback: boolean): boolean {
    const v = this.value(key) ?? fallback;
    if (typeof v !== 'boolean') this.fail(key, ['true', 'false'], v, 'true or false');
    return v;
  }

  /**
   * One of `accepted`. `aliases` maps older diffusers spellings to their current value (diffusers rewrites
   * them the same way); `unsupported` lists diffusers values this kit rejects, with the reason.
   */
  choice<T extends string>(
    key: string,
    fallback: T,
    accepted: readonly T[],
    options: { aliases?: Readonly<Record<string, T>>; unsupported?: Readonly<Record<string, string>> } = {},
  ): T {
    const v = this.value(key) ?? fallback;
    if (typeof v === 'string') {
      if ((accepted as readonly string[]).includes(v)) return v as T;
      const alias = options.aliases?.[v];
      if (alias !== undefined) return alias;
      const why = options.unsupported?.[v];
      if (why !== undefined) {
        this.fail(
          key,
          accepted,
          v,
          `one of ${quote(accepted)}`,
          `diffusers knows '${v}', but diffusion-kit does not support it: ${why}.`,
        );
      }
    }
    this.fail(key, accepted, v, `one of ${quote(accepted)}`);
  }

  /** `false` (or absent): for diffusers features this kit does not implement; `why` says what to do instead. */
  unsupportedFeature(key: string, why: string): false {
    const v = this.value(key) ?? false;
    if (v !== false) this.fail(key, ['false'], v, 'false (the feature is not supported by diffusion-kit)', why);
    return false;
  }

  /** null (or absent): for diffusers keys whose non-null values this kit does not implement. */
  absent(key: string, why: string): null {
    const v = this.value(key);
    if (v !== undefined)
      this.fail(key, ['null'], v, 'null or absent (other values are not supported by diffusion-kit)', why);
    return null;
  }

  /** A string, or null when absent. */
  optionalString(key: string, expectation = 'a string'): string | null {
    const v = this.value(key);
    if (v === undefined) return null;
    if (typeof v !== 'string') this.fail(key, [expectation, 'null'], v, `${expectation} or null`);
    return v;
  }

  /** An array of numbers, or null when absent. Element checks are left to the caller. */
  numberArray(key: string): readonly number[] | null {
    const v = this.value(key);
    if (v === undefined) return null;
    if (!Array.isArray(v) && !ArrayBuffer.isView(v))
      this.fail(key, ['an array of numbers', 'null'], v, 'an array of numbers or null');
    return Array.from(v as ArrayLike<number>);
  }
}
