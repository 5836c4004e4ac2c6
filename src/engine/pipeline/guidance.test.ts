import { describe, expect, it } from 'vitest';
import { applyGuidance } from './guidance';

describe('applyGuidance', () => {
  const batch = new Float32Array([1, 2, -1, /* cond: */ 3, 2, 1]);
  it('returns the conditional half at w = 1 and the unconditional half at w = 0', () => {
    expect(Array.from(applyGuidance(batch, 1))).toEqual([3, 2, 1]);
    expect(Array.from(applyGuidance(batch, 0))).toEqual([1, 2, -1]);
  });
  it('extrapolates past the conditional prediction for w > 1', () => {
    // 1 + 3 (3 - 1) = 7 ; 2 + 3 (2 - 2) = 2 ; -1 + 3 (1 + 1) = 5
    expect(Array.from(applyGuidance(batch, 3))).toEqual([7, 2, 5]);
  });
});
