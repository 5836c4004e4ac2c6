import {
  createEngineWorker,
  type DeviceRequest,
  type EngineWorker,
  type FileProgress,
  type ModelInfo,
  type ModelSource,
} from '../engine';
import { defaultModelSource, type ModelFileMap } from '../engine/internal';

/** Where a shared engine stands, for components to show. */
export interface EngineState {
  status: 'loading' | 'ready' | 'error';
  /** Bytes loaded so far of each file, by file name. */
  progress: Record<string, FileProgress>;
  info: ModelInfo | null;
  error: Error | null;
}

/** One Worker and one loaded model per (model URL, device), shared by every component that asks for it. */
export interface SharedEngine {
  readonly key: string;
  readonly worker: EngineWorker;
  getState(): EngineState;
  subscribe(listener: () => void): () => void;
  /** Loads again after a failure (a 404, a corrupt file), in a new Worker when the old one has ended. */
  retry(): void;
}

interface Entry extends SharedEngine {
  users: number;
  releaseTimer: ReturnType<typeof setTimeout> | null;
  terminate(): void;
}

const engines = new Map<string, Entry>();

function makeEntry(key: string, source: ModelSource, device: DeviceRequest): Entry {
  const listeners = new Set<() => void>();
  let state: EngineState = { status: 'loading', progress: {}, info: null, error: null };
  const set = (next: Partial<EngineState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  let closed = false;
  // A Worker that ends on its own (crash, out of memory) puts the engine in error; Retry starts a new one.
  const start = (): EngineWorker => {
    const w = createEngineWorker();
    w.onExit((error) => {
      if (!closed && w === worker) set({ status: 'error', error, info: null });
    });
    return w;
  };
  let worker = start();
  let loads = 0;
  const load = () => {
    if (!worker.alive) worker = start();
    const current = worker;
    const attempt = ++loads;
    const stale = () => closed || attempt !== loads || current !== worker;
    set({ status: 'loading', error: null, progress: {}, info: null });
    current
      .load(source, { device, onProgress: (p) => !stale() && set({ progress: { ...state.progress, [p.file]: p } }) })
      .then((info) => !stale() && set({ status: 'ready', info }))
      .catch((error: Error) => !stale() && set({ status: 'error', error }));
  };
  load();
  return {
    key,
    get worker() {
      return worker;
    },
    users: 0,
    releaseTimer: null,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry: load,
    terminate() {
      closed = true;
      listeners.clear();
      void worker.terminate();
    },
  };
}

/** Takes a reference to the shared engine for a model (loading it on first use). Call `releaseEngine` when done. */
export function acquireEngine(model?: string | ModelFileMap, device: DeviceRequest = 'auto'): SharedEngine {
  const source = model ?? defaultModelSource();
  const key = `${device} ${typeof source === 'string' ? source : source.url}`;
  let entry = engines.get(key);
  if (!entry) {
    entry = makeEntry(key, source, device);
    engines.set(key, entry);
  }
  if (entry.releaseTimer) clearTimeout(entry.releaseTimer);
  entry.releaseTimer = null;
  entry.users++;
  return entry;
}

/**
 * Drops a reference; the last user's release frees the sessions and stops the Worker. The release waits a
 * moment, so a component that remounts at once (React StrictMode, a moved figure) keeps the loaded model.
 */
export function releaseEngine(engine: SharedEngine, delayMs = 1000): void {
  const entry = engines.get(engine.key);
  if (!entry || entry !== engine) return;
  entry.users--;
  if (entry.users > 0) return;
  entry.releaseTimer = setTimeout(() => {
    if (entry.users > 0) return;
    engines.delete(entry.key);
    entry.terminate();
  }, delayMs);
}

/** How many shared engines are alive (for tests: 0 once every user has gone). */
export function liveEngineCount(): number {
  return engines.size;
}
