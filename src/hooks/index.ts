export { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
export { usePrefersReducedMotion } from './usePrefersReducedMotion';
export { useSharedEngine } from './useSharedEngine';
export { acquireEngine, releaseEngine, liveEngineCount, type SharedEngine, type EngineState } from './sharedEngine';
export { usePropState, type PropStateOptions } from './usePropState';
export { useGridCursor, gridMoveOfKey, directionOfKey, type GridCursor, type GridCursorOptions, type GridMove, type GridDirection } from './useGridCursor';
