import { describeValue } from '../../../engine/internal';

// The one rendering of a received value in a message, shared with the engine's own errors (a BigInt, a Symbol, a
// Proxy whose traps throw: never throws). Re-exported so that every prop check takes it from here.
export { describeValue };

/**
 * Prop validation that never throws into the host page: each check returns a problem (the prop's name,
 * what it got and the accepted range) or null; a component shows the first problem inline instead of a
 * figure, and warns once in the console. Every check, and every message, works on any value a host can
 * pass: a Symbol, a BigInt, a circular object, a Proxy whose traps throw, an object whose getters throw.
 */
export interface PropProblem {
  /** The prop at fault. */
  prop: string;
  /** What is wrong and what is accepted, in one sentence. */
  message: string;
}

export interface NumberRange {
  /** Smallest accepted value (inclusive unless `minExclusive`). */
  min?: number;
  /** Largest accepted value (inclusive). */
  max?: number;
  /** The lower bound itself is not accepted (e.g. std > 0). */
  minExclusive?: boolean;
  /** Only integers are accepted. */
  integer?: boolean;
}

/** A range in words, e.g. 'an integer from 1 to 256' (the messages' and the docs' wording). */
export function describeRange({ min, max, minExclusive, integer }: NumberRange): string {
  const kind = integer ? 'an integer' : 'a number';
  if (min !== undefined && max !== undefined)
    return `${kind} ${minExclusive ? 'above' : 'from'} ${min} ${minExclusive ? 'and up' : ''} to ${max}`.replace(
      '  ',
      ' ',
    );
  if (min !== undefined) return `${kind} ${minExclusive ? 'greater than' : 'at least'} ${min}`;
  if (max !== undefined) return `${kind} at most ${max}`;
  return `a finite ${integer ? 'integer' : 'number'}`;
}

/** Checks that `value` is a finite number within `range`. */
export function checkNumber(prop: string, value: unknown, range: NumberRange = {}): PropProblem | null {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    (range.min === undefined || (range.minExclusive ? value > range.min : value >= range.min)) &&
    (range.max === undefined || value <= range.max);
  return ok ? null : { prop, message: `${prop} must be ${describeRange(range)}; got ${describeValue(value)}.` };
}

/** Checks that `value` is one of `accepted`. */
export function checkOneOf<T extends string>(prop: string, value: unknown, accepted: readonly T[]): PropProblem | null {
  return typeof value === 'string' && accepted.includes(value as T)
    ? null
    : {
        prop,
        message: `${prop} must be one of ${accepted.map((a) => `'${a}'`).join(', ')}; got ${describeValue(value)}.`,
      };
}

/** Checks that `value` is true or false. */
export function checkBoolean(prop: string, value: unknown): PropProblem | null {
  return typeof value === 'boolean'
    ? null
    : { prop, message: `${prop} must be true or false; got ${describeValue(value)}.` };
}

/** Options of {@link checkString}. */
export interface StringLimits {
  /** The longest string accepted, in UTF-16 code units. */
  maxLength: number;
  /** The empty string is refused. */
  nonEmpty?: boolean;
}

/** Checks that `value` is a string of at most `maxLength` characters (and not empty when asked). */
export function checkString(prop: string, value: unknown, { maxLength, nonEmpty }: StringLimits): PropProblem | null {
  const what = `${nonEmpty ? 'a non-empty string' : 'a string'} of at most ${maxLength} characters`;
  if (typeof value !== 'string') return { prop, message: `${prop} must be ${what}; got ${describeValue(value)}.` };
  if (value.length > maxLength) return { prop, message: `${prop} must be ${what}; got ${value.length} characters.` };
  if (nonEmpty && value.length === 0) return { prop, message: `${prop} must be ${what}; got ''.` };
  return null;
}

/** Checks that `value` is a function (a callback prop). */
export function checkFunction(prop: string, value: unknown): PropProblem | null {
  return typeof value === 'function'
    ? null
    : { prop, message: `${prop} must be a function; got ${describeValue(value)}.` };
}

/** The first problem of a list of checks, or null when every check passed. */
export function firstProblem(...checks: Array<PropProblem | null | undefined>): PropProblem | null {
  for (const c of checks) if (c) return c;
  return null;
}

/** A plain object: `{ ... }` or `Object.create(null)`, not an array, a function, a Date, a Map, a Promise, ... */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The message of something thrown, for a problem's text (never throws). */
export function errorText(error: unknown): string {
  try {
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : describeValue(error);
    return message.length > 200 ? `${message.slice(0, 200)}…` : message;
  } catch {
    return 'an unreadable error';
  }
}

/** A checked value: the sanitised copy to use, or the problem with it. */
export type Checked<T> = { value: T; problem?: null } | { problem: PropProblem; value?: undefined };

/** `{ value }`, or `{ problem }` when there is one. */
export function checked<T>(problem: PropProblem | null, value: T): Checked<T> {
  return problem ? { problem } : { value };
}

/**
 * Runs a check, turning anything it throws (a getter that throws, a revoked Proxy, a stack overflow in a
 * deeply nested value) into a problem naming the prop.
 */
export function safeCheck<T>(prop: string, check: () => Checked<T>): Checked<T> {
  try {
    return check();
  } catch (error) {
    return { problem: { prop, message: `${prop} could not be read: ${errorText(error)}` } };
  }
}

/**
 * Reads and checks the props of a figure, in order, keeping the first problem. Each reader returns the
 * sanitised value (or the default when the prop is undefined, or when it is invalid: then `problem` is set
 * and the figure shows the message instead). Nothing it does can throw.
 */
export class PropValidator {
  private first: PropProblem | null = null;

  constructor(private readonly props: Readonly<Record<string, unknown>>) {}

  /** The first problem found so far, or null. */
  get problem(): PropProblem | null {
    return this.first;
  }

  /** Records a problem (only the first one is kept). */
  report(problem: PropProblem | null | undefined): void {
    if (problem && !this.first) this.first = problem;
  }

  /** The raw value of a prop. */
  raw(name: string): unknown {
    try {
      return this.props[name];
    } catch {
      return undefined;
    }
  }

  /** Prop `name`: `fallback` when undefined, else `check`'s sanitised value (`fallback` on a problem). */
  read<T>(name: string, fallback: T, check: (value: unknown) => Checked<T>): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const result = safeCheck(name, () => check(value));
    if (result.problem) {
      this.report(result.problem);
      return fallback;
    }
    return result.value as T;
  }

  number(name: string, fallback: number, range: NumberRange = {}): number {
    return this.read(name, fallback, (v) => checked(checkNumber(name, v, range), v as number));
  }

  /** A number, or undefined when left out. */
  optionalNumber(name: string, range: NumberRange = {}): number | undefined {
    return this.read<number | undefined>(name, undefined, (v) => checked(checkNumber(name, v, range), v as number));
  }

  oneOf<T extends string>(name: string, fallback: T, accepted: readonly T[]): T {
    return this.read(name, fallback, (v) => checked(checkOneOf(name, v, accepted), v as T));
  }

  boolean(name: string, fallback: boolean): boolean {
    return this.read(name, fallback, (v) => checked(checkBoolean(name, v), v as boolean));
  }

  string(name: string, fallback: string, limits: StringLimits): string {
    return this.read(name, fallback, (v) => checked(checkString(name, v, limits), v as string));
  }

  /** A callback, or undefined when left out. */
  callback<F extends (...args: never[]) => unknown>(name: string): F | undefined {
    return this.read<F | undefined>(name, undefined, (v) => checked(checkFunction(name, v), v as F));
  }
}
