import { useEffect, useState } from 'react';
import type { DeviceRequest } from '../../engine';
import type { ModelFileMap } from '../../engine/internal';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import { runForModel } from '../shared/generation/runForModel';
import { imageToBytes } from '../shared/generation/sampleBytes';
import { useFrameGeneration, type FrameGenerationSpec } from '../shared/generation/useFrameGeneration';
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

const OFF: LivePreview = {
  status: 'off',
  request: null,
  images: null,
  step: 0,
  totalSteps: 0,
  elapsedMs: 0,
  modelName: null,
  scheduler: null,
  error: null,
};

/** A step of the live model's run. */
interface LiveFrame {
  step: number;
  totalSteps: number;
  elapsedMs: number;
  images: ImageGrid;
}

// The request at the live model's own steps and scheduler (one U-Net call per step, no unconditional pass).
const LIVE_FRAMES: FrameGenerationSpec<LiveRequest, LiveFrame, LiveFrame> = {
  options: (request, info) => runForModel(request, info),
  keep: (frame, info) => ({
    step: frame.step,
    totalSteps: frame.totalSteps,
    elapsedMs: frame.elapsedMs,
    images: {
      bytes: imageToBytes(frame.sample, info.manifest.image),
      count: frame.count,
      channels: frame.channels,
      width: frame.width,
      height: frame.height,
    },
  }),
  summarize: (kept) => kept,
};

/**
 * A grid drawn as the reader types, by a few-step model (a guidance-distilled student: one U-Net call per step, no
 * unconditional pass), on the path every model-driven figure takes (`useFrameGeneration`). A change of the request
 * cancels the running preview at once; the new one starts once the request has rested {@link LIVE_DEBOUNCE_MS}. An
 * empty prompt draws nothing; the last grid stays shown until the next one is done. `source` null turns it off (no
 * Worker, no download).
 */
export function useLivePreview(
  source: string | ModelFileMap | null,
  device: DeviceRequest,
  { prompt, guidanceScale, seed, count }: LiveRequest,
  enabled: boolean,
  active: boolean,
): LivePreview {
  const on = source !== null && enabled;
  const engine = useSharedEngine(source ?? undefined, device, on);
  const request: LiveRequest = { prompt, guidanceScale, seed, count };
  const key = JSON.stringify(request);
  const [rested, setRested] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setRested(key), LIVE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const runs = on && rested === key && prompt.trim() !== '';
  const gen = useFrameGeneration(engine, request, { enabled: on, runs, active }, LIVE_FRAMES);
  const newest = gen.summaries[gen.computed - 1] ?? null;
  // The last finished grid, with the request it was drawn for (kept while the next one runs).
  const [drawn, setDrawn] = useState<{ runKey: string; request: LiveRequest; frame: LiveFrame } | null>(null);
  if (gen.phase === 'done' && newest && drawn?.runKey !== gen.runKey)
    setDrawn({ runKey: gen.runKey, request, frame: newest });

  if (!on) return OFF;
  const { state } = engine;
  const info = state.status === 'ready' ? state.info : null;
  const named = info
    ? { modelName: info.manifest.name, scheduler: String(info.manifest.scheduler_config._class_name ?? '') }
    : { modelName: null, scheduler: null };
  const last: LivePreview = {
    ...named,
    status: drawn ? 'done' : 'waiting',
    request: drawn?.request ?? null,
    images: drawn?.frame.images ?? null,
    step: drawn?.frame.step ?? 0,
    totalSteps: drawn?.frame.totalSteps ?? 0,
    elapsedMs: drawn?.frame.elapsedMs ?? 0,
    error: null,
  };
  if (state.status === 'error') return { ...last, status: 'error', error: state.error };
  if (!info) return { ...last, status: 'loading' };
  if (gen.error) return { ...last, status: 'error', error: gen.error };
  if (!prompt.trim()) return { ...last, status: 'waiting' };
  if (!runs) return last;
  if (gen.phase === 'done' && newest)
    return {
      ...last,
      status: 'done',
      request,
      images: newest.images,
      step: newest.step,
      totalSteps: newest.totalSteps,
      elapsedMs: newest.elapsedMs,
    };
  return {
    ...last,
    status: 'running',
    request,
    step: newest?.step ?? 0,
    totalSteps: newest?.totalSteps ?? last.totalSteps,
  };
}
