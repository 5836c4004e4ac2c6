import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PauseController, WordTokenizer, type DeviceRequest, type GenerationFrame } from '../../engine';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import type { BatchShape } from '../shared/draw/drawSamples';
import { runGeneration } from '../shared/generation/runGeneration';
import { imageToBytes, type ImageConvention } from '../shared/generation/sampleBytes';
import { runForModel } from '../shared/generation/runForModel';
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
  /** The images: while running the current sample x_t, when done the result (single step: predicted x0 for the prompt). */
  images: ImageGrid | null;
  /** Single step only: predicted x0 for the empty prompt, same seed. */
  baseline: ImageGrid | null;
  /** The timestep of the last model call. */
  timestep: number | null;
  elapsedMs: number;
  error: Error | null;
}

function grid(frame: GenerationFrame, values: Float32Array, image: ImageConvention): ImageGrid {
  return { bytes: imageToBytes(values, image), count: frame.count, channels: frame.channels, width: frame.width, height: frame.height };
}

/**
 * The model, a list of generations (newest first, at most `maxResults`), and the actions on it. One
 * generation runs at a time: a new one cancels the running one. Cancelling marks the result cancelled at
 * once and discards its partial images; unmounting aborts without touching state. Nothing is loaded until
 * `enabled`; while `active` is false a running generation pauses between steps.
 */
export function usePromptGenerator(model: string | undefined, device: DeviceRequest, maxResults: number, enabled = true, active = true) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const [results, setResults] = useState<PromptResult[]>([]);
  const running = useRef<{ id: number; controller: AbortController } | null>(null);
  const [pauser] = useState(() => new PauseController());
  useEffect(() => pauser.setPaused(!active), [pauser, active]);
  const nextId = useRef(1);
  const info = state.status === 'ready' ? state.info : null;
  const tokenizer = useMemo(() => {
    try {
      return info?.tokenizer ? new WordTokenizer(info.tokenizer) : null;
    } catch {
      return null;
    }
  }, [info]);

  useEffect(() => () => running.current?.controller.abort(), []);

  const update = useCallback((id: number, patch: (r: PromptResult) => Partial<PromptResult>) => {
    setResults((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch(r) } : r)));
  }, []);

  const cancel = useCallback(() => {
    const current = running.current;
    if (!current) return;
    running.current = null;
    current.controller.abort();
    update(current.id, () => ({ status: 'cancelled', images: null, baseline: null }));
  }, [update]);

  const generate = useCallback(
    (settings: PromptSettings) => {
      if (!engine || !info) return;
      cancel();
      const controller = new AbortController();
      const { signal } = controller;
      const id = nextId.current++;
      running.current = { id, controller };
      const image = info.manifest.image;
      const single = settings.mode === 'singleStep';
      const totalSteps = single ? 2 : settings.steps;
      setResults((rs) =>
        [{ id, settings, status: 'running' as const, step: 0, totalSteps, images: null, baseline: null, timestep: null, elapsedMs: 0, error: null }, ...rs].slice(0, maxResults),
      );
      const finish = (patch: Partial<PromptResult>) => {
        if (signal.aborted) return;
        running.current = null;
        update(id, () => patch);
      };
      (async () => {
        let last: GenerationFrame | null = null;
        let elapsed = 0;
        const outcome = await runGeneration(engine.worker, runForModel(generateOptions(settings), info), signal, (frame) => {
          last = frame;
          // While running, show the sample as it denoises (or, for the single step, its prediction).
          update(id, () => ({ step: frame.step, timestep: frame.timestep, elapsedMs: frame.elapsedMs, images: grid(frame, single ? frame.predictedX0 : frame.sample, image) }));
        }, pauser.signal);
        if (outcome === 'aborted' || !last) return;
        const final = last as GenerationFrame;
        elapsed = final.elapsedMs;
        if (!single) return finish({ status: 'done', images: grid(final, final.sample, image), elapsedMs: elapsed });
        // The same seed with the empty prompt: what the model predicts with nothing to steer it.
        let empty: GenerationFrame | null = null;
        const second = await runGeneration(engine.worker, runForModel(generateOptions(settings, ''), info), signal, (frame) => (empty = frame), pauser.signal);
        if (second === 'aborted' || !empty) return;
        const baseline = empty as GenerationFrame;
        finish({
          status: 'done',
          step: 2,
          images: grid(final, final.predictedX0, image),
          baseline: grid(baseline, baseline.predictedX0, image),
          elapsedMs: elapsed + baseline.elapsedMs,
        });
      })().catch((error: Error) => finish({ status: 'error', error, images: null, baseline: null }));
    },
    [engine, info, maxResults, cancel, update, pauser],
  );

  const clear = useCallback(() => {
    cancel();
    setResults([]);
  }, [cancel]);

  return { engine, engineState: state, tokenizer, results, generate, cancel, clear, running: results.some((r) => r.status === 'running') };
}
