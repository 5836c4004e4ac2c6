import { describe, expect, it } from 'vitest';
import { fitCellSize, fitGrid } from './fitCellSize';

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

describe('fitGrid', () => {
  it('takes one row on a wide page, the fewest rows that keep the cells large, else the square grid', () => {
    // 4 images in 1000 px: one row of (1000 - 6) / 4 = 248 px cells, capped at 240.
    expect(fitGrid(1000, { count: 4, gap: 2, max: 240, least: 96 })).toEqual({ columns: 4, cellSize: 240 });
    expect(fitGrid(600, { count: 4, gap: 2, max: 240, least: 96 })).toEqual({ columns: 4, cellSize: 148 });
    // 4 x 80 px < 96: the 2 x 2 grid, its cells filling 328 px.
    expect(fitGrid(328, { count: 4, gap: 2, max: 240, least: 96 })).toEqual({ columns: 2, cellSize: 163 });
    // 16 images: 16 columns of 61 px are too small, 8 columns of 123 px are not.
    expect(fitGrid(1000, { count: 16, gap: 2, max: 96, least: 96 })).toEqual({ columns: 8, cellSize: 96 });
    // A max below least: cells of max are enough.
    expect(fitGrid(1000, { count: 4, gap: 2, max: 88, least: 96 })).toEqual({ columns: 4, cellSize: 88 });
    expect(fitGrid(200, { count: 1, gap: 2, max: 88, least: 96 })).toEqual({ columns: 1, cellSize: 88 });
  });

  it('is the square grid at max while the width is unknown', () => {
    expect(fitGrid(null, { count: 4, gap: 2, max: 40, least: 96 })).toEqual({ columns: 2, cellSize: 40 });
    expect(fitGrid(0, { count: 9, gap: 2, max: 40, least: 96 })).toEqual({ columns: 3, cellSize: 40 });
  });
});
