import { useCallback, useEffect, useRef, useState } from 'react';
import { GENERATION_DEFAULTS, PauseController, type GenerationFrame, type ModelInfo, type WorkerGenerateOptions } from '../../../engine';
import { usePropState } from '../../../hooks/usePropState';
import type { EngineState, SharedEngine } from '../../../hooks/sharedEngine';
import { runGeneration } from './runGeneration';

/** Where a step-by-step generation stands. */
export type GenerationPhase = 'idle' | 'loading' | 'generating' | 'done' | 'error';

/** What a figure makes of a generation's frames. Keep it at module level: it is read when a run starts. */
export interface FrameGenerationSpec<R, F, S> {
  /** The Worker's options for a run on the loaded model. */
  options(run: R, info: ModelInfo): WorkerGenerateOptions;
  /** What is kept of a frame, in the ref'd array. */
  keep(frame: GenerationFrame, info: ModelInfo): F;
  /** The numbers of a kept frame that React state holds, so that render needs no ref. */
  summarize(kept: F, frame: GenerationFrame): S;
}

/** When a {@link useFrameGeneration} runs. */
export interface FrameGenerationGate {
  /** Nothing is loaded until then (phase 'idle'). */
  enabled: boolean;
  /** Whether to generate once the model is loaded (default: `enabled`). */
  runs?: boolean;
  /** While false the running generation pauses between steps. */
  active: boolean;
}

interface Progress<S> {
  key: string;
  computed: number;
  done: boolean;
  error: Error | null;
  elapsedMs: number;
  summaries: S[];
}

const EMPTY: Omit<Progress<never>, 'key'> = { computed: 0, done: false, error: null, elapsedMs: 0, summaries: [] };

/**
 * Runs one generation per set of inputs on a shared engine (see `useSharedEngine`), keeping every frame (as
 * `spec.keep` makes it) in a ref'd array; React state holds only the counters and each frame's summary. The run
 * is taken by content (an inline scheduler config is a new object each render; the effect gets a new run only
 * when it changes). A change of inputs aborts the running generation and starts a new one; unmounting aborts it.
 */
export function useFrameGeneration<R extends Pick<WorkerGenerateOptions, 'steps'>, F, S>(
  { engine, state }: { engine: SharedEngine | null; state: EngineState },
  run: R,
  { enabled, runs = enabled, active }: FrameGenerationGate,
  spec: FrameGenerationSpec<R, F, S>,
) {
  const pauseRef = useRef<PauseController | null>(null);
  const activeRef = useRef(active);
  const framesRef = useRef<F[]>([]);
  const [attempt, setAttempt] = useState(0);
  const runKey = JSON.stringify(run);
  const [started] = usePropState(runKey, { init: () => run });
  const key = `${runKey}#${attempt}`;
  const [progress, setProgress] = useState<Progress<S>>({ key: '', ...EMPTY });
  const info = state.status === 'ready' ? state.info : null;

  useEffect(() => {
    if (!runs || !engine || !info) return;
    const controller = new AbortController();
    const pause = new PauseController();
    pause.setPaused(!activeRef.current);
    pauseRef.current = pause;
    const frames: F[] = [];
    framesRef.current = frames;
    setProgress({ key, ...EMPTY });
    runGeneration(engine.worker, spec.options(started, info), controller.signal, (frame) => {
      const kept = spec.keep(frame, info);
      frames.push(kept);
      setProgress((p) => ({ ...p, computed: frames.length, elapsedMs: frame.elapsedMs, summaries: [...p.summaries, spec.summarize(kept, frame)] }));
    }, pause.signal)
      .then((outcome) => {
        if (outcome === 'done' && !controller.signal.aborted) setProgress((p) => ({ ...p, done: true }));
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setProgress((p) => ({ ...p, error }));
      });
    return () => controller.abort();
  }, [runs, engine, info, key, started]);

  useEffect(() => {
    activeRef.current = active;
    pauseRef.current?.setPaused(!active);
  }, [active]);

  const current = progress.key === key ? progress : { key, ...EMPTY };
  const phase: GenerationPhase =
    !enabled ? 'idle' : state.status === 'error' || current.error ? 'error' : state.status !== 'ready' ? 'loading' : current.done ? 'done' : 'generating';
  const retry = useCallback(() => {
    if (state.status === 'error') engine?.retry();
    else setAttempt((a) => a + 1);
  }, [engine, state.status]);

  return {
    phase,
    /** Every frame kept so far, oldest first (read it in effects and handlers, not in render). */
    framesRef,
    computed: current.computed,
    total: run.steps ?? GENERATION_DEFAULTS.steps,
    elapsedMs: current.elapsedMs,
    /** Per computed frame, its summary. */
    summaries: current.summaries,
    error: state.status === 'error' ? state.error : current.error,
    errorPhase: (state.status === 'error' ? 'load' : 'generate') as 'load' | 'generate',
    /** The run's key, new for each run and each retry. */
    runKey: key,
    retry,
  };
}
