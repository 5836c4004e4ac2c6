import { gridLayout } from '../draw/drawSamples';

/** The enlarged view's dialog, if one is open. */
export const openZoom = () => document.querySelector<HTMLDialogElement>('dialog[open]');

/** The enlarged view's canvas (the open dialog's picture). */
export const zoomCanvas = () => openZoom()?.querySelector<HTMLCanvasElement>('canvas[role="img"]') ?? null;

/** Where a grid's image is and how big its images are, for {@link zoomMismatches}. */
export interface ZoomCell {
  /** The image's index in the grid, 0-based. */
  index: number;
  /** Images in the grid. */
  count: number;
  /** Width and height of one source image, in its own pixels. */
  width: number;
  height: number;
  /** Space between cells in CSS pixels (SampleGridCanvas's default 2). */
  gap?: number;
}

/**
 * How many pixels of one cell of `grid` differ from the enlarged view `zoom` of the same image: every device
 * pixel of the cell is compared with the centre of the zoom's block for the same source pixel (both are drawn
 * nearest-neighbour from the same bytes, so they match exactly when the zoom shows that image). 0: a match.
 */
export function zoomMismatches(
  grid: HTMLCanvasElement,
  zoom: HTMLCanvasElement,
  { index, count, width: w, height: h, gap = 2 }: ZoomCell,
): number {
  const ratio = Math.min(devicePixelRatio || 1, 3);
  const { columns } = gridLayout(count);
  const gapPx = Math.round(gap * ratio);
  const cellPx = (grid.width - (columns - 1) * gapPx) / columns;
  const left = (index % columns) * (cellPx + gapPx);
  const top = Math.floor(index / columns) * (cellPx + gapPx);
  const cell = grid.getContext('2d')!.getImageData(left, top, cellPx, cellPx).data;
  const big = zoom.getContext('2d')!.getImageData(0, 0, zoom.width, zoom.height).data;
  let mismatches = 0;
  for (let y = 0; y < cellPx; y++) {
    const zy = Math.floor(((Math.floor((y * h) / cellPx) + 0.5) * zoom.height) / h);
    for (let x = 0; x < cellPx; x++) {
      const zx = Math.floor(((Math.floor((x * w) / cellPx) + 0.5) * zoom.width) / w);
      const a = (y * cellPx + x) * 4;
      const b = (zy * zoom.width + zx) * 4;
      if (cell[a] !== big[b] || cell[a + 1] !== big[b + 1] || cell[a + 2] !== big[b + 2]) mismatches++;
    }
  }
  return mismatches;
}
