import type { EngineWorker, GenerationFrame, PauseSignal, WorkerGenerateOptions } from '../../engine';
import { runGeneration } from '../shared/generation/runGeneration';
import type { RaceCache, RaceResult } from './raceCache';
import type { RaceJob } from './racePlan';

/** What {@link runRace} tells its caller about one job. */
export type RaceEvent =
  | { type: 'start'; job: RaceJob }
  | { type: 'frame'; job: RaceJob; frame: GenerationFrame }
  | { type: 'done'; job: RaceJob; result: RaceResult; cached: boolean };

/** Inputs of {@link runRace}. */
export interface RaceRunOptions {
  /** The shared engine's Worker. */
  worker: Pick<EngineWorker, 'generate'>;
  /** What every job shares: prompt, count, seed, guidance, and the same `initialNoise`. */
  base: Omit<WorkerGenerateOptions, 'scheduler' | 'steps'>;
  jobs: readonly RaceJob[];
  cache: RaceCache;
  /** The cache key of a job (model, prompt, seed, ... and the job's key). */
  cacheKey: (job: RaceJob) => string;
  signal: AbortSignal;
  /** Holds the running generation between steps while paused (the figure far from view). */
  pause?: PauseSignal;
  onEvent: (event: RaceEvent) => void;
}

/**
 * Runs a race's jobs one after another on the Worker (one at a time, so each lane's time is its own),
 * taking finished ones from the cache and putting new ones in it. Resolves 'done' or 'aborted'; rejects
 * with the engine's error (the jobs finished before it stay cached).
 */
export async function runRace({
  worker,
  base,
  jobs,
  cache,
  cacheKey,
  signal,
  pause,
  onEvent,
}: RaceRunOptions): Promise<'done' | 'aborted'> {
  for (const job of jobs) {
    if (signal.aborted) return 'aborted';
    const key = cacheKey(job);
    const hit = cache.get(key);
    if (hit) {
      onEvent({ type: 'done', job, result: hit, cached: true });
      continue;
    }
    onEvent({ type: 'start', job });
    let last: GenerationFrame | null = null;
    const outcome = await runGeneration(
      worker,
      { ...base, scheduler: job.scheduler, steps: job.steps },
      signal,
      (frame) => {
        last = frame;
        onEvent({ type: 'frame', job, frame });
      },
      pause,
    );
    if (outcome === 'aborted' || signal.aborted) return 'aborted';
    const final = last as GenerationFrame | null;
    if (!final) throw new Error(`the generation of ${job.key} gave no frame.`);
    const result = { sample: final.sample, elapsedMs: final.elapsedMs };
    cache.set(key, result);
    onEvent({ type: 'done', job, result, cached: false });
  }
  return 'done';
}
