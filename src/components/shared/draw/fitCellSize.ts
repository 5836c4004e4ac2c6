import { gridLayout } from './drawSamples';

/** Options of {@link fitCellSize}. */
export interface FitOptions {
  /** Images in the grid. */
  count: number;
  /** Space between cells in CSS pixels. */
  gap: number;
  /** The largest cell wanted (also the size used while the width is unknown, e.g. on the server). */
  max: number;
  /** The smallest cell drawn, however narrow the space (default 4). */
  min?: number;
  /** Number of columns (default: as square as possible). */
  columns?: number;
}

/**
 * The side of one cell, in whole CSS pixels, for a grid that fills `width` without overflowing it: the
 * largest c with columns x c + (columns - 1) x gap <= width, kept within [min, max]. With an unknown width
 * (null), `max`.
 */
export function fitCellSize(width: number | null, { count, gap, max, min = 4, columns }: FitOptions): number {
  if (width === null || !(width > 0)) return max;
  const { columns: c } = gridLayout(count, columns);
  const fit = Math.floor((width - (c - 1) * gap) / c);
  return Math.max(min, Math.min(max, fit));
}

/** Options of {@link fitGrid}. */
export interface GridFitOptions {
  /** Images in the grid. */
  count: number;
  /** Space between cells in CSS pixels. */
  gap: number;
  /** The largest cell wanted (also the size used while the width is unknown, e.g. on the server). */
  max: number;
  /**
   * The least cell worth a wider grid: the grid takes the fewest rows whose cells are at least this (or `max`, if
   * smaller), and falls back to the as-square-as-possible grid when even that is too small.
   */
  least: number;
  /** The smallest cell drawn, however narrow the space (default 4). */
  min?: number;
}

/**
 * The columns and cell side of a grid of `count` images that uses the width it is given: on a wide page one row of
 * large cells rather than a small square block with the page's width empty beside it; on a narrow one the
 * as-square-as-possible grid ({@link fitCellSize}). The candidates are the fewest columns of each row count (1 row,
 * 2 rows, ...), never more rows than columns; the first whose cells reach `least` wins, its cells capped at `max`.
 * With an unknown width (null), the square grid at `max`.
 */
export function fitGrid(
  width: number | null,
  { count, gap, max, least, min = 4 }: GridFitOptions,
): { columns: number; cellSize: number } {
  const n = Math.max(1, Math.floor(count));
  const square = gridLayout(n).columns;
  if (width !== null && width > 0) {
    const enough = Math.min(least, max);
    for (let rows = 1; ; rows++) {
      const columns = Math.ceil(n / rows);
      if (columns <= square) break;
      const fit = Math.floor((width - (columns - 1) * gap) / columns);
      if (fit >= enough) return { columns, cellSize: Math.min(max, fit) };
    }
  }
  return { columns: square, cellSize: fitCellSize(width, { count: n, gap, max, min }) };
}
