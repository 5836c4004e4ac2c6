import { useEffect, useState } from 'react';

/**
 * A number that changes whenever the page's theme may have changed: a `data-theme`, `class` or `style` change on
 * `<html>` or `<body>` (how Docusaurus, Starlight and most sites switch), or a change of the reader's
 * `prefers-color-scheme`. Canvas figures redraw on it, since their colours are read once per drawing
 * ({@link readThemeColor}), not followed by CSS.
 */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const bump = () => setVersion((n) => n + 1);
    const observer = typeof MutationObserver === 'function' ? new MutationObserver(bump) : null;
    const options = { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] };
    observer?.observe(document.documentElement, options);
    if (document.body) observer?.observe(document.body, options);
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener?.('change', bump);
    return () => {
      observer?.disconnect();
      media?.removeEventListener?.('change', bump);
    };
  }, []);
  return version;
}
