import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRng, getDefaultModelUrl, PauseController, randn, type DeviceRequest, type SchedulerName } from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { runForModel } from '../shared/generation/runForModel';
import { imageToBytes } from '../shared/generation/sampleBytes';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { raceCacheKey, sharedRaceCache, type RaceCache, type RaceContext } from './raceCache';
import { rmsDistance } from './raceDistance';
import { racePlan, type RacePlan } from './racePlan';
import { runRace, type RaceEvent } from './runRace';

/** What a race runs (a change of content restarts it; finished generations come back from the cache). */
export interface RaceSettings {
  prompt: string;
  count: number;
  seed: number;
  /** Default: the model's. */
  guidanceScale: number | undefined;
  schedulers: SchedulerName[];
  /** The lanes' step count. */
  steps: number;
  /** The chart's step counts (empty: no chart, no reference). */
  chartSteps: number[];
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

interface Progress {
  key: string;
  lanes: Record<string, LaneState>;
  /** Jobs finished, by job key. */
  finished: Record<string, true>;
  /** Distance of each finished job to the reference, by job key. */
  distances: Record<string, number>;
  done: boolean;
  error: Error | null;
  /** The reference's images, once computed (for lanes raced outside this hook, e.g. a student's). */
  reference: Float32Array | null;
}

function emptyProgress(key: string, schedulers: readonly SchedulerName[]): Progress {
  const lanes: Record<string, LaneState> = {};
  for (const s of schedulers) lanes[s] = { status: 'waiting', step: 0, bytes: null, elapsedMs: 0, cached: false };
  return { key, lanes, finished: {}, distances: {}, done: false, error: null, reference: null };
}

/**
 * Loads the shared model and runs a race per set of settings: every sampler from the same initial noise
 * (drawn here from the seed and handed to each generation as `initialNoise`), one generation at a time in the
 * Worker, the lanes first, then the reference and the chart's points. Finished generations go to `cache`.
 * Nothing is loaded until `enabled` ('idle' until then); while `active` is false the running generation
 * pauses between steps.
 */
export function useSamplerRace(model: string | undefined, device: DeviceRequest, settings: RaceSettings, enabled: boolean, active = true, cache: RaceCache = sharedRaceCache) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const pauseRef = useRef<PauseController | null>(null);
  const activeRef = useRef(active);
  const [attempt, setAttempt] = useState(0);
  const settingsKey = JSON.stringify(settings);
  // The settings by content (a new array prop each render must not restart the race).
  const stable = useMemo(() => JSON.parse(settingsKey) as RaceSettings, [settingsKey]);
  const plan: RacePlan = useMemo(() => racePlan(stable), [stable]);
  const key = `${settingsKey}#${attempt}`;
  const [progress, setProgress] = useState<Progress>(() => emptyProgress('', stable.schedulers));
  const info = state.status === 'ready' ? state.info : null;
  const samples = useRef(new Map<string, Float32Array>());

  useEffect(() => {
    if (!enabled || !engine || !info) return;
    const controller = new AbortController();
    const pause = new PauseController();
    pause.setPaused(!activeRef.current);
    pauseRef.current = pause;
    const { image } = info.manifest;
    const convention = imageConventionOf(image);
    const initialNoise = randn(createRng(stable.seed), stable.count * image.channels * image.width * image.height);
    const context: RaceContext = {
      model: `${model ?? getDefaultModelUrl()} ${info.manifest.name} v${String(info.manifest.version ?? '')} ${info.device}`,
      prompt: stable.prompt,
      seed: stable.seed,
      count: stable.count,
      guidanceScale: stable.guidanceScale ?? null,
    };
    const found = new Map<string, Float32Array>();
    samples.current = found;
    setProgress(emptyProgress(key, stable.schedulers));
    const distanceOf = (sample: Float32Array) => {
      const ref = plan.referenceKey ? found.get(plan.referenceKey) : undefined;
      return ref ? rmsDistance(sample, ref) : undefined;
    };
    const onEvent = (event: RaceEvent) => {
      const { job } = event;
      const lane = job.role === 'lane';
      if (event.type === 'start') {
        if (lane) setProgress((p) => ({ ...p, lanes: { ...p.lanes, [job.scheduler]: { ...p.lanes[job.scheduler]!, status: 'running' } } }));
      } else if (event.type === 'frame') {
        if (!lane) return;
        const { frame } = event;
        const bytes = imageToBytes(frame.sample, convention);
        setProgress((p) => ({ ...p, lanes: { ...p.lanes, [job.scheduler]: { status: 'running', step: frame.step, bytes, elapsedMs: frame.elapsedMs, cached: false } } }));
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
        setProgress((p) => ({
          ...p,
          ...(job.key === plan.referenceKey ? { reference: result.sample } : {}),
          finished: { ...p.finished, [job.key]: true },
          distances: { ...p.distances, ...newDistances },
          lanes: lane
            ? { ...p.lanes, [job.scheduler]: { status: 'done', step: job.steps, bytes: imageToBytes(result.sample, convention), elapsedMs: result.elapsedMs, cached } }
            : p.lanes,
        }));
      }
    };
    runRace({
      worker: engine.worker,
      // Only what the loaded model takes (no prompt for a model without a text encoder, ...).
      base: runForModel({ prompt: stable.prompt, count: stable.count, seed: stable.seed, guidanceScale: stable.guidanceScale, initialNoise }, info),
      jobs: plan.jobs,
      cache,
      cacheKey: (job) => raceCacheKey(context, job.key),
      signal: controller.signal,
      pause: pause.signal,
      onEvent,
    })
      .then((outcome) => {
        if (outcome === 'done' && !controller.signal.aborted) setProgress((p) => ({ ...p, done: true }));
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setProgress((p) => ({ ...p, error }));
      });
    return () => controller.abort();
  }, [enabled, engine, info, key, stable, plan, cache, model]);

  useEffect(() => {
    activeRef.current = active;
    pauseRef.current?.setPaused(!active);
  }, [active]);

  const current = progress.key === key ? progress : emptyProgress(key, stable.schedulers);
  const lanesDone = stable.schedulers.every((s) => current.lanes[s]?.status === 'done');
  const phase: RacePhase = !enabled
    ? 'idle'
    : state.status === 'error' || current.error ? 'error' : state.status !== 'ready' ? 'loading' : current.done ? 'done' : lanesDone ? 'charting' : 'racing';
  const retry = useCallback(() => {
    if (state.status === 'error') engine?.retry();
    else setAttempt((a) => a + 1);
  }, [engine, state.status]);
  const chartJobs = plan.jobs.filter((j) => j.role !== 'lane' || stable.chartSteps.includes(j.steps) || j.key === plan.referenceKey);

  return {
    engineState: state,
    phase,
    plan,
    lanes: current.lanes,
    distances: current.distances,
    finished: current.finished,
    reference: current.reference,
    /** Generations of the chart (reference included) finished, of all it needs. */
    chartProgress: { done: chartJobs.filter((j) => current.finished[j.key]).length, total: chartJobs.length },
    error: state.status === 'error' ? state.error : current.error,
    errorPhase: (state.status === 'error' ? 'load' : 'generate') as 'load' | 'generate',
    retry,
  };
}
