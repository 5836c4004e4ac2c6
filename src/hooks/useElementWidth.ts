import { useEffect, useState } from 'react';

/**
 * The content-box width of `element` in CSS pixels, following it with a ResizeObserver. Null until known: on
 * the server, before the first observation, with no element, and where ResizeObserver is missing (callers then
 * keep their preferred size).
 */
export function useElementWidth(element: Element | null): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') {
      setWidth(null);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      // Whole pixels: sub-pixel jitter must not redraw the grid.
      if (box) setWidth(Math.floor(box.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
