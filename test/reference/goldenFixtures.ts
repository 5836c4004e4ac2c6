import { readFileSync } from 'node:fs';

/**
 * Reads a JSON fixture of test/fixtures/schedulers: those written by `test/reference/schedulers_ref.py`, the
 * independent float64 numpy reference, and `lcm_diffusers.json`, written by `lcm_diffusers_golden.py` from
 * diffusers' own LCMScheduler. Test support only: it lives outside src/ so the engine never imports node:fs.
 */
export function readSchedulerFixture<T>(
  name: 'loops.json' | 'timesteps.json' | 'schedules.json' | 'lcm_diffusers.json',
): T {
  const url = new URL(`../fixtures/schedulers/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** The analytic stand-in for a denoiser, identical to `model` in schedulers_ref.py (see its description). */
export function referenceModel(x: ArrayLike<number>, t: number): Float64Array {
  const c = 0.3 + 0.2 * Math.cos(t / 700);
  return Float64Array.from({ length: x.length }, (_, i) => c * x[i]! + 0.1 * Math.sin(0.5 * (i + 1) + t / 250));
}

/** Normwise relative difference max|a - b| / max|b| (infinity norm), the measure the golden tests report. */
export function relativeDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  if (actual.length !== expected.length || Number.isNaN(diff)) return Infinity;
  return scale === 0 ? diff : diff / scale;
}
