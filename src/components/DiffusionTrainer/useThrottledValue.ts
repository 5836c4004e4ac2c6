import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once every `ms` (the latest one wins, after the wait). For work that follows
 * a fast-changing value but need not see every change: the figure's score-error chart follows the weights
 * twice a second, not at every progress report.
 */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = last.current + ms - performance.now();
    const pass = () => {
      last.current = performance.now();
      setShown(() => value);
    };
    if (wait <= 0) {
      pass();
      return;
    }
    const id = setTimeout(pass, wait);
    return () => clearTimeout(id);
  }, [value, shown, ms]);
  return shown;
}
