import { useEffect, useState } from 'react';

/**
 * Whether `element` meets the viewport grown by `rootMargin` (CSS margin syntax; percentages are of the
 * viewport, so '100% 0px' reaches one screen above and below). Null until known: on the server, before the
 * first observation, and with no element. Where IntersectionObserver is missing the element counts as in view,
 * so a figure still works, only without the saving.
 */
export function useInView(element: Element | null, rootMargin = '0px'): boolean | null {
  const [inView, setInView] = useState<boolean | null>(null);
  useEffect(() => {
    if (!element) {
      setInView(null);
      return;
    }
    if (typeof IntersectionObserver === 'undefined') {
      setInView(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setInView(last.isIntersecting);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, rootMargin]);
  return inView;
}
