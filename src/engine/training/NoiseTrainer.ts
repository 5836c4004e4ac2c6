import { createRng } from '../rng/createRng';
import { type AdamOptions, type AdamState, adamStep, createAdamState } from './adam';
import {
  DEFAULT_NOISE_PREDICTOR_SPEC,
  type NoisePredictor,
  type NoisePredictorSpec,
  createNoisePredictor,
} from './noisePredictor';
import { type NoiseBatch, createNoiseBatch, drawNoiseBatch, noisePredictionLoss } from './noisePredictionLoss';
import { type PredictorWorkspace, createPredictorWorkspace } from './predictorWorkspace';
import { checkTrainingData } from './trainingData';

/** Options of {@link createNoiseTrainer}. */
export interface NoiseTrainerOptions {
  /** The training set: [x, y] pairs, at least one point. */
  data: ArrayLike<number>;
  /** abar_t for t = 0..T-1 (the schedules module's `alphasCumprod`). */
  alphasCumprod: ArrayLike<number>;
  /** Seed of the initial weights and of every batch (default 0). */
  seed?: number;
  /** The network's shape (defaults in {@link DEFAULT_NOISE_PREDICTOR_SPEC}; T comes from `alphasCumprod`). */
  model?: Partial<Omit<NoisePredictorSpec, 'numTrainTimesteps'>>;
  /** Samples per step (default 128). */
  batchSize?: number;
  /**
   * Adam's hyperparameters (default learning rate 2e-2, high for Adam but right for this small network with the decay
   * below).
   */
  adam?: AdamOptions;
  /**
   * Steps over which the learning rate decays along a half cosine to 5% of its start (default 3000; 0 keeps it
   * constant). Past them it stays at 5%.
   */
  decaySteps?: number;
}

/**
 * A diffusion model in training: the noise predictor, Adam's state and the seeded batch stream. `train(n)`
 * takes n optimiser steps on the noise-prediction loss; with the same options and seed, the weights after
 * n steps are the same bits every time (on one JavaScript engine: Math.exp and Math.sin may differ between
 * engines in the last bit).
 */
export interface NoiseTrainer {
  /** The network being trained (its `params` change in place). */
  readonly model: NoisePredictor;
  /** Optimiser steps taken so far. */
  readonly step: number;
  /** The loss of every step so far, in order. */
  readonly losses: readonly number[];
  /** Takes `steps` optimiser steps; returns their mean loss. */
  train(steps: number): number;
  /** The learning rate of the next step. */
  learningRate(): number;
  /** A copy of the parameters. */
  snapshot(): Float64Array;
}

/** Starts training from freshly initialised weights. Streams split off `seed`: weights, then batches. */
export function createNoiseTrainer(options: NoiseTrainerOptions): NoiseTrainer {
  const data = checkTrainingData(options.data);
  const alphasCumprod = Float64Array.from(options.alphasCumprod);
  if (alphasCumprod.length < 2)
    throw new RangeError(`alphasCumprod must hold at least 2 timesteps; got ${alphasCumprod.length}.`);
  const batchSize = options.batchSize ?? 128;
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 4096))
    throw new RangeError(`batchSize must be an integer from 1 to 4096; got ${String(batchSize)}.`);
  const decaySteps = options.decaySteps ?? 3000;
  const adam: AdamOptions = { learningRate: 2e-2, ...options.adam };
  const master = createRng(options.seed ?? 0);
  const initRng = createRng(master.nextUint32());
  const batchRng = createRng(master.nextUint32());
  const model = createNoisePredictor(
    { ...DEFAULT_NOISE_PREDICTOR_SPEC, ...options.model, numTrainTimesteps: alphasCumprod.length },
    initRng,
  );
  const state: AdamState = createAdamState(model.params.length);
  const grads = new Float64Array(model.params.length);
  const batch: NoiseBatch = createNoiseBatch(batchSize);
  const workspace: PredictorWorkspace = createPredictorWorkspace(model, batchSize);
  const scratch = new Float64Array(2 * batchSize);
  const losses: number[] = [];

  // lr(n) = lr0 (0.05 + 0.95 (1 + cos(pi min(n, N) / N)) / 2): a half cosine from lr0 down to 5% of it.
  const learningRate = () => {
    const lr0 = adam.learningRate!;
    if (decaySteps <= 0) return lr0;
    const f = Math.min(state.step, decaySteps) / decaySteps;
    return lr0 * (0.05 + 0.475 * (1 + Math.cos(Math.PI * f)));
  };

  return {
    model,
    get step() {
      return state.step;
    },
    losses,
    learningRate,
    train(steps) {
      let sum = 0;
      for (let n = 0; n < steps; n++) {
        drawNoiseBatch(data, alphasCumprod, batchRng, batch);
        grads.fill(0);
        const loss = noisePredictionLoss(model, batch, workspace, scratch, grads);
        adamStep(model.params, grads, state, adam, learningRate());
        losses.push(loss);
        sum += loss;
      }
      return steps > 0 ? sum / steps : NaN;
    },
    snapshot: () => model.params.slice(),
  };
}
