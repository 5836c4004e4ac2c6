import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DeviceRequest } from '../engine';
import type { ModelFileMap } from '../engine/internal';
import { acquireEngine, releaseEngine, type EngineState, type SharedEngine } from './sharedEngine';

const SERVER_STATE: EngineState = { status: 'loading', progress: {}, info: null, error: null };
const noop = () => () => {};

/**
 * The page's shared engine for a model: loaded once in a Worker whichever components ask for it, released
 * when the last of them unmounts. On the server (and before the first effect) it reports 'loading'. While
 * `enabled` is false (a figure not yet scrolled into view) nothing is acquired: no Worker, no download.
 */
export function useSharedEngine(
  model?: string | ModelFileMap,
  device: DeviceRequest = 'auto',
  enabled = true,
): { engine: SharedEngine | null; state: EngineState } {
  const [engine, setEngine] = useState<SharedEngine | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const e = acquireEngine(model, device);
    setEngine(e);
    return () => {
      setEngine(null);
      releaseEngine(e);
    };
  }, [model, device, enabled]);
  const state = useSyncExternalStore(
    engine ? engine.subscribe : noop,
    () => (engine ? engine.getState() : SERVER_STATE),
    () => SERVER_STATE,
  );
  return { engine, state };
}
