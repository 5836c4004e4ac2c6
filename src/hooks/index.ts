export { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
export { usePrefersReducedMotion } from './usePrefersReducedMotion';
export { useSharedEngine } from './useSharedEngine';
export { acquireEngine, releaseEngine, liveEngineCount, type SharedEngine, type EngineState } from './sharedEngine';
