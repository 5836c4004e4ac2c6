import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DeviceRequest } from '../engine';
import { acquireEngine, releaseEngine, type EngineState, type SharedEngine } from './sharedEngine';

const SERVER_STATE: EngineState = { status: 'loading', progress: {}, info: null, error: null };
const noop = () => () => {};

/**
 * The page's shared engine for a model: loaded once in a Worker whichever components ask for it, released
 * when the last of them unmounts. On the server (and before the first effect) it reports 'loading'.
 */
export function useSharedEngine(model?: string, device: DeviceRequest = 'auto'): { engine: SharedEngine | null; state: EngineState } {
  const [engine, setEngine] = useState<SharedEngine | null>(null);
  useEffect(() => {
    const e = acquireEngine(model, device);
    setEngine(e);
    return () => {
      setEngine(null);
      releaseEngine(e);
    };
  }, [model, device]);
  const state = useSyncExternalStore(
    engine ? engine.subscribe : noop,
    () => (engine ? engine.getState() : SERVER_STATE),
    () => SERVER_STATE,
  );
  return { engine, state };
}
