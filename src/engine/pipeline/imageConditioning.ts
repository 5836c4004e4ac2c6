import type { FloatArray } from '../forward/addNoise';
import type { EmbeddingConditioning } from '../model/conditioning';
import { createRng } from '../rng/createRng';
import type { Rng } from '../rng/Rng';
import { randn } from '../rng/randn';
import type { Scheduler } from '../schedulers/types';
import { lerp, slerp } from './slerp';
import type { GenerateOptions, InpaintResample } from './types';

/** One image (`size` values) repeated `count` times, or `count` images as they are (a copy either way). */
export function imageBatch(images: Float32Array, count: number, size: number): Float32Array {
  if (images.length === count * size) return images.slice();
  const out = new Float32Array(count * size);
  for (let i = 0; i < count; i++) out.set(images, i * size);
  return out;
}

/**
 * The standard normal noise a generation starts from (count x size, before any `initNoiseSigma` scaling):
 * - a seed walk: slerp(noise(seedA), noise(seedB), i / (count - 1)) for image i, noise(s) the first `size` draws
 *   of `createRng(s)` (what a plain generation with seed s and count 1 starts from);
 * - `initialNoise` when given;
 * - a prompt walk: the first `size` draws of `rng` for every image (one noise, the prompt alone changes);
 * - else `count * size` draws of `rng`, the plain generation's.
 */
export function startingNoise(options: GenerateOptions, count: number, size: number, rng: Rng): Float32Array {
  const seeds = options.walk?.seeds;
  if (seeds) {
    const a = randn(createRng(seeds[0]), size);
    const b = randn(createRng(seeds[1]), size);
    const out = new Float32Array(count * size);
    for (let i = 0; i < count; i++) out.set(slerp(a, b, i / (count - 1)), i * size);
    return out;
  }
  if (options.initialNoise) return options.initialNoise.slice();
  if (options.walk?.prompts) return imageBatch(randn(rng, size), count, size);
  return randn(rng, count * size);
}

/**
 * The conditional embeddings of a prompt walk: image i gets (1 - u) a + u b, u = i / (count - 1) (exactly a and b at
 * the ends). Masks: the ends keep their own; the points in between attend every token either end attends (the
 * elementwise maximum), so no word of either prompt is dropped mid-walk.
 */
export function walkEmbeddings(
  a: EmbeddingConditioning,
  b: EmbeddingConditioning,
  count: number,
): EmbeddingConditioning {
  const perItem = a.hidden.length;
  const hidden = new Float32Array(count * perItem);
  const L = a.mask?.length ?? b.mask?.length ?? 0;
  const ones = new Float32Array(L).fill(1);
  const maskA = a.mask ?? ones;
  const maskB = b.mask ?? ones;
  const withMask = a.mask !== undefined || b.mask !== undefined;
  const mask = withMask ? new Float32Array(count * L) : undefined;
  for (let i = 0; i < count; i++) {
    const u = i / (count - 1);
    hidden.set(lerp(a.hidden, b.hidden, u), i * perItem);
    if (mask) {
      for (let k = 0; k < L; k++)
        mask[i * L + k] = i === 0 ? maskA[k]! : i === count - 1 ? maskB[k]! : Math.max(maskA[k]!, maskB[k]!);
    }
  }
  return { hidden, ...(mask ? { mask } : {}), batch: count };
}

/** One operation of a sampling plan: a scheduler step from grid level `level`, or a RePaint jump back up the grid. */
export type PlanOp = { kind: 'step'; level: number } | { kind: 'jump'; from: number; to: number };

/**
 * The order of steps over a grid of n levels (level k: before the k-th step, 0-based; level n: the end), from
 * `start`: every level in turn, and with RePaint's resampling, at each jump point k (k = n-1, n-1-jumpLength, ...,
 * k >= jumpLength) a jump back to k - jumpLength and the steps down again, `jumps` times (RePaint's
 * `get_schedule_jump`).
 */
export function samplingPlan(n: number, start: number, resample: InpaintResample | undefined): PlanOp[] {
  const jumpLength = resample?.jumpLength ?? 0;
  const jumps = resample?.jumps ?? 0;
  const revisits = new Map<number, number>();
  const plan: PlanOp[] = [];
  let k = start;
  while (k < n) {
    const jumpPoint = jumps > 0 && k >= jumpLength && (n - 1 - k) % jumpLength === 0;
    const done = revisits.get(k) ?? 0;
    if (jumpPoint && done < jumps) {
      revisits.set(k, done + 1);
      plan.push({ kind: 'jump', from: k, to: k - jumpLength });
      k -= jumpLength;
      continue;
    }
    plan.push({ kind: 'step', level: k });
    k++;
  }
  return plan;
}

/** The scheduler's forward-noising coefficients at its timestep t: addNoise gives x_t = signal x_0 + noise eps. */
function noiseLevel(scheduler: Scheduler, t: number): { signal: number; noise: number } {
  const out = scheduler.addNoise(Float64Array.of(1, 0), Float64Array.of(0, 1), [t]);
  return { signal: out[0]!, noise: out[1]! };
}

/**
 * RePaint's jump from the less noisy timestep `tb` up to the noisier `ta`: x_a ~ q(x_a | x_b), in the scheduler's
 * own scale. With x_t = s_t x_0 + n_t eps, x_a = (s_a / s_b) x_b + sqrt(n_a^2 - (s_a / s_b)^2 n_b^2) z, which is
 * N(sqrt(abar_a / abar_b) x_b, (1 - abar_a / abar_b) I) at the VP scale (s = sqrt(abar), n = sqrt(1 - abar)) and
 * x_b + sqrt(sigma_a^2 - sigma_b^2) z at the Euler schedulers' (s = 1, n = sigma).
 */
export function jumpBack(scheduler: Scheduler, x: Float32Array, tb: number, ta: number, rng: Rng): Float32Array {
  const b = noiseLevel(scheduler, tb);
  const a = noiseLevel(scheduler, ta);
  const ratio = a.signal / b.signal;
  const std = Math.sqrt(Math.max(0, a.noise * a.noise - ratio * ratio * b.noise * b.noise));
  const z = randn(rng, x.length);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = ratio * x[i]! + std * z[i]!;
  return out;
}

/** RePaint's replacement of the known region: m x + (1 - m) known, elementwise (in place). */
export function replaceKnown(x: Float32Array, known: FloatArray, mask: Float32Array): Float32Array {
  for (let i = 0; i < x.length; i++) {
    const m = mask[i]!;
    // Exactly the known value where m is 0 (even if x is not finite), exactly x where m is 1.
    x[i] = m === 0 ? known[i]! : m === 1 ? x[i]! : m * x[i]! + (1 - m) * known[i]!;
  }
  return x;
}
