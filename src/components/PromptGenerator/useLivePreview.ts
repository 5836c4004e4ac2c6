import { useEffect, useState } from 'react';
import { PauseController, type DeviceRequest, type GenerationFrame } from '../../engine';
import type { ModelFileMap } from '../../engine/internal';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { runGeneration } from '../shared/generation/runGeneration';
import { runForModel } from '../shared/generation/runForModel';
import { imageToBytes } from '../shared/generation/sampleBytes';
import type { ImageGrid } from './usePromptGenerator';

/** What the live preview asks of its model: the form's prompt, guidance, seed and count (steps: the model's own). */
export interface LiveRequest {
  prompt: string;
  guidanceScale: number;
  seed: number;
  count: number;
}

/** The live preview's latest grid and where it stands. */
export interface LivePreview {
  status: 'off' | 'loading' | 'waiting' | 'running' | 'done' | 'error';
  /** The request the grid was drawn for (null before the first). */
  request: LiveRequest | null;
  images: ImageGrid | null;
  step: number;
  totalSteps: number;
  elapsedMs: number;
  /** The drawing model's manifest name and scheduler class (e.g. glyffuser-mini-turbo, LCMScheduler). */
  modelName: string | null;
  scheduler: string | null;
  error: Error | null;
}

/** How long the prompt must rest before the preview runs: about one keystroke's gap. */
export const LIVE_DEBOUNCE_MS = 250;

const OFF: LivePreview = { status: 'off', request: null, images: null, step: 0, totalSteps: 0, elapsedMs: 0, modelName: null, scheduler: null, error: null };

/**
 * A grid drawn as the reader types, by a few-step model (a guidance-distilled student: one U-Net call per step, no
 * unconditional pass). Each change of the request waits {@link LIVE_DEBOUNCE_MS}, then cancels the previous run and
 * starts a new one; an empty prompt draws nothing. `source` null turns it off (no Worker, no download).
 */
export function useLivePreview(
  source: string | ModelFileMap | null,
  device: DeviceRequest,
  request: LiveRequest,
  enabled: boolean,
  active: boolean,
): LivePreview {
  const on = source !== null && enabled;
  const { engine, state } = useSharedEngine(source ?? undefined, device, on);
  const [preview, setPreview] = useState<LivePreview>(OFF);
  const [pauser] = useState(() => new PauseController());
  useEffect(() => pauser.setPaused(!active), [pauser, active]);
  const info = state.status === 'ready' ? state.info : null;
  const { prompt, guidanceScale, seed, count } = request;

  useEffect(() => {
    if (!on || !engine || !info) return;
    const current: LiveRequest = { prompt, guidanceScale, seed, count };
    if (!prompt.trim()) {
      setPreview((p) => ({ ...p, status: 'waiting' }));
      return;
    }
    const controller = new AbortController();
    const { signal } = controller;
    const named = { modelName: info.manifest.name, scheduler: String(info.manifest.scheduler_config._class_name ?? '') };
    const timer = setTimeout(() => {
      let last: GenerationFrame | null = null;
      setPreview((p) => ({ ...p, ...named, status: 'running', request: current, step: 0, error: null }));
      runGeneration(engine.worker, runForModel({ prompt, guidanceScale, seed, count }, info), signal, (frame) => {
        last = frame;
        setPreview((p) => ({ ...p, step: frame.step, totalSteps: frame.totalSteps }));
      }, pauser.signal)
        .then((outcome) => {
          const final = last as GenerationFrame | null;
          if (outcome === 'aborted' || !final) return;
          const images = { bytes: imageToBytes(final.sample, info.manifest.image), count: final.count, channels: final.channels, width: final.width, height: final.height };
          setPreview({ ...named, status: 'done', request: current, images, step: final.step, totalSteps: final.totalSteps, elapsedMs: final.elapsedMs, error: null });
        })
        .catch((error: Error) => !signal.aborted && setPreview((p) => ({ ...p, status: 'error', error })));
    }, LIVE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [on, engine, info, prompt, guidanceScale, seed, count, pauser]);

  if (!on) return OFF;
  if (state.status === 'error') return { ...preview, status: 'error', error: state.error };
  if (!info) return { ...preview, status: 'loading' };
  return preview;
}
