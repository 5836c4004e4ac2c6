import type { NoisePredictor } from './noisePredictor';

/**
 * Scratch memory of a forward pass over a batch, kept for the backward pass: the input and every hidden
 * layer's activation a_l and pre-activation z_l (B x width each, row per sample). Reused between steps so a
 * training step allocates nothing.
 */
export interface PredictorWorkspace {
  /** The batch size it holds. */
  readonly batch: number;
  /** a_0 (the input [x, y, emb(t)]), a_1, ..., a_L: one array per dense layer's input. */
  readonly activations: Float64Array[];
  /** z_1, ..., z_L of the hidden layers (the output layer's z is the output itself). */
  readonly preActivations: Float64Array[];
  /** act'(z_l) of the hidden layers, kept from the forward pass (SiLU's needs a sigmoid: computed once). */
  readonly slopes: Float64Array[];
  /** dL/da of the current and the previous layer during backpropagation (B x the widest layer). */
  readonly delta: Float64Array;
  readonly deltaPrev: Float64Array;
}

/** A workspace for batches of up to `batch` samples. */
export function createPredictorWorkspace(model: NoisePredictor, batch: number): PredictorWorkspace {
  const widest = Math.max(...model.layers.map((l) => Math.max(l.inputs, l.outputs)));
  return {
    batch,
    activations: model.layers.map((l) => new Float64Array(batch * l.inputs)),
    preActivations: model.layers.slice(0, -1).map((l) => new Float64Array(batch * l.outputs)),
    slopes: model.layers.slice(0, -1).map((l) => new Float64Array(batch * l.outputs)),
    delta: new Float64Array(batch * widest),
    deltaPrev: new Float64Array(batch * widest),
  };
}
