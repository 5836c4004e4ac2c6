import { useEffect, useState } from 'react';
import { createRng, randn, type DeviceRequest, type GenerationFrame } from '../../engine';
import type { ModelFileMap } from '../../engine/internal';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { runGeneration } from '../shared/generation/runGeneration';
import { runForModel } from '../shared/generation/runForModel';
import { imageToBytes } from '../shared/generation/sampleBytes';
import { imageConventionOf } from '../shared/generation/imageConvention';
import type { LaneState } from './useSamplerRace';

/** What the student lane draws: the race's prompt, images, seed and guidance. */
export interface StudentRun {
  prompt: string;
  count: number;
  seed: number;
  guidanceScale: number | undefined;
}

/** The student's lane, with its final images for the distance to the race's reference. */
export interface StudentLane extends LaneState {
  /** The student's own step count (its manifest's default), once loaded. */
  steps: number;
  /** Manifest name and scheduler class of the student, once loaded. */
  modelName: string | null;
  scheduler: string | null;
  sample: Float32Array | null;
  error: Error | null;
}

const WAITING: StudentLane = { status: 'waiting', step: 0, bytes: null, elapsedMs: 0, cached: false, steps: 0, modelName: null, scheduler: null, sample: null, error: null };

/**
 * A few-step student raced beside the teacher's samplers: its own model in its own Worker, at its default steps,
 * from the same starting noise as the lanes (the seed's), once `go` (the race's lanes are done, so the times are
 * comparable: the race pauses while `running`). `source` null: no lane, nothing loaded.
 */
export function useStudentLane(source: string | ModelFileMap | null, device: DeviceRequest, run: StudentRun, enabled: boolean, go: boolean, active: boolean): StudentLane & { running: boolean } {
  const on = source !== null && enabled;
  const { engine, state } = useSharedEngine(source ?? undefined, device, on);
  const [lane, setLane] = useState<StudentLane>(WAITING);
  const info = state.status === 'ready' ? state.info : null;
  const { prompt, count, seed, guidanceScale } = run;

  useEffect(() => setLane(WAITING), [prompt, count, seed, guidanceScale]);
  // A finished lane is not drawn again until the settings change.
  const finished = lane.status === 'done';
  useEffect(() => {
    if (finished || !on || !go || !active || !engine || !info) return;
    const controller = new AbortController();
    const { image } = info.manifest;
    const named = { modelName: info.manifest.name, scheduler: String(info.manifest.scheduler_config._class_name ?? '') };
    const initialNoise = randn(createRng(seed), count * image.channels * image.width * image.height);
    let last: GenerationFrame | null = null;
    setLane((l) => ({ ...l, ...named, status: 'running' }));
    runGeneration(engine.worker, runForModel({ prompt, count, seed, guidanceScale, initialNoise }, info), controller.signal, (frame) => {
      last = frame;
      setLane((l) => ({ ...l, step: frame.step, steps: frame.totalSteps, bytes: imageToBytes(frame.sample, imageConventionOf(image)) }));
    })
      .then((outcome) => {
        const final = last as GenerationFrame | null;
        if (outcome !== 'done' || !final) return;
        const bytes = imageToBytes(final.sample, imageConventionOf(image));
        setLane({ ...named, status: 'done', step: final.step, steps: final.totalSteps, bytes, elapsedMs: final.elapsedMs, cached: false, sample: final.sample, error: null });
      })
      .catch((error: Error) => !controller.signal.aborted && setLane((l) => ({ ...l, error })));
    return () => controller.abort();
  }, [finished, on, go, active, engine, info, prompt, count, seed, guidanceScale]);

  const error = state.status === 'error' ? state.error : lane.error;
  return { ...lane, error, running: lane.status === 'running' };
}
