import type { NoisePredictor } from './noisePredictor';
import { createPredictorWorkspace, type PredictorWorkspace } from './predictorWorkspace';
import { embedTime } from './timeEmbedding';

/**
 * The forward pass eps_theta(x_t, t) over a batch. SiLU(z) = z sigmoid(z) (Elfwing et al. 2018, the
 * "swish" of DDPM's U-Net); ReLU(z) = max(0, z). Each hidden unit also keeps its slope act'(z) for the
 * backward pass: SiLU'(z) = sigmoid(z) (1 + z (1 - sigmoid(z))), ReLU'(z) = [z > 0].
 */

/** sigmoid(z) = 1 / (1 + e^-z), written so that neither branch overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Predicts the noise of `count` points: `points` holds [x, y] pairs, `timesteps` one t per point (or one t
 * for all when it has length 1). Writes [eps_x, eps_y] pairs into `out` (a new array when not given).
 * `workspace` keeps what the backward pass needs; give one of at least `count` to avoid allocating.
 */
export function predictNoise(
  model: NoisePredictor,
  points: ArrayLike<number>,
  timesteps: ArrayLike<number>,
  count: number,
  out: Float64Array = new Float64Array(2 * count),
  workspace: PredictorWorkspace = createPredictorWorkspace(model, count),
): Float64Array {
  if (workspace.batch < count)
    throw new RangeError(`the workspace holds ${workspace.batch} samples, fewer than ${count}.`);
  const { layers, params, frequencies, spec } = model;
  const silu = spec.activation === 'silu';
  const a0 = workspace.activations[0]!;
  const in0 = layers[0]!.inputs;
  const sameT = timesteps.length === 1;
  for (let b = 0; b < count; b++) {
    a0[b * in0] = points[2 * b]!;
    a0[b * in0 + 1] = points[2 * b + 1]!;
    embedTime(sameT ? timesteps[0]! : timesteps[b]!, spec.numTrainTimesteps, frequencies, a0, b * in0 + 2);
  }
  const last = layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const { inputs, outputs, weightOffset, biasOffset } = layers[l]!;
    const a = workspace.activations[l]!;
    const hidden = l < last;
    const z = hidden ? workspace.preActivations[l]! : out;
    const next = hidden ? workspace.activations[l + 1]! : out;
    const slope = hidden ? workspace.slopes[l]! : out;
    const tail = inputs & ~3;
    for (let b = 0; b < count; b++) {
      const ai = b * inputs;
      const zo = b * outputs;
      for (let j = 0; j < outputs; j++) {
        // z_j = b_j + sum_i W_ji a_i, with four partial sums (independent additions pipeline better).
        const w = weightOffset + j * inputs;
        let s0 = params[biasOffset + j]!;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let i = 0;
        for (; i < tail; i += 4) {
          s0 += params[w + i]! * a[ai + i]!;
          s1 += params[w + i + 1]! * a[ai + i + 1]!;
          s2 += params[w + i + 2]! * a[ai + i + 2]!;
          s3 += params[w + i + 3]! * a[ai + i + 3]!;
        }
        for (; i < inputs; i++) s0 += params[w + i]! * a[ai + i]!;
        const s = s0 + s1 + (s2 + s3);
        z[zo + j] = s;
        if (!hidden) continue;
        if (silu) {
          const g = sigmoid(s);
          next[zo + j] = s * g;
          slope[zo + j] = g * (1 + s * (1 - g));
        } else {
          next[zo + j] = s > 0 ? s : 0;
          slope[zo + j] = s > 0 ? 1 : 0;
        }
      }
    }
  }
  return out;
}
