import { describe, expect, it } from 'vitest';
import { fitCellSize } from './fitCellSize';

describe('fitCellSize', () => {
  it('fills the width with as-square-as-possible columns, capped at max', () => {
    // 16 images: 4 columns; 4c + 3 x 2 <= 400 -> c = 98, capped at 96.
    expect(fitCellSize(400, { count: 16, gap: 2, max: 96 })).toBe(96);
    // 4c + 6 <= 200 -> c = 48.
    expect(fitCellSize(200, { count: 16, gap: 2, max: 96 })).toBe(48);
    expect(fitCellSize(200, { count: 16, gap: 2, max: 96, columns: 8 })).toBe(23);
  });

  it('never goes below min, and keeps max while the width is unknown (server, first render)', () => {
    expect(fitCellSize(10, { count: 16, gap: 2, max: 96 })).toBe(4);
    expect(fitCellSize(null, { count: 16, gap: 2, max: 40 })).toBe(40);
    expect(fitCellSize(0, { count: 16, gap: 2, max: 40 })).toBe(40);
  });
});
