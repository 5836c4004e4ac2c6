import type { DeviceRequest, GenerationFrame, ModelInfo, WorkerGenerateOptions } from '../../engine';
import type { ModelFileMap } from '../../engine/internal';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import type { BatchShape } from '../shared/draw/drawSamples';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { runForModel } from '../shared/generation/runForModel';
import { frameImageBytes } from '../shared/generation/runGeneration';
import { useFrameGeneration, type FrameGenerationSpec } from '../shared/generation/useFrameGeneration';
import type { GlyphSketchMode } from './GlyphSketch.schema';
import { SKETCH_SIDE } from './sketchCells';
import { cellsOfKey } from './sketchPresets';

/** What is generated: the pad's cells by content (a new stroke is a new run once the reader asks for it). */
export interface GlyphSketchRun {
  /** Drawn by a few-step live model: its own scheduler, {@link LIVE_SKETCH_STEPS} steps (`steps`, `scheduler` unused). */
  live: boolean;
  mode: GlyphSketchMode;
  prompt: string;
  strength: number;
  /** The sketch ('finish') or the glyph ('repaint'), as a cellsKey. */
  image: string;
  /** The mask ('repaint'), as a cellsKey; '' for 'finish'. */
  mask: string;
  count: number;
  steps: number;
  seed: number;
  scheduler: WorkerGenerateOptions['scheduler'];
  guidanceScale: number | undefined;
}

/** One step as the figure keeps it: the glyphs after it and the model's estimate of the finished ones. */
export interface SketchFrame extends BatchShape {
  step: number;
  totalSteps: number;
  timestep: number;
  sample: Uint8Array;
  predictedX0: Uint8Array;
}

/**
 * The steps of a live model's run. A few-step student's own default (2 for the shipped one) leaves the strength two
 * settings that differ (1 step or 2), and with 4 steps strength 0.9 starts too low for a sparse sketch to grow into a
 * glyph. With 8 LCM steps the shipped student finishes GlyphSketch's rough water radical at strength 0.9 as well as
 * the teacher's 25 DDIM steps do (training/evaluations/image-conditioning).
 */
export const LIVE_SKETCH_STEPS = 8;

/** Whether the pad's 32 x 32 one-channel cells are an image of the loaded model. */
export function modelTakesSketches(info: Pick<ModelInfo, 'manifest'> | null): boolean {
  if (!info) return true;
  const { width, height, channels } = info.manifest.image;
  return width === SKETCH_SIDE && height === SKETCH_SIDE && channels === 1;
}

/** Ink in [0, 1] (1 = ink) as the model's pixels: paper at the background value, ink at the ink value. */
export function inkToModel(cells: Float32Array, info: Pick<ModelInfo, 'manifest'>): Float32Array {
  const convention = imageConventionOf(info.manifest.image);
  const ink = convention.ink ?? convention.range[1];
  const background = convention.background ?? convention.range[0];
  const out = new Float32Array(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = background + cells[i]! * (ink - background);
  return out;
}

/** The Worker's options: SDEdit from the sketch ('finish'), or RePaint of the masked cells of the glyph ('repaint'). */
export function sketchOptions(run: GlyphSketchRun, info: ModelInfo): WorkerGenerateOptions {
  const { live, mode, prompt, strength, image, mask, count, steps, seed, scheduler, guidanceScale } = run;
  const pixels = inkToModel(cellsOfKey(image), info);
  return {
    ...runForModel({ prompt, guidanceScale }, info),
    count,
    seed,
    steps: live ? LIVE_SKETCH_STEPS : steps,
    ...(scheduler !== undefined && !live ? { scheduler } : {}),
    ...(mode === 'finish'
      ? { init: { image: pixels, strength } }
      : { inpaint: { image: pixels, mask: cellsOfKey(mask) } }),
  };
}

const SKETCH_FRAMES: FrameGenerationSpec<GlyphSketchRun, SketchFrame, { step: number; timestep: number }> = {
  options: sketchOptions,
  keep: (frame: GenerationFrame, info) => ({
    step: frame.step,
    totalSteps: frame.totalSteps,
    timestep: frame.timestep,
    ...frameImageBytes(frame, imageConventionOf(info.manifest.image)),
  }),
  summarize: (kept) => ({ step: kept.step, timestep: kept.timestep }),
};

/**
 * Loads the shared model and runs one image-conditioned generation per run (see useFrameGeneration): every step's
 * glyphs kept as bytes. A model whose images are not 32 x 32 with one channel does not run ('unsupported').
 */
export function useGlyphSketch(
  model: string | ModelFileMap | undefined,
  device: DeviceRequest,
  run: GlyphSketchRun,
  enabled: boolean,
  active = true,
) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const info = state.status === 'ready' ? state.info : null;
  const supported = modelTakesSketches(info);
  const generation = useFrameGeneration(
    { engine, state },
    run,
    { enabled, runs: enabled && supported, active },
    SKETCH_FRAMES,
  );
  const loaded = generation.phase === 'generating' || generation.phase === 'done';
  return {
    ...generation,
    phase: loaded && !supported ? ('unsupported' as const) : generation.phase,
    engineState: state,
    info,
  };
}
