import { useMemo } from 'react';

// Each object's key is computed once: a re-render (a t change) does not re-serialise thousands of points.
const keys = /* @__PURE__ */ new WeakMap<object, string>();

/**
 * What a prop is compared by: a primitive itself, an object its JSON (so a new but equal inline object is the
 * same), or an object that cannot be serialised its identity.
 */
export function valueKey(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  let key = keys.get(value);
  if (key === undefined) {
    try {
      key = JSON.stringify(value);
    } catch {
      // Not serialisable (a figure's validation layer never passes such a value): its identity is its key.
      return value;
    }
    keys.set(value, key);
  }
  return key;
}

/** `compute(value)`, computed again only when the value changes by content (see {@link valueKey}). */
export function useMemoByValue<T, R>(value: T, compute: (value: T) => R): R {
  // By design the memo is keyed by the value's content, not its identity, and `compute` is not a dependency.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  return useMemo(() => compute(value), [valueKey(value)]);
}
