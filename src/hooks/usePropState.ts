import { useState, type Dispatch, type SetStateAction } from 'react';

/** Options of {@link usePropState}. */
export interface PropStateOptions<P, T> {
  /** Whether the prop is still the same (default `Object.is`); a different one resets the state. */
  same?: (a: P, b: P) => boolean;
  /** The state a prop gives (default: the prop itself). */
  init?: (prop: P) => T;
}

/**
 * State that follows a prop: it starts as `init(prop)` (the prop itself by default) and goes back to it
 * whenever the prop changes, as `same` sees it; in between, the setter changes it (built-in controls
 * change the state, a new prop from the host wins). The reset happens during render (React's "adjust
 * state while rendering" pattern), so no render shows a stale value.
 *
 * The prop is kept as a value even when it is a function (it is never called as an initialiser or an
 * updater). The setter is React's: it takes a value or an updater, so pass a function value as `() => fn`.
 */
export function usePropState<P, T>(
  prop: P,
  options: PropStateOptions<P, T> & { init: (prop: P) => T },
): [T, Dispatch<SetStateAction<T>>];
export function usePropState<T>(
  prop: T,
  options?: { same?: (a: T, b: T) => boolean },
): [T, Dispatch<SetStateAction<T>>];
export function usePropState<P, T>(
  prop: P,
  { same = Object.is, init }: PropStateOptions<P, T> = {},
): [T, Dispatch<SetStateAction<T>>] {
  const stateOf = () => (init ? init(prop) : (prop as unknown as T));
  const [value, setValue] = useState<T>(stateOf);
  const [seen, setSeen] = useState<P>(() => prop);
  // The identical prop is always the same (even NaN, or for a `same` that a value trips up), so an
  // unchanged prop can never reset the state on every render ("Too many re-renders").
  if (!Object.is(seen, prop) && !same(seen, prop)) {
    const next = stateOf();
    setSeen(() => prop);
    setValue(() => next);
  }
  return [value, setValue];
}
