import { useState } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';

/**
 * How many of `total` items to show: all of them at once, or, when `animate`, a count that rises from 1 to
 * `total` over `durationMs` (quadratic easing, so the first samples appear one by one). Restarts whenever
 * `restartKey` changes. The server render and the first client render show everything.
 */
export function useProgressiveCount(
  total: number,
  animate: boolean,
  durationMs: number,
  restartKey: unknown,
): { shown: number; running: boolean } {
  const [shown, setShown] = useState(total);
  const [running, setRunning] = useState(false);
  useIsomorphicLayoutEffect(() => {
    if (!animate || typeof requestAnimationFrame !== 'function' || durationMs <= 0) {
      setShown(total);
      setRunning(false);
      return;
    }
    let frame = 0;
    let start: number | null = null;
    setShown(Math.min(1, total));
    setRunning(true);
    const tick = (now: number) => {
      start ??= now;
      const f = Math.min(1, (now - start) / durationMs);
      setShown(Math.max(1, Math.round(total * f * f)));
      if (f < 1) frame = requestAnimationFrame(tick);
      else setRunning(false);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [total, animate, durationMs, restartKey]);
  return { shown: Math.min(shown, total), running };
}
