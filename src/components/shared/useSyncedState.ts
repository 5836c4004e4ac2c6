import { useState } from 'react';

/**
 * State seeded from a prop that follows the prop whenever the prop changes (built-in controls change the
 * state; a new prop value from the host wins). Uses React's "adjust state during render" pattern, so there
 * is no extra render with a stale value.
 */
export function useSyncedState<T>(prop: T): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState(prop);
  const [seen, setSeen] = useState(prop);
  if (!Object.is(seen, prop)) {
    setSeen(prop);
    setValue(prop);
  }
  return [value, setValue];
}
