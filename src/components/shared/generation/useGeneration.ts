import { useCallback, useEffect, useRef, useState } from 'react';
import { PauseController, type EngineWorker, type ModelInfo, type PauseSignal } from '../../../engine';
import { usePropState } from '../../../hooks/usePropState';
import type { EngineState, SharedEngine } from '../../../hooks/sharedEngine';

/**
 * The one path of the model-driven figures: props -> checked settings -> the figure's run (what is generated,
 * by content) -> this hook -> the frames the figure draws. Each figure describes only what a run does
 * ({@link GenerationTask}); loading, restarting on new inputs, aborting, pausing out of view and retrying are
 * done here, the same way for every figure.
 */

/** Where a figure's generation stands. */
export type GenerationPhase = 'idle' | 'loading' | 'generating' | 'done' | 'error';

/** When a generation runs. */
export interface GenerationGate {
  /** Nothing is loaded until then (phase 'idle'). */
  enabled: boolean;
  /** Whether to run once the model is loaded (default: `enabled`). */
  runs?: boolean;
  /** While false the running generation pauses between steps. */
  active: boolean;
}

/** What a run's work is given. */
export interface GenerationContext<R, P> {
  /** The run, as first seen with this content. */
  run: R;
  /** The loaded model. */
  info: ModelInfo;
  /** The shared engine's Worker (one generation at a time). */
  worker: EngineWorker;
  signal: AbortSignal;
  /** Holds the running generation between steps while the figure is out of view. */
  pause: PauseSignal;
  /** Reports progress (ignored once the run is aborted). */
  update: (change: (progress: P) => P) => void;
}

/** What a figure's run does on the loaded model. Keep it at module level, or memoised: it is read when a run starts. */
export interface GenerationTask<R, P> {
  /** The progress before the run has computed anything. */
  initial(run: R): P;
  /**
   * The run's work: one generation or several, one after another on the Worker, its progress reported through
   * `update`. Resolves 'done' or 'aborted'; rejects with the engine's error.
   */
  execute(context: GenerationContext<R, P>): Promise<'done' | 'aborted'>;
}

interface Current<P> {
  key: string;
  progress: P;
  done: boolean;
  error: Error | null;
}

/**
 * Runs `task` once per run on a shared engine (see `useSharedEngine`): the run is taken by content (an inline
 * scheduler config or array is a new object each render; only a change of content starts a new run). A new run
 * aborts the running one; unmounting aborts it. Nothing is loaded until `enabled`; while `active` is false the
 * running generation pauses between steps. `retry` reloads a model that failed to load, or runs again.
 */
export function useGeneration<R, P>(
  { engine, state }: { engine: SharedEngine | null; state: EngineState },
  run: R,
  { enabled, runs = enabled, active }: GenerationGate,
  task: GenerationTask<R, P>,
) {
  const pauseRef = useRef<PauseController | null>(null);
  const activeRef = useRef(active);
  const [attempt, setAttempt] = useState(0);
  const runKey = JSON.stringify(run) ?? 'undefined';
  const [started] = usePropState(runKey, { init: () => run });
  const key = `${runKey}#${attempt}`;
  const [current, setCurrent] = useState<Current<P> | null>(null);
  const info = state.status === 'ready' ? state.info : null;

  useEffect(() => {
    if (!runs || !engine || !info) return;
    const controller = new AbortController();
    const { signal } = controller;
    const pause = new PauseController();
    pause.setPaused(!activeRef.current);
    pauseRef.current = pause;
    setCurrent({ key, progress: task.initial(started), done: false, error: null });
    const update = (change: (progress: P) => P) => {
      if (!signal.aborted) setCurrent((c) => (c?.key === key ? { ...c, progress: change(c.progress) } : c));
    };
    task
      .execute({ run: started, info, worker: engine.worker, signal, pause: pause.signal, update })
      .then((outcome) => {
        if (outcome === 'done' && !signal.aborted) setCurrent((c) => (c?.key === key ? { ...c, done: true } : c));
      })
      .catch((error: Error) => {
        if (!signal.aborted) setCurrent((c) => (c?.key === key ? { ...c, error } : c));
      });
    return () => controller.abort();
  }, [runs, engine, info, key, started, task]);

  useEffect(() => {
    activeRef.current = active;
    pauseRef.current?.setPaused(!active);
  }, [active]);

  const shown: Current<P> =
    current?.key === key ? current : { key, progress: task.initial(started), done: false, error: null };
  const phase: GenerationPhase = !enabled
    ? 'idle'
    : state.status === 'error' || shown.error
      ? 'error'
      : state.status !== 'ready'
        ? 'loading'
        : shown.done
          ? 'done'
          : 'generating';
  const retry = useCallback(() => {
    if (state.status === 'error') engine?.retry();
    else setAttempt((a) => a + 1);
  }, [engine, state.status]);

  return {
    phase,
    /** The run's progress as its task reports it (its initial progress until the run starts). */
    progress: shown.progress,
    /** The run as first seen with this content (what the task runs). */
    run: started,
    error: state.status === 'error' ? state.error : shown.error,
    errorPhase: (state.status === 'error' ? 'load' : 'generate') as 'load' | 'generate',
    /** The run's key, new for each run and each retry. */
    runKey: key,
    retry,
    engineState: state,
  };
}
