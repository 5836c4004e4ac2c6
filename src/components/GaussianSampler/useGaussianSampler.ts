import { useMemo } from 'react';
import { createRng } from '../../engine';
import {
  extent,
  gaussianMle,
  gaussianPdf,
  histogram,
  sampleGaussian,
  type GaussianFit,
  type Histogram,
} from '../../engine/internal';
import { checkNumber, firstProblem, type PropProblem } from '../shared/props/propChecks';
import { formatNumber } from '../shared/format/formatNumber';

/**
 * The largest `sampleCount` accepted (a million draws take about 30 ms on a quiet desktop, several times that on a busy
 * or slow machine).
 */
export const MAX_SAMPLES = 1_000_000;
/**
 * The most samples drawn on the server, and in the client render that hydrates its markup: a server render's
 * work does not grow with `sampleCount` beyond this. A larger count shows this many of them ("Histogram of
 * 10000 of 1000000 samples") until the client, once hydrated, draws them all.
 */
export const SERVER_MAX_SAMPLES = 10_000;
/** The largest `bins` accepted. */
export const MAX_BINS = 500;

/** What the sampler draws: N(mean, std^2), `sampleCount` draws from `seed`, binned into `bins`. */
export interface GaussianSamplerParams {
  mean: number;
  std: number;
  sampleCount: number;
  seed: number;
  bins: number;
}

/** A point of a density curve. */
export interface CurvePoint {
  x: number;
  y: number;
}

/** Everything the figure draws, for the first `shown` samples. */
export interface GaussianSamplerModel {
  /** All draws (the figure shows the first `shown`). */
  samples: Float64Array;
  /** How many samples are binned and fitted. */
  shown: number;
  /** x range of the axes: mean +- 4 std, widened to hold every sample (fixed while samples appear). */
  domain: [number, number];
  /** Density-normalised histogram of the shown samples over `domain`. */
  histogram: Histogram;
  /** The true parameters. */
  truth: { mean: number; variance: number; std: number };
  /** Maximum-likelihood fit of the shown samples (null before any is shown). */
  fit: GaussianFit | null;
  /** The true density over `domain`. */
  pdf: CurvePoint[];
  /** The fitted density (null when no fit, or the fit has zero variance, e.g. a single sample). */
  fitPdf: CurvePoint[] | null;
  /** Top of the y axis: the highest bar or curve. */
  yMax: number;
  /** A text description of the figure (for aria-describedby and the server render). */
  description: string;
}

/** The smallest `std` drawn: below it the density's peak, 1 / (std sqrt(2 pi)), and the variance leave float range. */
export const MIN_STD = 1e-6;

/** The accepted range of each parameter. */
export const GAUSSIAN_SAMPLER_LIMITS = {
  mean: { min: -1e6, max: 1e6 },
  std: { min: 0, minExclusive: true, max: 1e6 },
  sampleCount: { min: 1, max: MAX_SAMPLES, integer: true },
  seed: { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true },
  bins: { min: 1, max: MAX_BINS, integer: true },
} as const;

/** A std above 0 that is still too small to draw. */
export function checkTinyStd(std: number): PropProblem | null {
  return std > 0 && std < MIN_STD
    ? { prop: 'std', message: `std must be at least ${MIN_STD} (a narrower density cannot be drawn); got ${std}.` }
    : null;
}

/** The first invalid prop of a sampler, or null. */
export function checkGaussianSamplerParams(p: GaussianSamplerParams): PropProblem | null {
  const L = GAUSSIAN_SAMPLER_LIMITS;
  return firstProblem(
    checkNumber('mean', p.mean, L.mean),
    checkNumber('std', p.std, L.std) ?? checkTinyStd(p.std),
    checkNumber('sampleCount', p.sampleCount, L.sampleCount),
    checkNumber('seed', p.seed, L.seed),
    checkNumber('bins', p.bins, L.bins),
  );
}

/** Draws the samples of a (valid) parameter set; the x domain covers mean +- 4 std and every sample. */
export function drawSamples(
  mean: number,
  std: number,
  sampleCount: number,
  seed: number,
): { samples: Float64Array; domain: [number, number] } {
  const samples = sampleGaussian(createRng(seed), sampleCount, mean, std);
  const [lo, hi] = extent(samples);
  return { samples, domain: [Math.min(mean - 4 * std, lo), Math.max(mean + 4 * std, hi)] };
}

const CURVE_POINTS = 241;

function curve(domain: [number, number], mean: number, std: number): CurvePoint[] {
  const [a, b] = domain;
  return Array.from({ length: CURVE_POINTS }, (_, i) => {
    const x = a + ((b - a) * i) / (CURVE_POINTS - 1);
    return { x, y: gaussianPdf(x, mean, std) };
  });
}

/** Bins and fits the first `shown` samples; pure, so it is unit-tested without React. */
export function summariseSamples(
  drawn: { samples: Float64Array; domain: [number, number] },
  params: GaussianSamplerParams,
  shown: number,
): GaussianSamplerModel {
  const { samples, domain } = drawn;
  const n = Math.max(0, Math.min(samples.length, Math.floor(shown)));
  const hist = histogram(samples, { bins: params.bins, min: domain[0], max: domain[1], count: n });
  const fit = n > 0 ? gaussianMle(samples, n) : null;
  const pdf = curve(domain, params.mean, params.std);
  const fitPdf = fit && fit.std > 0 ? curve(domain, fit.mean, fit.std) : null;
  let yMax = 1 / (params.std * Math.sqrt(2 * Math.PI));
  for (const d of hist.density) yMax = Math.max(yMax, d);
  if (fitPdf) yMax = Math.max(yMax, 1 / (fit!.std * Math.sqrt(2 * Math.PI)));
  const truth = { mean: params.mean, variance: params.std * params.std, std: params.std };
  return {
    samples,
    shown: n,
    domain,
    histogram: hist,
    truth,
    fit,
    pdf,
    fitPdf,
    yMax,
    description: describe(params, truth, fit, n),
  };
}

function describe(
  p: GaussianSamplerParams,
  truth: { mean: number; variance: number },
  fit: GaussianFit | null,
  n: number,
): string {
  const f = (x: number) => formatNumber(x, 3);
  const head =
    `Histogram of ${n} of ${p.sampleCount} samples drawn from a normal distribution with true mean ${f(truth.mean)} ` +
    `and true variance ${f(truth.variance)} (seed ${p.seed}), in ${p.bins} bins normalised to a density. ` +
    'The solid curve is the true density.';
  if (!fit) return `${head} No samples are shown yet.`;
  return (
    `${head} The dotted curve is the maximum-likelihood fit: estimated mean ${f(fit.mean)}, estimated variance ` +
    `${f(fit.variance)} (the biased 1/n estimator).`
  );
}

/**
 * The model of a GaussianSampler: validates the props, draws the samples once per (mean, std, count,
 * seed), and bins and fits the first `shown` of them (all when `shown` is omitted). `drawLimit`, when given,
 * draws only the first `drawLimit` of the `sampleCount` samples (the same values, from the same seed), e.g.
 * {@link SERVER_MAX_SAMPLES} on the server; `shown` is then at most that.
 */
export function useGaussianSampler(
  params: GaussianSamplerParams,
  shown?: number,
  drawLimit?: number,
): { model: GaussianSamplerModel; problem: null } | { model: null; problem: PropProblem } {
  const { mean, std, sampleCount, seed, bins } = params;
  const problem = useMemo(
    () => checkGaussianSamplerParams({ mean, std, sampleCount, seed, bins }),
    [mean, std, sampleCount, seed, bins],
  );
  const drawCount = drawLimit === undefined ? sampleCount : Math.max(0, Math.min(sampleCount, Math.floor(drawLimit)));
  const drawn = useMemo(
    () => (problem ? null : drawSamples(mean, std, drawCount, seed)),
    [problem, mean, std, drawCount, seed],
  );
  const count = shown ?? sampleCount;
  const model = useMemo(
    () => (drawn ? summariseSamples(drawn, { mean, std, sampleCount, seed, bins }, count) : null),
    [drawn, mean, std, sampleCount, seed, bins, count],
  );
  return problem ? { model: null, problem } : { model: model!, problem: null };
}
