/**
 * Adam (Kingma & Ba 2015, Algorithm 1) over one flat parameter array. With gradient g at step n (from 1):
 *   m <- beta1 m + (1 - beta1) g,   v <- beta2 v + (1 - beta2) g^2
 *   theta <- theta - lr * (m / (1 - beta1^n)) / (sqrt(v / (1 - beta2^n)) + epsilon)
 * (the bias corrections undo the zero start of m and v).
 */

/** Hyperparameters of {@link AdamState}. */
export interface AdamOptions {
  /** Step size (default 1e-3). */
  learningRate?: number;
  /** Decay of the first moment (default 0.9). */
  beta1?: number;
  /** Decay of the second moment (default 0.999). */
  beta2?: number;
  /** Added to the denominator (default 1e-8). */
  epsilon?: number;
}

/** Adam's moments and step count for `size` parameters. */
export interface AdamState {
  readonly m: Float64Array;
  readonly v: Float64Array;
  /** Steps taken so far. */
  step: number;
}

/** Zero moments for `size` parameters. */
export function createAdamState(size: number): AdamState {
  return { m: new Float64Array(size), v: new Float64Array(size), step: 0 };
}

/** One Adam update of `params` in place with `grads`; `learningRate` overrides the options' (for a schedule). */
export function adamStep(
  params: Float64Array,
  grads: Float64Array,
  state: AdamState,
  options: AdamOptions = {},
  learningRate?: number,
): void {
  const lr = learningRate ?? options.learningRate ?? 1e-3;
  const b1 = options.beta1 ?? 0.9;
  const b2 = options.beta2 ?? 0.999;
  const eps = options.epsilon ?? 1e-8;
  state.step += 1;
  const c1 = 1 - Math.pow(b1, state.step);
  const c2 = 1 - Math.pow(b2, state.step);
  const { m, v } = state;
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]!;
    const mi = (m[i] = b1 * m[i]! + (1 - b1) * g);
    const vi = (v[i] = b2 * v[i]! + (1 - b2) * g * g);
    params[i]! -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
  }
}
