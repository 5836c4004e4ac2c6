import { useMemo } from 'react';
import { createRng, getDefaultModelUrl, randn, type DeviceRequest, type SchedulerName } from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { runForModel } from '../shared/generation/runForModel';
import { imageToBytes } from '../shared/generation/sampleBytes';
import { useGeneration, type GenerationTask } from '../shared/generation/useGeneration';
import { raceCacheKey, sharedRaceCache, type RaceCache, type RaceContext } from './raceCache';
import { rmsDistance } from './raceDistance';
import { racePlan, type RacePlan } from './racePlan';
import { runRace, type RaceEvent } from './runRace';

/** What a race runs (a change of content restarts it; finished generations come back from the cache). */
export interface RaceRun {
  prompt: string;
  count: number;
  seed: number;
  /** Default: the model's. */
  guidanceScale: number | undefined;
  schedulers: readonly SchedulerName[];
  /** The lanes' step count. */
  steps: number;
  /** The chart's step counts (empty: no chart, no reference). */
  chartSteps: readonly number[];
  reference: { scheduler: SchedulerName; steps: number };
}

/** One lane: a sampler at the chosen step count. */
export interface LaneState {
  status: 'waiting' | 'running' | 'done';
  /** Steps computed (of `steps`). */
  step: number;
  /** The current sample while running, the images when done, as display bytes. */
  bytes: Uint8Array | null;
  elapsedMs: number;
  /** Taken from the cache (its time is that of the run that made it). */
  cached: boolean;
}

/** Where the race stands. */
export type RacePhase = 'idle' | 'loading' | 'racing' | 'charting' | 'done' | 'error';

interface RaceProgress {
  lanes: Record<string, LaneState>;
  /** Jobs finished, by job key. */
  finished: Record<string, true>;
  /** Distance of each finished job to the reference, by job key. */
  distances: Record<string, number>;
  /** The reference's images, once computed (for lanes raced outside this hook, e.g. a student's). */
  reference: Float32Array | null;
}

function emptyProgress(schedulers: readonly SchedulerName[]): RaceProgress {
  const lanes: Record<string, LaneState> = {};
  for (const s of schedulers) lanes[s] = { status: 'waiting', step: 0, bytes: null, elapsedMs: 0, cached: false };
  return { lanes, finished: {}, distances: {}, reference: null };
}

/**
 * A race as a generation task: every sampler from the same initial noise (drawn from the seed and handed to each
 * generation as `initialNoise`), one generation at a time in the Worker, the lanes first, then the reference and
 * the chart's points; finished generations go to `cache` (keyed by the model, `model` undefined for the default).
 */
function raceTask(model: string | undefined, cache: RaceCache): GenerationTask<RaceRun, RaceProgress> {
  return {
    initial: (run) => emptyProgress(run.schedulers),
    execute({ run, info, worker, signal, pause, update }) {
      const plan = racePlan(run);
      const { image } = info.manifest;
      const convention = imageConventionOf(image);
      const initialNoise = randn(createRng(run.seed), run.count * image.channels * image.width * image.height);
      const context: RaceContext = {
        model: `${model ?? getDefaultModelUrl()} ${info.manifest.name} v${String(info.manifest.version ?? '')} ${info.device}`,
        prompt: run.prompt,
        seed: run.seed,
        count: run.count,
        guidanceScale: run.guidanceScale ?? null,
      };
      const found = new Map<string, Float32Array>();
      const distanceOf = (sample: Float32Array) => {
        const ref = plan.referenceKey ? found.get(plan.referenceKey) : undefined;
        return ref ? rmsDistance(sample, ref) : undefined;
      };
      const onEvent = (event: RaceEvent) => {
        const { job } = event;
        const lane = job.role === 'lane';
        if (event.type === 'start') {
          if (lane)
            update((p) => ({
              ...p,
              lanes: { ...p.lanes, [job.scheduler]: { ...p.lanes[job.scheduler]!, status: 'running' } },
            }));
        } else if (event.type === 'frame') {
          if (!lane) return;
          const { frame } = event;
          const bytes = imageToBytes(frame.sample, convention);
          update((p) => ({
            ...p,
            lanes: {
              ...p.lanes,
              [job.scheduler]: {
                status: 'running',
                step: frame.step,
                bytes,
                elapsedMs: frame.elapsedMs,
                cached: false,
              },
            },
          }));
        } else {
          const { result, cached } = event;
          found.set(job.key, result.sample);
          // Every job's distance once the reference is there (the reference itself: 0, by the same images).
          const newDistances: Record<string, number> = {};
          if (job.key === plan.referenceKey) for (const [k, s] of found) newDistances[k] = distanceOf(s)!;
          else {
            const d = distanceOf(result.sample);
            if (d !== undefined) newDistances[job.key] = d;
          }
          const bytes = lane ? imageToBytes(result.sample, convention) : null;
          update((p) => ({
            ...p,
            ...(job.key === plan.referenceKey ? { reference: result.sample } : {}),
            finished: { ...p.finished, [job.key]: true },
            distances: { ...p.distances, ...newDistances },
            lanes: lane
              ? {
                  ...p.lanes,
                  [job.scheduler]: { status: 'done', step: job.steps, bytes, elapsedMs: result.elapsedMs, cached },
                }
              : p.lanes,
          }));
        }
      };
      return runRace({
        worker,
        // Only what the loaded model takes (no prompt for a model without a text encoder, ...).
        base: runForModel(
          { prompt: run.prompt, count: run.count, seed: run.seed, guidanceScale: run.guidanceScale, initialNoise },
          info,
        ),
        jobs: plan.jobs,
        cache,
        cacheKey: (job) => raceCacheKey(context, job.key),
        signal,
        pause,
        onEvent,
      });
    },
  };
}

/**
 * Loads the shared model and runs a race per run (see {@link raceTask}) on the path every model-driven figure takes
 * (`useGeneration`): a change of content restarts it, finished generations come back from `cache`. Nothing is
 * loaded until `enabled` ('idle' until then); while `active` is false the running generation pauses between steps.
 */
export function useSamplerRace(
  model: string | undefined,
  device: DeviceRequest,
  run: RaceRun,
  enabled: boolean,
  active = true,
  cache: RaceCache = sharedRaceCache,
) {
  const engine = useSharedEngine(model, device, enabled);
  const task = useMemo(() => raceTask(model, cache), [model, cache]);
  const g = useGeneration(engine, run, { enabled, active }, task);
  const plan: RacePlan = useMemo(() => racePlan(g.run), [g.run]);
  const { lanes, finished, distances, reference } = g.progress;
  const lanesDone = g.run.schedulers.every((s) => lanes[s]?.status === 'done');
  const phase: RacePhase = g.phase === 'generating' ? (lanesDone ? 'charting' : 'racing') : g.phase;
  const chartJobs = plan.jobs.filter(
    (j) => j.role !== 'lane' || g.run.chartSteps.includes(j.steps) || j.key === plan.referenceKey,
  );

  return {
    engineState: g.engineState,
    phase,
    plan,
    lanes,
    distances,
    finished,
    reference,
    /** Generations of the chart (reference included) finished, of all it needs. */
    chartProgress: { done: chartJobs.filter((j) => finished[j.key]).length, total: chartJobs.length },
    error: g.error,
    errorPhase: g.errorPhase,
    retry: g.retry,
  };
}
