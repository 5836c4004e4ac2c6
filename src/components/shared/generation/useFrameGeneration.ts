import { useMemo, useRef, type MutableRefObject } from 'react';
import { GENERATION_DEFAULTS, type GenerationFrame, type ModelInfo, type WorkerGenerateOptions } from '../../../engine';
import type { EngineState, SharedEngine } from '../../../hooks/sharedEngine';
import { runGeneration } from './runGeneration';
import { useGeneration, type GenerationGate, type GenerationTask } from './useGeneration';

export type { GenerationPhase } from './useGeneration';

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
export type FrameGenerationGate = GenerationGate;

/** The progress of one generation: what React state holds of it. */
interface FrameProgress<S> {
  computed: number;
  elapsedMs: number;
  summaries: S[];
}

/** One generation per run, each kept frame pushed to `framesRef` (a new array per run) and summarised in state. */
function frameTask<R, F, S>(
  spec: FrameGenerationSpec<R, F, S>,
  framesRef: MutableRefObject<F[]>,
): GenerationTask<R, FrameProgress<S>> {
  return {
    initial: () => ({ computed: 0, elapsedMs: 0, summaries: [] }),
    execute({ run, info, worker, signal, pause, update }) {
      const frames: F[] = [];
      framesRef.current = frames;
      return runGeneration(
        worker,
        spec.options(run, info),
        signal,
        (frame) => {
          const kept = spec.keep(frame, info);
          frames.push(kept);
          const summary = spec.summarize(kept, frame);
          update((p) => ({
            computed: frames.length,
            elapsedMs: frame.elapsedMs,
            summaries: [...p.summaries, summary],
          }));
        },
        pause,
      );
    },
  };
}

/**
 * One generation per run (see `useGeneration`, the path every model-driven figure takes), keeping every frame (as
 * `spec.keep` makes it) in a ref'd array; React state holds only the counters and each frame's summary.
 */
export function useFrameGeneration<R extends object, F, S>(
  engine: { engine: SharedEngine | null; state: EngineState },
  run: R,
  gate: FrameGenerationGate,
  spec: FrameGenerationSpec<R, F, S>,
) {
  const framesRef = useRef<F[]>([]);
  const task = useMemo(() => frameTask(spec, framesRef), [spec]);
  const g = useGeneration(engine, run, gate, task);
  return {
    phase: g.phase,
    engineState: g.engineState,
    /** Every frame kept so far, oldest first (read it in effects and handlers, not in render). */
    framesRef,
    computed: g.progress.computed,
    /** The run's steps (the engine's default when it names none: a student's own is known once it runs). */
    total: (run as Pick<WorkerGenerateOptions, 'steps'>).steps ?? GENERATION_DEFAULTS.steps,
    elapsedMs: g.progress.elapsedMs,
    /** Per computed frame, its summary. */
    summaries: g.progress.summaries,
    error: g.error,
    errorPhase: g.errorPhase,
    /** The run's key, new for each run and each retry. */
    runKey: g.runKey,
    retry: g.retry,
  };
}
