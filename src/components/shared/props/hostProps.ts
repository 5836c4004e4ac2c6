import { isValidElement, type CSSProperties, type ForwardedRef, type HTMLAttributes, type ReactElement } from 'react';
import { describeValue, isPlainObject, type Checked } from './propChecks';

/**
 * The host's attributes a figure takes on its root: those of a `<div>`, less `children` (the figure draws
 * its own) and `dangerouslySetInnerHTML` (which cannot go with children: React throws).
 */
export type FigureHostProps = Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'dangerouslySetInnerHTML'>;

/** A figure's caption and accessible name: text, or a React element (e.g. with markup in it). */
export type FigureLabel = string | ReactElement;

/** The longest label accepted, in characters. */
export const MAX_LABEL_LENGTH = 1000;

/** Checks a label prop: a string of at most {@link MAX_LABEL_LENGTH} characters, or a React element. */
export function checkLabel(prop: string, value: unknown): Checked<FigureLabel> {
  if (typeof value === 'string') {
    return value.length <= MAX_LABEL_LENGTH
      ? { value }
      : {
          problem: {
            prop,
            message: `${prop} must be a string of at most ${MAX_LABEL_LENGTH} characters or a React element; got ${value.length} characters.`,
          },
        };
  }
  if (isValidElement(value)) return { value };
  return { problem: { prop, message: `${prop} must be a string or a React element; got ${describeValue(value)}.` } };
}

/** The text of a label for an `aria-label` (a React element names the figure through its caption instead). */
export function labelText(label: FigureLabel | undefined): string | undefined {
  return typeof label === 'string' ? label : undefined;
}

/** A CSS property as React takes it: camelCase (`backgroundColor`, `WebkitMask`) or a custom property (`--x`). */
const STYLE_PROPERTY = /^(--[\w-]+|[a-zA-Z][a-zA-Z0-9]*)$/;
/**
 * Members of CSSStyleDeclaration that are not properties: React would assign them and the browser throw (or replace
 * every declaration).
 */
const STYLE_MEMBERS = /* @__PURE__ */ new Set([
  'length',
  'parentRule',
  'cssText',
  'item',
  'getPropertyValue',
  'getPropertyPriority',
  'setProperty',
  'removeProperty',
]);

/**
 * Checks a style object: CSS property names (camelCase or `--custom`) to strings or finite numbers. Anything
 * else is left out: values that would print `NaN` or `[object Object]`, and keys a browser throws on when
 * React assigns them (`length`, `0`, ...).
 */
export function sanitizeStyle(style: unknown): CSSProperties | undefined {
  try {
    if (!isPlainObject(style)) return undefined;
    const out: Record<string, string | number> = {};
    for (const key of Object.keys(style)) {
      if (!STYLE_PROPERTY.test(key) || STYLE_MEMBERS.has(key)) continue;
      const v = style[key];
      if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    }
    return out as CSSProperties;
  } catch {
    // A style that cannot be read is left out, as the rest of the host's attributes that cannot be read.
    return undefined;
  }
}

const EVENT_HANDLER = /^on[A-Z]/;

/**
 * The host's attributes for the root, as a plain `<div>` takes them but without its ways to throw or to
 * print `[object Object]`: `className` only as a string, `style` only as an object of strings and numbers,
 * event handlers only as functions, other attributes only as strings, finite numbers or booleans;
 * `children` and `dangerouslySetInnerHTML` never (the figure draws its own content). `own` are the
 * figure's own props, which are not attributes. Never throws.
 */
export function sanitizeHostProps(props: Readonly<Record<string, unknown>>, own: ReadonlySet<string>): FigureHostProps {
  const out: Record<string, unknown> = {};
  let keys: string[];
  try {
    keys = Object.keys(props);
  } catch {
    return out;
  }
  for (const key of keys) {
    if (own.has(key) || key === 'children' || key === 'dangerouslySetInnerHTML' || key === 'ref' || key === 'key')
      continue;
    let value: unknown;
    try {
      value = props[key];
      if (key === 'className') {
        if (typeof value === 'string') out.className = value;
      } else if (key === 'style') {
        const style = sanitizeStyle(value);
        if (style) out.style = style;
      } else if (EVENT_HANDLER.test(key)) {
        if (typeof value === 'function') out[key] = value;
      } else if (
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value))
      ) {
        out[key] = value;
      }
    } catch {
      // An attribute that cannot be read is left out, as an invalid one would be.
    }
  }
  return out as FigureHostProps;
}

/** The forwarded ref when it is one React can attach (a function or a ref object), else null. */
export function safeRef<T>(ref: ForwardedRef<T>): ForwardedRef<T> {
  return typeof ref === 'function' || (typeof ref === 'object' && ref !== null) ? ref : null;
}

/**
 * A sanitiser cached per object: the same (unchanged) object from the host gives the same sanitised copy,
 * so the figure's memoised work keyed on it is kept across renders. Primitives are not cached.
 */
export function cachedByObject<T>(check: (value: unknown) => Checked<T>): (value: unknown) => Checked<T> {
  const cache = new WeakMap<object, Checked<T>>();
  return (value) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return check(value);
    const hit = cache.get(value);
    if (hit) return hit;
    const result = check(value);
    cache.set(value, result);
    return result;
  };
}

/**
 * A module's memory of the sanitised copies it made. The function it returns takes a copy made here back as it is
 * (checked already) and otherwise runs `sanitize` on the value, remembering the copy it gives when that is an object.
 */
export function createCopyOnce(): <T>(value: unknown, sanitize: (value: unknown) => Checked<T>) => Checked<T> {
  const copies = new WeakSet<object>();
  return <T>(value: unknown, sanitize: (value: unknown) => Checked<T>): Checked<T> => {
    if (typeof value === 'object' && value !== null && copies.has(value)) return { value: value as T };
    const result = sanitize(value);
    if (typeof result.value === 'object' && result.value !== null) copies.add(result.value);
    return result;
  };
}
