import { useCallback, useEffect, useRef, useState } from 'react';
import { GENERATION_DEFAULTS, PauseController, type DeviceRequest, type WorkerGenerateOptions } from '../../engine';
import { usePropState } from '../../hooks/usePropState';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { runForModel } from '../shared/generation/runForModel';
import { runGeneration, storeFrame, type StoredFrame } from '../shared/generation/runGeneration';

/** What is generated: the engine's options (a change of content restarts the generation). */
export type DenoiseRun = Pick<WorkerGenerateOptions, 'prompt' | 'classLabel' | 'count' | 'steps' | 'scheduler' | 'guidanceScale' | 'seed'>;

/** Where the figure stands. */
export type DenoisePhase = 'idle' | 'loading' | 'generating' | 'done' | 'error';

interface Progress {
  key: string;
  computed: number;
  done: boolean;
  error: Error | null;
  elapsedMs: number;
  /** The timestep of each computed frame (numbers only, so the readout needs no ref in render). */
  timesteps: number[];
}

const EMPTY: Omit<Progress, 'key'> = { computed: 0, done: false, error: null, elapsedMs: 0, timesteps: [] };

/**
 * Loads the shared model and runs one generation per set of inputs, keeping every frame (as display
 * bytes) in a ref'd array; React state holds only the counters. A change of inputs aborts the running
 * generation and starts a new one; unmounting aborts it and releases the engine. Nothing is loaded until
 * `enabled` ('idle' until then); while `active` is false the running generation pauses between steps.
 */
export function useDenoiseAnimator(model: string | undefined, device: DeviceRequest, run: DenoiseRun, enabled: boolean, active = true) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const pauseRef = useRef<PauseController | null>(null);
  const activeRef = useRef(active);
  const framesRef = useRef<StoredFrame[]>([]);
  const [attempt, setAttempt] = useState(0);
  // By content: an inline scheduler config is a new object each render; the effect gets a new run only when it changes.
  const runKey = JSON.stringify(run);
  const [started] = usePropState(runKey, { init: () => run });
  const key = `${runKey}#${attempt}`;
  const [progress, setProgress] = useState<Progress>({ key: '', ...EMPTY });
  const info = state.status === 'ready' ? state.info : null;

  useEffect(() => {
    if (!enabled || !engine || !info) return;
    const controller = new AbortController();
    const pause = new PauseController();
    pause.setPaused(!activeRef.current);
    pauseRef.current = pause;
    const frames: StoredFrame[] = [];
    framesRef.current = frames;
    setProgress({ key, ...EMPTY });
    // Only what the loaded model takes: no prompt without a text encoder, a class only for a class model.
    runGeneration(engine.worker, runForModel(started, info), controller.signal, (frame) => {
      frames.push(storeFrame(frame, info.manifest.image));
      setProgress((p) => ({ ...p, computed: frames.length, elapsedMs: frame.elapsedMs, timesteps: [...p.timesteps, frame.timestep] }));
    }, pause.signal)
      .then((outcome) => {
        if (outcome === 'done' && !controller.signal.aborted) setProgress((p) => ({ ...p, done: true }));
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setProgress((p) => ({ ...p, error }));
      });
    return () => controller.abort();
  }, [enabled, engine, info, key, started]);

  useEffect(() => {
    activeRef.current = active;
    pauseRef.current?.setPaused(!active);
  }, [active]);

  const current = progress.key === key ? progress : { key, ...EMPTY };
  const phase: DenoisePhase =
    !enabled ? 'idle' : state.status === 'error' || current.error ? 'error' : state.status !== 'ready' ? 'loading' : current.done ? 'done' : 'generating';
  const retry = useCallback(() => {
    if (state.status === 'error') engine?.retry();
    else setAttempt((a) => a + 1);
  }, [engine, state.status]);

  return {
    engine,
    engineState: state,
    phase,
    /** Every frame computed so far, oldest first (read it in effects and handlers, not in render). */
    framesRef,
    computed: current.computed,
    total: run.steps ?? GENERATION_DEFAULTS.steps,
    elapsedMs: current.elapsedMs,
    timesteps: current.timesteps,
    error: state.status === 'error' ? state.error : current.error,
    errorPhase: (state.status === 'error' ? 'load' : 'generate') as 'load' | 'generate',
    runKey: key,
    retry,
  };
}
