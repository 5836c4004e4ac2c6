import type { NoisePredictor } from './noisePredictor';
import type { PredictorWorkspace } from './predictorWorkspace';

/**
 * The backward pass of {@link predictNoise}, by hand. Given dL/d(eps) for each of the `count` samples of the
 * last forward pass (the workspace holds its activations and slopes), accumulates dL/d(theta) into `grads`
 * (same layout as the parameters). Per dense layer z = W a + b, with delta = dL/dz:
 *   dL/dW += delta a^T,   dL/db += delta,   dL/da = W^T delta
 * and through the activation a = act(z): dL/dz = dL/da * act'(z).
 */
export function backpropagate(
  model: NoisePredictor,
  workspace: PredictorWorkspace,
  dOutput: ArrayLike<number>,
  count: number,
  grads: Float64Array,
): void {
  const { layers, params } = model;
  let delta = workspace.delta;
  let prev = workspace.deltaPrev;
  for (let k = 0; k < 2 * count; k++) delta[k] = dOutput[k]!;
  for (let l = layers.length - 1; l >= 0; l--) {
    const { inputs, outputs, weightOffset, biasOffset } = layers[l]!;
    const a = workspace.activations[l]!;
    const slope = l > 0 ? workspace.slopes[l - 1]! : null;
    for (let b = 0; b < count; b++) {
      const ai = b * inputs;
      const d = b * outputs;
      if (slope) prev.fill(0, ai, ai + inputs);
      for (let j = 0; j < outputs; j++) {
        const dj = delta[d + j]!;
        if (dj === 0) continue;
        grads[biasOffset + j]! += dj;
        const w = weightOffset + j * inputs;
        if (slope) {
          for (let i = 0; i < inputs; i++) {
            grads[w + i]! += dj * a[ai + i]!;
            prev[ai + i]! += params[w + i]! * dj;
          }
        } else {
          for (let i = 0; i < inputs; i++) grads[w + i]! += dj * a[ai + i]!;
        }
      }
      if (slope) for (let i = 0; i < inputs; i++) prev[ai + i]! *= slope[ai + i]!;
    }
    const swap = delta;
    delta = prev;
    prev = swap;
  }
}
