import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False on the server and in the render that hydrates the server's markup; true in every client render after
 * that, and from the first render of a client-only mount. React re-renders a hydrated component with `true`
 * right after hydration, so work kept off the server (and out of the markup to hydrate) is done then.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
