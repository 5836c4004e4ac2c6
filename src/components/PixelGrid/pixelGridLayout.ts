/** How a grid is drawn: cell size in px, SVG or canvas, and whether values are written in the cells. */
export interface PixelGridLayout {
  cellSize: number;
  renderer: 'svg' | 'canvas';
  showValues: boolean;
}

/** Cells at least this large (px) use SVG in `auto` mode (and grids of at most 32 x 32). */
export const SVG_MIN_CELL = 14;
/** SVG for grids of at most this many cells in `auto` mode. */
export const SVG_MAX_CELLS = 32 * 32;
/** Values are written in cells at least this large (px) in `auto` mode. */
export const VALUE_MIN_CELL = 30;
/** The most cells that get their values written (one text each: 256 x 256 took about a second to draw). */
export const MAX_VALUE_CELLS = 64 * 64;

/**
 * Chooses the layout: cells of `cellSize` px, or as large as fit in `size` px; SVG for small grids with
 * large cells (crisp text, one element per cell), canvas otherwise (one image, cheap to redraw).
 */
export function pixelGridLayout(options: {
  width: number;
  height: number;
  size: number;
  cellSize?: number;
  renderer: 'auto' | 'svg' | 'canvas';
  showValues: 'auto' | boolean;
}): PixelGridLayout {
  const { width, height, size } = options;
  const cellSize = options.cellSize ?? Math.max(1, Math.floor(size / Math.max(width, height)));
  const renderer =
    options.renderer !== 'auto'
      ? options.renderer
      : width * height <= SVG_MAX_CELLS && cellSize >= SVG_MIN_CELL
        ? 'svg'
        : 'canvas';
  const few = width * height <= MAX_VALUE_CELLS;
  const showValues =
    options.showValues === 'auto' ? cellSize >= VALUE_MIN_CELL && few : options.showValues && cellSize >= 8 && few;
  return { cellSize, renderer, showValues };
}

/**
 * Font size (px) of values written in cells: "−0.55" (digits + 3 characters of about 0.62 em) fits the cell with 2 px
 * to spare on each side, so the values of neighbouring cells never touch.
 */
export function valueFontSize(cellSize: number, digits: number): number {
  return Math.max(7, Math.min(14, (cellSize - 4) / (0.62 * (digits + 3))));
}
