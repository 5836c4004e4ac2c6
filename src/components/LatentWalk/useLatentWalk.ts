import type { DeviceRequest, GenerationFrame, ModelInfo, WorkerGenerateOptions } from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import type { BatchShape } from '../shared/draw/drawSamples';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { runForModel } from '../shared/generation/runForModel';
import { frameImageBytes } from '../shared/generation/runGeneration';
import { useFrameGeneration, type FrameGenerationSpec } from '../shared/generation/useFrameGeneration';
import type { LatentWalkKind } from './LatentWalk.schema';
import { neighbourChanges } from './walkChanges';

/** What is generated (a change of content restarts the generation). */
export interface LatentWalkRun {
  walk: LatentWalkKind;
  prompt: string;
  toPrompt: string;
  seed: number;
  toSeed: number;
  frames: number;
  steps: number;
  scheduler: WorkerGenerateOptions['scheduler'];
  guidanceScale: number | undefined;
}

/** One step of the walk's batch as the figure keeps it: the points' glyphs as display bytes. */
export interface WalkFrame extends BatchShape {
  step: number;
  sample: Uint8Array;
}

/** The numbers of a step that render needs: the change between neighbouring points of the walk. */
export interface WalkSummary {
  step: number;
  timestep: number;
  changes: number[];
}

/** Whether the loaded model can walk between prompts: it reads prompts with its own text encoder. */
export function canWalkPrompts(info: Pick<ModelInfo, 'conditioning' | 'acceptsPrompts'> | null): boolean {
  return info === null || (info.conditioning === 'text' && info.acceptsPrompts);
}

/**
 * The Worker's options for a walk: the batch is the walk's points. A seed walk slerps the starting noise of `seed`
 * and `toSeed` under one prompt; a prompt walk interpolates the two prompts' embeddings under one seed.
 */
export function walkOptions(run: LatentWalkRun, info: ModelInfo): WorkerGenerateOptions {
  const { walk, prompt, toPrompt, seed, toSeed, frames, steps, scheduler, guidanceScale } = run;
  const conditioning = runForModel({ prompt: walk === 'seeds' ? prompt : undefined, guidanceScale }, info);
  return {
    ...conditioning,
    count: frames,
    steps,
    seed,
    ...(scheduler !== undefined ? { scheduler } : {}),
    walk: walk === 'seeds' ? { seeds: [seed, toSeed] } : { prompts: [prompt, toPrompt] },
  };
}

const WALK_FRAMES: FrameGenerationSpec<LatentWalkRun, WalkFrame, WalkSummary> = {
  options: walkOptions,
  keep: (frame: GenerationFrame, info) => {
    const { sample, count, channels, width, height } = frameImageBytes(frame, imageConventionOf(info.manifest.image));
    return { step: frame.step, sample, count, channels, width, height };
  },
  summarize: (kept, frame) => ({
    step: kept.step,
    timestep: frame.timestep,
    changes: neighbourChanges(kept.sample, kept.count, kept.channels * kept.width * kept.height),
  }),
};

/**
 * Loads the shared model and denoises the walk's points as one batch per set of inputs (see useFrameGeneration):
 * every step's glyphs kept as bytes, the change between neighbours summarised per step. A prompt walk on a model
 * without a text encoder does not run ('unsupported').
 */
export function useLatentWalk(
  model: string | undefined,
  device: DeviceRequest,
  run: LatentWalkRun,
  enabled: boolean,
  active = true,
) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const info = state.status === 'ready' ? state.info : null;
  const supported = run.walk === 'seeds' || canWalkPrompts(info);
  const generation = useFrameGeneration(
    { engine, state },
    run,
    { enabled, runs: enabled && supported, active },
    WALK_FRAMES,
  );
  const loaded = generation.phase === 'generating' || generation.phase === 'done';
  return {
    ...generation,
    phase: loaded && !supported ? ('unsupported' as const) : generation.phase,
    engineState: state,
  };
}
