import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { GENERATION_DEFAULTS, PauseController, WordTokenizer, type DeviceRequest, type GenerationFrame, type ModelInfo, type WorkerGenerateOptions } from '../../engine';
import { usePropState } from '../../hooks/usePropState';
import { useSharedEngine } from '../../hooks/useSharedEngine';
import type { BatchShape } from '../shared/draw/drawSamples';
import { runForModel } from '../shared/generation/runForModel';
import { runGeneration } from '../shared/generation/runGeneration';
import { imageConventionOf } from '../shared/generation/imageConvention';
import { imageToBytes, type ImageConvention } from '../shared/generation/sampleBytes';
import { attentionRegion, storeAttention, type StoredAttention } from './attentionMaps';
import type { AttentionPhase } from './describeAttention';

/** What is generated (a change of content restarts the generation). */
export type AttentionRun = Pick<WorkerGenerateOptions, 'prompt' | 'count' | 'steps' | 'scheduler' | 'guidanceScale' | 'seed'>;

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
    count: frame.count,
    channels: frame.channels,
    width: frame.width,
    height: frame.height,
    sample: imageToBytes(frame.sample, image),
    predictedX0: imageToBytes(frame.predictedX0, image),
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
  return { timestep: frame.timestep, means: a ? Array.from(a.means) : [], maxes: a ? Array.from(a.maxes) : [], regions: a ? a.words.map((_, w) => attentionRegion(a, w)) : [] };
}

interface Progress {
  key: string;
  computed: number;
  done: boolean;
  error: Error | null;
  elapsedMs: number;
  summaries: StepSummary[];
}

const EMPTY: Omit<Progress, 'key'> = { computed: 0, done: false, error: null, elapsedMs: 0, summaries: [] };

/**
 * Loads the shared model and runs one generation with cross-attention maps per set of inputs, keeping every
 * step (glyph bytes and the words' maps) in a ref'd array; React state holds only the counters. Nothing runs
 * for a model without cross-attention or a prompt without words. A change of inputs aborts the running
 * generation; unmounting aborts it and releases the engine. Nothing is loaded until `enabled` ('idle' until
 * then); while `active` is false the running generation pauses between steps.
 */
export function useAttentionMap(model: string | undefined, device: DeviceRequest, run: AttentionRun, enabled: boolean, active = true) {
  const { engine, state } = useSharedEngine(model, device, enabled);
  const pauseRef = useRef<PauseController | null>(null);
  const activeRef = useRef(active);
  const framesRef = useRef<AttentionFrame[]>([]);
  const [attempt, setAttempt] = useState(0);
  const runKey = JSON.stringify(run);
  const [started] = usePropState(runKey, { init: () => run });
  const key = `${runKey}#${attempt}`;
  const [progress, setProgress] = useState<Progress>({ key: '', ...EMPTY });
  const info = state.status === 'ready' ? state.info : null;
  const supported = modelHasCrossAttention(info);
  const words = useMemo(() => promptWords(info, started.prompt ?? ''), [info, started.prompt]);
  const hasWords = words === null || words.length > 0;
  const runs = enabled && supported && hasWords;

  useEffect(() => {
    if (!runs || !engine || !info) return;
    const controller = new AbortController();
    const pause = new PauseController();
    pause.setPaused(!activeRef.current);
    pauseRef.current = pause;
    const frames: AttentionFrame[] = [];
    framesRef.current = frames;
    setProgress({ key, ...EMPTY });
    const options = { ...runForModel(started, info), crossAttention: true };
    runGeneration(engine.worker, options, controller.signal, (frame) => {
      const kept = keepFrame(frame, imageConventionOf(info.manifest.image));
      frames.push(kept);
      setProgress((p) => ({ ...p, computed: frames.length, elapsedMs: frame.elapsedMs, summaries: [...p.summaries, summarize(kept)] }));
    }, pause.signal)
      .then((outcome) => {
        if (outcome === 'done' && !controller.signal.aborted) setProgress((p) => ({ ...p, done: true }));
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setProgress((p) => ({ ...p, error }));
      });
    return () => controller.abort();
  }, [runs, engine, info, key, started]);

  useEffect(() => {
    activeRef.current = active;
    pauseRef.current?.setPaused(!active);
  }, [active]);

  const current = progress.key === key ? progress : { key, ...EMPTY };
  const phase: AttentionPhase = !enabled
    ? 'idle'
    : state.status === 'error' || current.error
      ? 'error'
      : state.status !== 'ready'
        ? 'loading'
        : !supported
          ? 'unsupported'
          : !hasWords
            ? 'noWords'
            : current.done
              ? 'done'
              : 'generating';
  const retry = useCallback(() => {
    if (state.status === 'error') engine?.retry();
    else setAttempt((a) => a + 1);
  }, [engine, state.status]);

  return {
    engineState: state,
    phase,
    /** Every step computed so far, oldest first (read it in effects and handlers, not in render). */
    framesRef,
    /** The prompt's words as the model reads them (null until the model is loaded). */
    words,
    computed: current.computed,
    total: run.steps ?? GENERATION_DEFAULTS.steps,
    elapsedMs: current.elapsedMs,
    /** Per computed step: its timestep and each word's share and region. */
    summaries: current.summaries,
    error: state.status === 'error' ? state.error : current.error,
    errorPhase: (state.status === 'error' ? 'load' : 'generate') as 'load' | 'generate',
    runKey: key,
    retry,
  };
}
