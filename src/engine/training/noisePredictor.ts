import type { Rng } from '../rng/Rng';
import { timeFrequencies } from './timeEmbedding';

/**
 * The noise predictor eps_theta(x_t, t) of a 2-D diffusion model: a multilayer perceptron
 *   input  h_0 = [x, y, emb(t)]                      (2 + 2K numbers; emb in timeEmbedding.ts)
 *   hidden h_l = act(W_l h_{l-1} + b_l), l = 1..L    (width H each, act = SiLU or ReLU)
 *   output eps = W_out h_L + b_out                   (2 numbers, linear)
 * All parameters live in one flat float64 array, layer after layer, each layer its weights (row-major,
 * [out][in]) then its biases, so that the optimiser and a snapshot see a single buffer.
 */

/** The activation of the hidden layers. */
export type Activation = 'silu' | 'relu';

/** The shape of a noise predictor. */
export interface NoisePredictorSpec {
  /** Width H of every hidden layer. */
  hiddenWidth: number;
  /** Number L of hidden layers. */
  hiddenLayers: number;
  /** Number K of time frequencies (the embedding has 2K numbers). */
  timeFrequencies: number;
  /** The highest time frequency, in radians per unit of t / T. */
  maxFrequency: number;
  /** The hidden activation. */
  activation: Activation;
  /** T, the number of training timesteps (t / T feeds the embedding). */
  numTrainTimesteps: number;
}

/** The default shape: 3 hidden layers of 64 SiLU units, 8 time frequencies up to 64 rad. */
export const DEFAULT_NOISE_PREDICTOR_SPEC: Omit<NoisePredictorSpec, 'numTrainTimesteps'> = {
  hiddenWidth: 64,
  hiddenLayers: 3,
  timeFrequencies: 8,
  maxFrequency: 64,
  activation: 'silu',
};

/** Where one dense layer's parameters sit in the flat array. */
export interface DenseLayer {
  /** Inputs and outputs of the layer. */
  inputs: number;
  outputs: number;
  /** Offset of W (outputs x inputs, row-major) and of b (outputs). */
  weightOffset: number;
  biasOffset: number;
}

/** A noise predictor: its shape, its layers' layout and its parameters. */
export interface NoisePredictor {
  readonly spec: NoisePredictorSpec;
  /** The dense layers, input to output; the last one is the linear output layer. */
  readonly layers: readonly DenseLayer[];
  /** w_k of the time embedding. */
  readonly frequencies: Float64Array;
  /** Every parameter, flat (see {@link DenseLayer}). */
  readonly params: Float64Array;
}

/** The dense layers of a shape and the total parameter count. */
export function noisePredictorLayout(spec: NoisePredictorSpec): { layers: DenseLayer[]; size: number } {
  const widths = [
    2 + 2 * spec.timeFrequencies,
    ...Array.from({ length: spec.hiddenLayers }, () => spec.hiddenWidth),
    2,
  ];
  const layers: DenseLayer[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const inputs = widths[l]!;
    const outputs = widths[l + 1]!;
    layers.push({ inputs, outputs, weightOffset: offset, biasOffset: offset + inputs * outputs });
    offset += inputs * outputs + outputs;
  }
  return { layers, size: offset };
}

/** Checks a shape, throwing a RangeError naming the field. */
export function checkNoisePredictorSpec(spec: NoisePredictorSpec): void {
  const int = (name: keyof NoisePredictorSpec, min: number, max: number) => {
    const v = spec[name];
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max)) {
      throw new RangeError(`${name} must be an integer from ${min} to ${max}; got ${String(v)}.`);
    }
  };
  int('hiddenWidth', 1, 1024);
  int('hiddenLayers', 1, 8);
  int('timeFrequencies', 1, 64);
  int('numTrainTimesteps', 2, 100_000);
  if (!(Number.isFinite(spec.maxFrequency) && spec.maxFrequency >= 1 && spec.maxFrequency <= 10_000)) {
    throw new RangeError(`maxFrequency must be a number from 1 to 10000; got ${String(spec.maxFrequency)}.`);
  }
  if (spec.activation !== 'silu' && spec.activation !== 'relu')
    throw new RangeError(`activation must be 'silu' or 'relu'; got ${String(spec.activation)}.`);
}

/**
 * A fresh predictor, initialised as PyTorch's nn.Linear does (He et al. 2015, uniform): every weight and bias
 * of a layer with n inputs from U(-1/sqrt(n), 1/sqrt(n)), drawn from `rng` in layout order.
 */
export function createNoisePredictor(spec: NoisePredictorSpec, rng: Rng): NoisePredictor {
  checkNoisePredictorSpec(spec);
  const { layers, size } = noisePredictorLayout(spec);
  const params = new Float64Array(size);
  for (const layer of layers) {
    const bound = 1 / Math.sqrt(layer.inputs);
    const end = layer.biasOffset + layer.outputs;
    for (let i = layer.weightOffset; i < end; i++) params[i] = (2 * rng.uniform() - 1) * bound;
  }
  return { spec: { ...spec }, layers, frequencies: timeFrequencies(spec.timeFrequencies, spec.maxFrequency), params };
}

/** A predictor of shape `spec` around existing parameters (e.g. a snapshot from a training Worker). */
export function noisePredictorFromParams(spec: NoisePredictorSpec, params: Float64Array): NoisePredictor {
  checkNoisePredictorSpec(spec);
  const { layers, size } = noisePredictorLayout(spec);
  if (params.length !== size)
    throw new RangeError(`params must hold ${size} numbers for this shape; got ${params.length}.`);
  return { spec: { ...spec }, layers, frequencies: timeFrequencies(spec.timeFrequencies, spec.maxFrequency), params };
}
