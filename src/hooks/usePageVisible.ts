import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** False while the page is hidden (a background tab, a minimised window); true otherwise and on the server. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
    () => true,
  );
}
