import { useEffect, useRef, useState } from 'react';
import { type SchedulerName, createRng } from '../../engine';
import { type NoisePredictor, type SampleBounds, sampleNoisePredictorSteps } from '../../engine/internal';

/**
 * Samples from the network being trained, drawn on the page one scheduler step at a time (each a few
 * milliseconds), yielding between steps so the page never stalls. At most one run at a time: weights that
 * arrive mid-run are sampled when it ends (after a short pause), so the samples follow training a few times
 * a second. Nothing runs on the server.
 */

/** Options of {@link useModelSamples}. */
export interface ModelSamplesOptions {
  alphasCumprod: Float64Array;
  scheduler: SchedulerName;
  steps: number;
  count: number;
  /** Seed of the starting noise: the same for every run, so the picture changes only as the network does. */
  seed: number;
  /**
   * The box the predicted clean points are kept in at each step (the training data's, a little wider): without
   * it a schedule that ends near abar = 0 (cosine) throws DDIM and Euler samples far off the data.
   */
  bounds: SampleBounds | null;
}

/** The latest finished samples, and whether a run is under way. */
export interface ModelSamples {
  /** [x, y] pairs, or null before the first run ends. */
  points: Float64Array | null;
  /** The training step of the weights they came from. */
  step: number;
  running: boolean;
}

const PAUSE_MS = 150;

export function useModelSamples(model: NoisePredictor, step: number, o: ModelSamplesOptions): ModelSamples {
  const [state, setState] = useState<ModelSamples>({ points: null, step: -1, running: false });
  const latest = useRef({ model, step, o });
  latest.current = { model, step, o };
  const run = useRef<{ cancel(): void; model: NoisePredictor; key: string } | null>(null);
  const { alphasCumprod, scheduler, steps, count, seed, bounds } = o;
  const key = `${scheduler}|${steps}|${count}|${seed}|${bounds ? `${bounds.xMin},${bounds.xMax},${bounds.yMin},${bounds.yMax}` : ''}`;

  useEffect(() => {
    if (run.current && run.current.key !== key) {
      run.current.cancel();
      run.current = null;
    }
    if (run.current) return; // the run under way starts the next one when it ends
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelled = false;
    const startRun = () => {
      const { model: m, step: at, o: opts } = latest.current;
      if (opts.count === 0) {
        setState({ points: new Float64Array(0), step: at, running: false });
        run.current = null;
        return;
      }
      const it = sampleNoisePredictorSteps(m, {
        alphasCumprod: opts.alphasCumprod,
        scheduler: opts.scheduler,
        steps: opts.steps,
        count: opts.count,
        rng: createRng(opts.seed),
        clipSample: opts.bounds,
      });
      setState((s) => ({ ...s, running: true }));
      const tick = () => {
        timer = null;
        if (cancelled) return;
        const started = performance.now();
        try {
          for (;;) {
            const r = it.next();
            if (r.done) {
              setState({ points: r.value, step: at, running: false });
              // Newer weights came in meanwhile: sample them after a pause.
              if (latest.current.model !== m) timer = setTimeout(startRun, PAUSE_MS);
              else run.current = null;
              return;
            }
            if (performance.now() - started > 8) break;
          }
        } catch {
          setState({ points: null, step: at, running: false });
          run.current = null;
          return;
        }
        timer = setTimeout(tick, 0);
      };
      if (run.current) run.current.model = m;
      tick();
    };
    run.current = {
      key,
      model,
      cancel() {
        cancelled = true;
        if (timer !== null) clearTimeout(timer);
      },
    };
    startRun();
  }, [model, key, alphasCumprod]);

  useEffect(
    () => () => {
      run.current?.cancel();
      run.current = null;
    },
    [],
  );
  return state;
}
