import type { Rng } from '../rng/Rng';
import { ForwardNoiseError } from './ForwardNoiseError';

/** A flat array of samples: float32 for images and model tensors, float64 for exact maths. */
export type FloatArray = Float32Array | Float64Array;

/** The coefficients of x_0 and eps in x_t = signal * x_0 + noise * eps. */
export interface NoiseCoefficients {
  readonly signal: number;
  readonly noise: number;
}

/** The variance-preserving coefficients at abar_t: sqrt(abar_t) and sqrt(1 - abar_t) (Ho et al. 2020, eq. 4). */
export function vpNoiseCoefficients(alphaCumprod: number): NoiseCoefficients {
  return { signal: Math.sqrt(alphaCumprod), noise: Math.sqrt(1 - alphaCumprod) };
}

/**
 * The forward-noising loop that every `addNoise` of the kit runs: `original` holds `coefficients.length` items
 * of equal size back to back, and item b becomes signal_b * x_0 + noise_b * eps. The result has the type of
 * `original`. Callers check the lengths (each with its own error type).
 */
export function mixSignalAndNoise<T extends FloatArray>(
  original: T,
  noise: FloatArray,
  coefficients: readonly NoiseCoefficients[],
): T {
  const itemSize = original.length / coefficients.length;
  const out = like(original, original.length);
  coefficients.forEach(({ signal, noise: noiseScale }, b) => {
    for (let i = b * itemSize, end = i + itemSize; i < end; i++)
      out[i] = signal * original[i]! + noiseScale * noise[i]!;
  });
  return out;
}

function checkTimestep(t: number, alphasCumprod: Float64Array, field: string): void {
  if (!Number.isInteger(t) || t < 0 || t >= alphasCumprod.length) {
    throw new ForwardNoiseError(field, `must be an integer from 0 to ${alphasCumprod.length - 1}; got ${String(t)}.`);
  }
}

function like<T extends FloatArray>(a: T, n: number): T {
  return (a instanceof Float32Array ? new Float32Array(n) : new Float64Array(n)) as T;
}

/**
 * Forward noising in closed form, one timestep per batch item (Ho et al. 2020, eq. 4):
 *   x_t = sqrt(abar_t) * x_0 + sqrt(1 - abar_t) * eps,   eps ~ N(0, I),
 * where abar_t = prod_{s<=t} (1 - beta_s) is `alphasCumprod[t]`. `original` holds `timesteps.length` items
 * of equal size, back to back; the result has the type of `original`.
 */
export function addNoise<T extends FloatArray>(
  original: T,
  noise: FloatArray,
  timesteps: ArrayLike<number>,
  alphasCumprod: Float64Array,
): T {
  if (noise.length !== original.length) {
    throw new ForwardNoiseError('noise', `must have the length of original (${original.length}); got ${noise.length}.`);
  }
  const batch = timesteps.length;
  if (batch < 1 || original.length % batch !== 0) {
    throw new ForwardNoiseError(
      'timesteps',
      `needs one timestep per batch item, and original's length (${original.length}) must divide into ${batch} equal items.`,
    );
  }
  const coefficients = Array.from(timesteps, (t, b) => {
    checkTimestep(t, alphasCumprod, `timesteps[${b}]`);
    return vpNoiseCoefficients(alphasCumprod[t]!);
  });
  return mixSignalAndNoise(original, noise, coefficients);
}

/** The result of noising with freshly drawn noise: the noised sample and the noise that made it. */
export interface NoisedSample<T extends FloatArray> {
  /** x_t. */
  noisy: T;
  /** eps, the standard normal noise used (what an epsilon-predicting model must recover). */
  noise: T;
}

/** Samples q(x_t | x_0) for a single timestep `t`, drawing eps from `rng` in element order. */
export function noiseTo<T extends FloatArray>(
  original: T,
  t: number,
  alphasCumprod: Float64Array,
  rng: Rng,
): NoisedSample<T> {
  checkTimestep(t, alphasCumprod, 't');
  const noise = like(original, original.length);
  for (let i = 0; i < noise.length; i++) noise[i] = rng.normal();
  return { noisy: addNoise(original, noise, [t], alphasCumprod), noise };
}

/** Mean scale and standard deviation of q(x_t | x_0): x_t ~ N(sqrt(abar_t) x_0, (1 - abar_t) I). */
export function forwardMoments(t: number, alphasCumprod: Float64Array): { signalScale: number; noiseStd: number } {
  checkTimestep(t, alphasCumprod, 't');
  const { signal, noise } = vpNoiseCoefficients(alphasCumprod[t]!);
  return { signalScale: signal, noiseStd: noise };
}
