import type { DeviceRequest, WorkerGenerateOptions } from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { runForModel } from '../shared/generation/runForModel';
import { storeFrame, type StoredFrame } from '../shared/generation/runGeneration';
import { useFrameGeneration, type FrameGenerationSpec, type GenerationPhase } from '../shared/generation/useFrameGeneration';

/** What is generated: the engine's options (a change of content restarts the generation). */
export type DenoiseRun = Pick<WorkerGenerateOptions, 'prompt' | 'classLabel' | 'count' | 'steps' | 'scheduler' | 'guidanceScale' | 'seed'>;

/** Where the figure stands. */
export type DenoisePhase = GenerationPhase;

// Only what the loaded model takes: no prompt without a text encoder, a class only for a class model.
const DENOISE_FRAMES: FrameGenerationSpec<DenoiseRun, StoredFrame, number> = {
  options: (run, info) => runForModel(run, info),
  keep: (frame, info) => storeFrame(frame, info.manifest.image),
  // The timestep of each computed frame (numbers only, so the readout needs no ref in render).
  summarize: (_, frame) => frame.timestep,
};

/**
 * Loads the shared model and runs one generation per set of inputs, keeping every frame (as display
 * bytes) in a ref'd array; React state holds only the counters. A change of inputs aborts the running
 * generation and starts a new one; unmounting aborts it and releases the engine. Nothing is loaded until
 * `enabled` ('idle' until then); while `active` is false the running generation pauses between steps.
 */
export function useDenoiseAnimator(model: string | undefined, device: DeviceRequest, run: DenoiseRun, enabled: boolean, active = true) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const { summaries, ...generation } = useFrameGeneration({ engine, state }, run, { enabled, active }, DENOISE_FRAMES);
  return { engine, engineState: state, ...generation, timesteps: summaries };
}
