import { describe, expect, it } from 'vitest';
import { brushBox, brushCells, cellAtFraction, lineCells, moveCursor, sideOfLength, stamp } from './sketchCells';

describe('sketch cell maths', () => {
  it('finds the cell under a point of the box, clamped to the edges', () => {
    expect(cellAtFraction(0, 0, 32)).toEqual({ row: 0, col: 0 });
    expect(cellAtFraction(0.999, 0.5, 32)).toEqual({ row: 16, col: 31 });
    expect(cellAtFraction(1.5, -0.2, 32)).toEqual({ row: 0, col: 31 });
    expect(cellAtFraction(Number.NaN, 0.1, 32)).toEqual({ row: 3, col: 0 });
  });

  it('draws a line of 8-connected cells, both ends included', () => {
    const cells = lineCells({ row: 0, col: 0 }, { row: 3, col: 9 });
    expect(cells[0]).toEqual({ row: 0, col: 0 });
    expect(cells.at(-1)).toEqual({ row: 3, col: 9 });
    expect(cells).toHaveLength(10);
    for (let i = 1; i < cells.length; i++) {
      expect(Math.abs(cells[i]!.row - cells[i - 1]!.row)).toBeLessThanOrEqual(1);
      expect(Math.abs(cells[i]!.col - cells[i - 1]!.col)).toBeLessThanOrEqual(1);
    }
    expect(lineCells({ row: 4, col: 4 }, { row: 4, col: 4 })).toEqual([{ row: 4, col: 4 }]);
    expect(lineCells({ row: 5, col: 2 }, { row: 1, col: 2 }).map((c) => c.row)).toEqual([5, 4, 3, 2, 1]);
  });

  it('stamps brushes clipped to the pad, and reports whether anything changed', () => {
    expect(brushCells({ row: 0, col: 0 }, 3, 32)).toHaveLength(4);
    expect(brushCells({ row: 5, col: 5 }, 2, 32)).toEqual([
      { row: 5, col: 5 },
      { row: 5, col: 6 },
      { row: 6, col: 5 },
      { row: 6, col: 6 },
    ]);
    expect(brushBox({ row: 31, col: 31 }, 2, 32)).toEqual({ row: 31, col: 31, rows: 1, cols: 1 });
    const cells = new Float32Array(16);
    expect(stamp(cells, [{ row: 1, col: 1 }], 'draw', 2, 4)).toBe(true);
    expect(Array.from(cells).filter((v) => v === 1)).toHaveLength(4);
    expect(stamp(cells, [{ row: 1, col: 1 }], 'draw', 2, 4)).toBe(false);
    expect(stamp(cells, [{ row: 2, col: 2 }], 'erase', 1, 4)).toBe(true);
    expect(cells[10]).toBe(0);
  });

  it('moves the cursor with arrows, Home/End (Ctrl: corners), PageUp/PageDown, stopping at the edges', () => {
    const at = { row: 5, col: 5 };
    expect(moveCursor(at, { key: 'ArrowLeft' }, 32)).toEqual({ row: 5, col: 4 });
    expect(moveCursor({ row: 0, col: 0 }, { key: 'ArrowUp' }, 32)).toEqual({ row: 0, col: 0 });
    expect(moveCursor(at, { key: 'End' }, 32)).toEqual({ row: 5, col: 31 });
    expect(moveCursor(at, { key: 'Home', ctrlKey: true }, 32)).toEqual({ row: 0, col: 0 });
    expect(moveCursor(at, { key: 'PageDown' }, 32)).toEqual({ row: 13, col: 5 });
    expect(moveCursor(at, { key: 'PageUp' }, 32)).toEqual({ row: 0, col: 5 });
    expect(moveCursor(at, { key: 'a' }, 32)).toBeNull();
    expect(sideOfLength(1024)).toBe(32);
    expect(sideOfLength(1000)).toBe(0);
  });
});
