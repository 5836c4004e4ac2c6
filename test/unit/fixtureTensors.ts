import { expect } from 'vitest';

/** A tensor as training/export*.py writes it into a model's fixtures: its shape and its values, flattened. */
export interface Tensor {
  shape: number[];
  data: number[];
}

/** The largest |a_i - b_i| of two arrays that must have the same length (checked). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
