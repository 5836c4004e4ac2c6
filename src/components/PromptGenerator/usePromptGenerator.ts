import { useCallback, useMemo, useRef, useState } from 'react';
import { WordTokenizer, type DeviceRequest, type GenerationFrame } from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import type { BatchShape } from '../shared/draw/drawSamples';
import { runForModel } from '../shared/generation/runForModel';
import { runGeneration } from '../shared/generation/runGeneration';
import { imageToBytes, type ImageConvention } from '../shared/generation/sampleBytes';
import { useGeneration, type GenerationTask } from '../shared/generation/useGeneration';
import { generateOptions, type PromptSettings } from './promptSettings';

/** A batch of images as display bytes with its shape. */
export interface ImageGrid extends BatchShape {
  bytes: Uint8Array;
}

/** One generation in the results list. */
export interface PromptResult {
  id: number;
  settings: PromptSettings;
  status: 'running' | 'done' | 'cancelled' | 'error';
  /** Steps computed so far, of `totalSteps`. */
  step: number;
  totalSteps: number;
  /**
   * The images: while running the current sample x_t, when done the result (single step: predicted x0 for the prompt).
   */
  images: ImageGrid | null;
  /** Single step only: predicted x0 for the empty prompt, same seed. */
  baseline: ImageGrid | null;
  /** The timestep of the last model call. */
  timestep: number | null;
  elapsedMs: number;
  error: Error | null;
}

function grid(frame: GenerationFrame, values: Float32Array, image: ImageConvention): ImageGrid {
  return {
    bytes: imageToBytes(values, image),
    count: frame.count,
    channels: frame.channels,
    width: frame.width,
    height: frame.height,
  };
}

/** One generation asked for by Generate: its place in the results list and its settings. */
interface PromptRequest {
  id: number;
  settings: PromptSettings;
}

/** What the running result shows, as its generation reports it. */
type PromptProgress = Pick<PromptResult, 'step' | 'totalSteps' | 'images' | 'baseline' | 'timestep' | 'elapsedMs'>;

/**
 * One result as a generation task: the generation with the form's settings (while running, the sample as it
 * denoises); for the single step, then the same seed with the empty prompt, each one step from pure noise.
 */
const PROMPT_TASK: GenerationTask<PromptRequest | null, PromptProgress> = {
  initial: (request) => ({
    step: 0,
    totalSteps: request === null ? 0 : request.settings.mode === 'singleStep' ? 2 : request.settings.steps,
    images: null,
    baseline: null,
    timestep: null,
    elapsedMs: 0,
  }),
  async execute({ run: request, info, worker, signal, pause, update }) {
    if (request === null) return 'done';
    const { settings } = request;
    const image = info.manifest.image;
    const single = settings.mode === 'singleStep';
    let last: GenerationFrame | null = null;
    const outcome = await runGeneration(
      worker,
      runForModel(generateOptions(settings), info),
      signal,
      (frame) => {
        last = frame;
        // While running, show the sample as it denoises (or, for the single step, its prediction).
        const images = grid(frame, single ? frame.predictedX0 : frame.sample, image);
        update((p) => ({ ...p, step: frame.step, timestep: frame.timestep, elapsedMs: frame.elapsedMs, images }));
      },
      pause,
    );
    if (outcome === 'aborted') return 'aborted';
    const final = last as GenerationFrame | null;
    if (!final) throw new Error('the generation gave no frame.');
    if (!single) {
      const images = grid(final, final.sample, image);
      update((p) => ({ ...p, images, elapsedMs: final.elapsedMs }));
      return 'done';
    }
    // The same seed with the empty prompt: what the model predicts with nothing to steer it.
    let empty: GenerationFrame | null = null;
    const second = await runGeneration(
      worker,
      runForModel(generateOptions(settings, ''), info),
      signal,
      (frame) => (empty = frame),
      pause,
    );
    if (second === 'aborted') return 'aborted';
    const baseline = empty as GenerationFrame | null;
    if (!baseline) throw new Error('the generation with the empty prompt gave no frame.');
    const images = grid(final, final.predictedX0, image);
    const baselineImages = grid(baseline, baseline.predictedX0, image);
    update((p) => ({
      ...p,
      step: 2,
      images,
      baseline: baselineImages,
      elapsedMs: final.elapsedMs + baseline.elapsedMs,
    }));
    return 'done';
  },
};

/**
 * Where PromptGenerator stands: 'error' only when the model could not be loaded (a generation's error is its result's).
 */
export type PromptPhase = 'idle' | 'loading' | 'ready' | 'generating' | 'error';

/**
 * The model, a list of generations (newest first, at most `maxResults`), and the actions on it. Generate asks for
 * a run on the path every model-driven figure takes (`useGeneration`); one runs at a time: a new one cancels the
 * running one. Cancelling marks the result cancelled at once and discards its partial images; unmounting aborts
 * without touching state. Nothing is loaded until `enabled`; while `active` is false a running generation pauses
 * between steps.
 */
export function usePromptGenerator(
  model: string | undefined,
  device: DeviceRequest,
  maxResults: number,
  enabled = true,
  active = true,
) {
  const engine = useSharedEngine(model, device, enabled);
  const { state } = engine;
  const [request, setRequest] = useState<PromptRequest | null>(null);
  // Every result but the running one, newest first.
  const [history, setHistory] = useState<PromptResult[]>([]);
  const g = useGeneration(engine, request, { enabled, runs: request !== null, active }, PROMPT_TASK);
  const nextId = useRef(1);
  const info = state.status === 'ready' ? state.info : null;
  const tokenizer = useMemo(() => {
    try {
      return info?.tokenizer ? new WordTokenizer(info.tokenizer) : null;
    } catch {
      return null;
    }
  }, [info]);

  const { progress } = g;
  const current = useMemo<PromptResult | null>(
    () => request && { id: request.id, settings: request.settings, status: 'running', ...progress, error: null },
    [request, progress],
  );
  // A finished (or failed) run joins the list as it is (once, however often this render runs); the next one can start.
  if (current && (g.phase === 'done' || g.phase === 'error')) {
    const finished: PromptResult =
      g.phase === 'done'
        ? { ...current, status: 'done' }
        : { ...current, status: 'error', error: g.error, images: null, baseline: null };
    setHistory((h) => (h.some((r) => r.id === finished.id) ? h : [finished, ...h].slice(0, maxResults)));
    setRequest(null);
  }

  const cancel = useCallback(() => {
    if (!current) return;
    const cancelled: PromptResult = { ...current, status: 'cancelled', images: null, baseline: null };
    setHistory((h) => (h.some((r) => r.id === cancelled.id) ? h : [cancelled, ...h].slice(0, maxResults)));
    setRequest(null);
  }, [current, maxResults]);

  const generate = useCallback(
    (settings: PromptSettings) => {
      if (!engine.engine || !info) return;
      cancel();
      setRequest({ id: nextId.current++, settings });
    },
    [engine.engine, info, cancel],
  );

  const clear = useCallback(() => {
    setRequest(null);
    setHistory([]);
  }, []);

  const results = (current ? [current, ...history] : history).slice(0, maxResults);
  const running = current !== null;
  const phase: PromptPhase = !enabled
    ? 'idle'
    : state.status === 'error'
      ? 'error'
      : state.status !== 'ready'
        ? 'loading'
        : running
          ? 'generating'
          : 'ready';
  return {
    engineState: state,
    phase,
    tokenizer,
    results,
    generate,
    cancel,
    clear,
    running,
    /** The model's load error (a generation's error is shown in its result). */
    error: state.status === 'error' ? state.error : null,
    errorPhase: 'load' as const,
    retry: () => engine.engine?.retry(),
  };
}
