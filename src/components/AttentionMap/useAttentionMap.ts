import { useMemo } from 'react';
import {
  WordTokenizer,
  type DeviceRequest,
  type GenerationFrame,
  type ModelInfo,
  type WorkerGenerateOptions,
} from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import type { BatchShape } from '../shared/draw/drawSamples';
import { runForModel } from '../shared/generation/runForModel';
import { useFrameGeneration, type FrameGenerationSpec } from '../shared/generation/useFrameGeneration';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { frameImageBytes } from '../shared/generation/runGeneration';
import type { ImageConvention } from '../shared/generation/sampleBytes';
import { attentionRegion, storeAttention, type StoredAttention } from './attentionMaps';
import type { AttentionPhase } from './describeAttention';

/** What is generated (a change of content restarts the generation). */
export type AttentionRun = Pick<
  WorkerGenerateOptions,
  'prompt' | 'count' | 'steps' | 'scheduler' | 'guidanceScale' | 'seed'
>;

/** One step as the figure keeps it: the glyphs as display bytes and the words' maps. */
export interface AttentionFrame extends BatchShape {
  step: number;
  timestep: number;
  sample: Uint8Array;
  predictedX0: Uint8Array;
  attention: StoredAttention | null;
}

function keepFrame(frame: GenerationFrame, image: ImageConvention): AttentionFrame {
  return {
    step: frame.step,
    timestep: frame.timestep,
    ...frameImageBytes(frame, image),
    attention: frame.crossAttention ? storeAttention(frame.crossAttention, frame.count) : null,
  };
}

/** Whether a loaded model returns cross-attention maps (its manifest declares `unet.crossAttention`). */
export function modelHasCrossAttention(info: Pick<ModelInfo, 'manifest'> | null): boolean {
  return Boolean(info?.manifest?.unet?.crossAttention);
}

/** The words of a prompt as the model reads them (at most its token slots), or null when the tokenizer is unknown. */
export function promptWords(info: Pick<ModelInfo, 'tokenizer'> | null, prompt: string): string[] | null {
  try {
    if (!info?.tokenizer) return null;
    const tokenizer = new WordTokenizer(info.tokenizer);
    return tokenizer.encode(prompt).words.slice(0, tokenizer.maxLength);
  } catch {
    return null;
  }
}

/** The numbers of one step that the readouts show (kept in state, so render needs no ref). */
export interface StepSummary {
  timestep: number;
  /** Per word: its mean share of the attention. */
  means: number[];
  /** Per word: its largest share anywhere (the top of its colour scale). */
  maxes: number[];
  /** Per word: where its attention sits ("top left", "centre", ...), null when it took none. */
  regions: Array<string | null>;
}

function summarize(frame: AttentionFrame): StepSummary {
  const a = frame.attention;
  return {
    timestep: frame.timestep,
    means: a ? Array.from(a.means) : [],
    maxes: a ? Array.from(a.maxes) : [],
    regions: a ? a.words.map((_, w) => attentionRegion(a, w)) : [],
  };
}

// The options with cross-attention maps asked for; the glyphs as display bytes and the words' maps kept per step.
const ATTENTION_FRAMES: FrameGenerationSpec<AttentionRun, AttentionFrame, StepSummary> = {
  options: (run, info) => ({ ...runForModel(run, info), crossAttention: true }),
  keep: (frame, info) => keepFrame(frame, imageConventionOf(info.manifest.image)),
  summarize: (kept) => summarize(kept),
};

/**
 * Loads the shared model and runs one generation with cross-attention maps per set of inputs, keeping every
 * step (glyph bytes and the words' maps) in a ref'd array; React state holds only the counters. Nothing runs
 * for a model without cross-attention or a prompt without words. A change of inputs aborts the running
 * generation; unmounting aborts it and releases the engine. Nothing is loaded until `enabled` ('idle' until
 * then); while `active` is false the running generation pauses between steps.
 */
export function useAttentionMap(
  model: string | undefined,
  device: DeviceRequest,
  run: AttentionRun,
  enabled: boolean,
  active = true,
) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const info = state.status === 'ready' ? state.info : null;
  const supported = modelHasCrossAttention(info);
  // The run as generated is this one by content (see useFrameGeneration), so its prompt is this prompt.
  const words = useMemo(() => promptWords(info, run.prompt ?? ''), [info, run.prompt]);
  const hasWords = words === null || words.length > 0;
  const runs = enabled && supported && hasWords;
  const generation = useFrameGeneration({ engine, state }, run, { enabled, runs, active }, ATTENTION_FRAMES);
  const loaded = generation.phase === 'generating' || generation.phase === 'done';
  const phase: AttentionPhase =
    loaded && !supported ? 'unsupported' : loaded && !hasWords ? 'noWords' : generation.phase;

  return {
    engineState: state,
    phase,
    /** Every step computed so far, oldest first (read it in effects and handlers, not in render). */
    framesRef: generation.framesRef,
    /** The prompt's words as the model reads them (null until the model is loaded). */
    words,
    computed: generation.computed,
    total: generation.total,
    elapsedMs: generation.elapsedMs,
    /** Per computed step: its timestep and each word's share and region. */
    summaries: generation.summaries,
    error: generation.error,
    errorPhase: generation.errorPhase,
    runKey: generation.runKey,
    retry: generation.retry,
  };
}
