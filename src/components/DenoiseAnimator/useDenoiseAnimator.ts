import type { DeviceRequest, WorkerGenerateOptions } from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { runForModel } from '../shared/generation/runForModel';
import { storeFrame, type StoredFrame } from '../shared/generation/runGeneration';
import {
  useFrameGeneration,
  type FrameGenerationSpec,
  type GenerationPhase,
} from '../shared/generation/useFrameGeneration';

/** What is generated: the engine's options (a change of content restarts the generation). */
export type DenoiseRun = Pick<
  WorkerGenerateOptions,
  'prompt' | 'classLabel' | 'count' | 'steps' | 'scheduler' | 'guidanceScale' | 'seed'
>;

/** Where the figure stands. */
export type DenoisePhase = GenerationPhase;

// Only what the loaded model takes: no prompt without a text encoder, a class only for a class model.
const DENOISE_FRAMES: FrameGenerationSpec<DenoiseRun, StoredFrame, StoredFrame> = {
  options: (run, info) => runForModel(run, info),
  keep: (frame, info) => storeFrame(frame, info.manifest.image),
  // Each computed frame itself (the same object the ref'd array holds, no copy), so render can read the shown one.
  summarize: (kept) => kept,
};

/**
 * Loads the shared model and runs one generation per set of inputs, keeping every frame (as display
 * bytes); React state holds the counters and, as `frames`, the kept frames (render reads the shown one there,
 * effects and handlers may use `framesRef`, the same objects). A change of inputs aborts the running
 * generation and starts a new one; unmounting aborts it and releases the engine. Nothing is loaded until
 * `enabled` ('idle' until then); while `active` is false the running generation pauses between steps.
 */
export function useDenoiseAnimator(
  model: string | undefined,
  device: DeviceRequest,
  run: DenoiseRun,
  enabled: boolean,
  active = true,
) {
  const engine = useSharedEngine(model, device, enabled);
  const { summaries, ...generation } = useFrameGeneration(engine, run, { enabled, active }, DENOISE_FRAMES);
  return { ...generation, frames: summaries };
}
