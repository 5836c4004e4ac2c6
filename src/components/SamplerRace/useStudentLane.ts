import { createRng, randn, type DeviceRequest, type GenerationFrame, type ModelInfo } from '../../engine';
import type { ModelFileMap } from '../../engine/internal';
import { usePropState } from '../../hooks/usePropState';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { runForModel } from '../shared/generation/runForModel';
import { imageToBytes } from '../shared/generation/sampleBytes';
import { useFrameGeneration, type FrameGenerationSpec } from '../shared/generation/useFrameGeneration';
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
  /** The student's own step count (its manifest's default), once it runs. */
  steps: number;
  /** Manifest name and scheduler class of the student, once it runs. */
  modelName: string | null;
  scheduler: string | null;
  sample: Float32Array | null;
  error: Error | null;
}

/** A step of the student's run: its images as display bytes, and as numbers for the distance to the reference. */
interface StudentFrame {
  step: number;
  totalSteps: number;
  elapsedMs: number;
  bytes: Uint8Array;
  sample: Float32Array;
}

// At the student's own steps, from the same starting noise as the race's lanes (the seed's).
const STUDENT_FRAMES: FrameGenerationSpec<StudentRun, StudentFrame, StudentFrame> = {
  options: ({ prompt, count, seed, guidanceScale }, info: ModelInfo) => {
    const { image } = info.manifest;
    const initialNoise = randn(createRng(seed), count * image.channels * image.width * image.height);
    return runForModel({ prompt, count, seed, guidanceScale, initialNoise }, info);
  },
  keep: (frame: GenerationFrame, info: ModelInfo) => ({
    step: frame.step,
    totalSteps: frame.totalSteps,
    elapsedMs: frame.elapsedMs,
    bytes: imageToBytes(frame.sample, imageConventionOf(info.manifest.image)),
    sample: frame.sample,
  }),
  summarize: (kept) => kept,
};

/**
 * A few-step student raced beside the teacher's samplers: its own model in its own Worker, at its default steps,
 * from the same starting noise as the lanes (the seed's), on the path every model-driven figure takes
 * (`useFrameGeneration`). It starts once `go` (the race's lanes are done, so the times are comparable: the race
 * pauses while `running`), and once started for a run it finishes it, even when the reader moves the lanes' steps
 * meanwhile; it is not drawn again until the run changes. `source` null: no lane, nothing loaded.
 */
export function useStudentLane(
  source: string | ModelFileMap | null,
  device: DeviceRequest,
  run: StudentRun,
  enabled: boolean,
  go: boolean,
  active: boolean,
): StudentLane & { running: boolean } {
  const on = source !== null && enabled;
  const engine = useSharedEngine(source ?? undefined, device, on);
  // Once the lanes were done for this run, the student's run goes on (a latch, reset by a new run).
  const [went, setWent] = usePropState(JSON.stringify(run), { init: () => false });
  if (go && !went) setWent(true);
  const runs = on && (go || went);
  const gen = useFrameGeneration(engine, run, { enabled: on, runs, active }, STUDENT_FRAMES);
  const newest = gen.summaries[gen.computed - 1] ?? null;
  const info = engine.state.status === 'ready' ? engine.state.info : null;
  const status: LaneState['status'] =
    !runs || !info ? 'waiting' : gen.phase === 'done' ? 'done' : gen.phase === 'generating' ? 'running' : 'waiting';
  const named =
    runs && info
      ? { modelName: info.manifest.name, scheduler: String(info.manifest.scheduler_config._class_name ?? '') }
      : { modelName: null, scheduler: null };
  return {
    ...named,
    status,
    step: newest?.step ?? 0,
    steps: newest?.totalSteps ?? 0,
    bytes: newest?.bytes ?? null,
    elapsedMs: newest?.elapsedMs ?? 0,
    cached: false,
    sample: status === 'done' ? (newest?.sample ?? null) : null,
    error: gen.error,
    running: status === 'running',
  };
}
