/**
 * Prop validation that never throws into the host page: each check returns a problem (the prop's name,
 * what it got and the accepted range) or null; a component shows the first problem inline instead of a
 * figure, and warns once in the console.
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

function describeRange({ min, max, minExclusive, integer }: NumberRange): string {
  const kind = integer ? 'an integer' : 'a number';
  if (min !== undefined && max !== undefined) return `${kind} ${minExclusive ? 'above' : 'from'} ${min} ${minExclusive ? 'and up' : ''} to ${max}`.replace('  ', ' ');
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
  return ok ? null : { prop, message: `${prop} must be ${describeRange(range)}; got ${formatValue(value)}.` };
}

/** Checks that `value` is one of `accepted`. */
export function checkOneOf<T extends string>(prop: string, value: unknown, accepted: readonly T[]): PropProblem | null {
  return accepted.includes(value as T)
    ? null
    : { prop, message: `${prop} must be one of ${accepted.map((a) => `'${a}'`).join(', ')}; got ${formatValue(value)}.` };
}

/** The first problem of a list of checks, or null when every check passed. */
export function firstProblem(...checks: Array<PropProblem | null | undefined>): PropProblem | null {
  for (const c of checks) if (c) return c;
  return null;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  return Array.isArray(value) ? `an array of ${value.length}` : typeof value;
}
