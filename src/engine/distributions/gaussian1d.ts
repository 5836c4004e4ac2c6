import type { Rng } from '../rng/Rng';

/**
 * The 1-D normal distribution N(mean, std^2): density, seeded sampling and the maximum-likelihood fit.
 * Invalid parameters throw a RangeError whose message starts with the argument's name.
 */

function checkParams(mean: number, std: number): void {
  if (!Number.isFinite(mean)) throw new RangeError(`mean must be a finite number; got ${String(mean)}.`);
  if (!(Number.isFinite(std) && std > 0))
    throw new RangeError(`std must be a finite number greater than 0; got ${String(std)}.`);
}

/** The density of N(mean, std^2) at x: exp(-(x - mean)^2 / (2 std^2)) / (std sqrt(2 pi)). */
export function gaussianPdf(x: number, mean = 0, std = 1): number {
  checkParams(mean, std);
  const z = (x - mean) / std;
  return Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
}

/** log of {@link gaussianPdf}: -(x - mean)^2 / (2 std^2) - log(std) - log(2 pi) / 2. */
export function gaussianLogPdf(x: number, mean = 0, std = 1): number {
  checkParams(mean, std);
  const z = (x - mean) / std;
  return -0.5 * z * z - Math.log(std) - 0.5 * Math.log(2 * Math.PI);
}

/** `n` draws of N(mean, std^2) as mean + std * z with z = rng.normal(), in stream order (float64). */
export function sampleGaussian(rng: Rng, n: number, mean = 0, std = 1): Float64Array {
  checkParams(mean, std);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer; got ${String(n)}.`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mean + std * rng.normal();
  return out;
}

/** The maximum-likelihood estimate of a normal's parameters from samples. */
export interface GaussianFit {
  /** mu_hat = (1/n) sum x_i. */
  mean: number;
  /** sigma_hat^2 = (1/n) sum (x_i - mu_hat)^2: the biased MLE (divides by n, not n - 1). */
  variance: number;
  /** sqrt(variance). */
  std: number;
  /** How many samples were used. */
  count: number;
}

/**
 * Maximum-likelihood fit of N(mu, sigma^2) to the first `count` samples (all by default). Maximising
 * sum log N(x_i; mu, sigma^2) gives the sample mean and the *biased* variance (1/n) sum (x_i - mu_hat)^2,
 * whose expectation is (n - 1)/n sigma^2. Welford's update keeps it accurate when |mean| >> std.
 */
export function gaussianMle(samples: ArrayLike<number>, count = samples.length): GaussianFit {
  if (!Number.isSafeInteger(count) || count < 1 || count > samples.length) {
    throw new RangeError(`count must be an integer from 1 to ${samples.length}; got ${String(count)}.`);
  }
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < count; i++) {
    const x = samples[i]!;
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  const variance = m2 / count;
  return { mean, variance, std: Math.sqrt(variance), count };
}
