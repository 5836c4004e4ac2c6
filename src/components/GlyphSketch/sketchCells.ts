/**
 * The cell maths of the sketch pad (pure, no DOM): which cell a point of the pad's box falls in, the cells of a
 * straight stroke between two cells, stamping a brush, and the keyboard cursor's moves. A pad is a square of
 * `side` x `side` cells, row-major, each a value in [0, 1] (1 = ink, or "repaint" in a mask).
 */

/** The side of the kit's glyphs, in cells: the pad's default. */
export const SKETCH_SIDE = 32;

/** A cell of the pad: its row (0 at the top) and its column (0 at the left). */
export interface SketchCell {
  row: number;
  col: number;
}

/** What a stroke does to the cells it covers. */
export type SketchTool = 'draw' | 'erase';

/** The side of a square pad of `length` cells (32 for 1,024); 0 for an empty or non-square length. */
export function sideOfLength(length: number): number {
  const side = Math.round(Math.sqrt(length));
  return side > 0 && side * side === length ? side : 0;
}

const clampIndex = (i: number, side: number) => Math.max(0, Math.min(side - 1, i));

/**
 * The cell under a point given as shares of the pad's rendered box (0 at the left or top edge, 1 at the right or
 * bottom): a point off the pad (a captured pointer dragged past its edge) is clamped to the nearest edge cell.
 */
export function cellAtFraction(fx: number, fy: number, side: number): SketchCell {
  const col = clampIndex(Math.floor((Number.isFinite(fx) ? fx : 0) * side), side);
  const row = clampIndex(Math.floor((Number.isFinite(fy) ? fy : 0) * side), side);
  return { row, col };
}

/**
 * The cells of a straight line from `a` to `b`, both included, each one step (by side or corner) from the one
 * before (Bresenham's line): a fast stroke, whose pointer events land many cells apart, leaves no gap.
 */
export function lineCells(a: SketchCell, b: SketchCell): SketchCell[] {
  const cells: SketchCell[] = [];
  let { row, col } = a;
  const dc = Math.abs(b.col - col);
  const dr = -Math.abs(b.row - row);
  const sc = col < b.col ? 1 : -1;
  const sr = row < b.row ? 1 : -1;
  let err = dc + dr;
  for (;;) {
    cells.push({ row, col });
    if (row === b.row && col === b.col) return cells;
    const e2 = 2 * err;
    if (e2 >= dr) {
      err += dr;
      col += sc;
    }
    if (e2 <= dc) {
      err += dc;
      row += sr;
    }
  }
}

/**
 * The cells a brush of `brush` x `brush` cells covers when it is at `cell`: the cell is the brush's centre (for an
 * even brush, the top-left of its four centre cells), clipped to the pad.
 */
export function brushCells(cell: SketchCell, brush: number, side: number): SketchCell[] {
  const size = Math.max(1, Math.floor(brush));
  const before = Math.floor((size - 1) / 2);
  const cells: SketchCell[] = [];
  for (let dr = 0; dr < size; dr++) {
    for (let dc = 0; dc < size; dc++) {
      const row = cell.row - before + dr;
      const col = cell.col - before + dc;
      if (row >= 0 && row < side && col >= 0 && col < side) cells.push({ row, col });
    }
  }
  return cells;
}

/** The brush's box at `cell` (first row and column, and its size in cells), clipped to the pad: the cursor's outline. */
export function brushBox(cell: SketchCell, brush: number, side: number): SketchCell & { rows: number; cols: number } {
  const size = Math.max(1, Math.floor(brush));
  const before = Math.floor((size - 1) / 2);
  const row = Math.max(0, cell.row - before);
  const col = Math.max(0, cell.col - before);
  return {
    row,
    col,
    rows: Math.min(side, cell.row - before + size) - row,
    cols: Math.min(side, cell.col - before + size) - col,
  };
}

/**
 * Applies `tool` with the brush at every cell of `path` to `cells` in place (draw sets 1, erase sets 0); returns
 * whether any cell changed.
 */
export function stamp(
  cells: Float32Array,
  path: readonly SketchCell[],
  tool: SketchTool,
  brush: number,
  side: number,
): boolean {
  const ink = tool === 'draw' ? 1 : 0;
  let changed = false;
  for (const at of path) {
    for (const { row, col } of brushCells(at, brush, side)) {
      const i = row * side + col;
      if (cells[i] !== ink) {
        cells[i] = ink;
        changed = true;
      }
    }
  }
  return changed;
}

/** A key that moves the cursor, as the pad reads it. */
export interface CursorKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * Where a key takes the cursor, or null for a key that does not move it. Arrows: one cell. Home / End: the
 * start / end of the row; with Ctrl (or Cmd), the first / last cell of the pad. PageUp / PageDown: a quarter
 * of the pad up / down (8 rows of 32), stopping at the edge. Moves stop at the edges (no wrapping).
 */
export function moveCursor(from: SketchCell, event: CursorKey, side: number): SketchCell | null {
  const page = Math.max(1, Math.round(side / 4));
  const whole = Boolean(event.ctrlKey || event.metaKey);
  const to = (row: number, col: number): SketchCell => ({ row: clampIndex(row, side), col: clampIndex(col, side) });
  switch (event.key) {
    case 'ArrowLeft':
      return to(from.row, from.col - 1);
    case 'ArrowRight':
      return to(from.row, from.col + 1);
    case 'ArrowUp':
      return to(from.row - 1, from.col);
    case 'ArrowDown':
      return to(from.row + 1, from.col);
    case 'Home':
      return whole ? to(0, 0) : to(from.row, 0);
    case 'End':
      return whole ? to(side - 1, side - 1) : to(from.row, side - 1);
    case 'PageUp':
      return to(from.row - page, from.col);
    case 'PageDown':
      return to(from.row + page, from.col);
    default:
      return null;
  }
}

/** How many cells hold ink (a value of at least one half). */
export function inkCount(cells: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i]! >= 0.5) n++;
  return n;
}
