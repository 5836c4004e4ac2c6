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
