import { VIEW_EXTENT } from './trainerEvaluation';

/**
 * Drawing helpers of the 2-D panels: data coordinates in [-VIEW_EXTENT, VIEW_EXTENT]^2 to SVG pixels (y up),
 * and whole point clouds and arrow fields as one SVG path each (one element, however many points).
 */

/** Pixel x of data x in a panel of `size` pixels. */
export const px = (x: number, size: number) => ((x + VIEW_EXTENT) / (2 * VIEW_EXTENT)) * size;
/** Pixel y of data y (up is up). */
export const py = (y: number, size: number) => ((VIEW_EXTENT - y) / (2 * VIEW_EXTENT)) * size;
/** Data x of pixel x, and data y of pixel y. */
export const dataX = (p: number, size: number) => (p / size) * 2 * VIEW_EXTENT - VIEW_EXTENT;
export const dataY = (p: number, size: number) => VIEW_EXTENT - (p / size) * 2 * VIEW_EXTENT;

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The points as zero-length segments (drawn as dots by a round line cap), at most `limit` of them, skipping
 * evenly; points outside the view are left out.
 */
export function dotsPath(points: ArrayLike<number>, size: number, limit = 1000): string {
  const n = points.length / 2;
  const stride = Math.max(1, Math.ceil(n / limit));
  let d = '';
  for (let i = 0; i < n; i += stride) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (!(Math.abs(x) <= VIEW_EXTENT && Math.abs(y) <= VIEW_EXTENT)) continue;
    d += `M${r1(px(x, size))} ${r1(py(y, size))}h0`;
  }
  return d;
}

/**
 * Arrows of a vector field on an n x n grid (row 0 at the top), as one path. Lengths grow as |s| / scale up
 * to 90% of a cell, so two fields drawn with the same `scale` compare by eye.
 */
export function arrowsPath(field: ArrayLike<number>, n: number, size: number, scale: number): string {
  const cell = size / n;
  const maxLen = 0.9 * cell;
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const sx = field[2 * (r * n + c)]!;
      const sy = field[2 * (r * n + c) + 1]!;
      const m = Math.hypot(sx, sy);
      if (!(m > 0) || !Number.isFinite(m)) continue;
      const len = Math.min(maxLen, (maxLen * m) / scale);
      if (len < 0.5) continue;
      const ux = sx / m;
      const uy = -sy / m; // SVG y points down
      const x0 = (c + 0.5) * cell - (ux * len) / 2;
      const y0 = (r + 0.5) * cell - (uy * len) / 2;
      const x1 = x0 + ux * len;
      const y1 = y0 + uy * len;
      const h = Math.min(4, len / 3);
      d += `M${r1(x0)} ${r1(y0)}L${r1(x1)} ${r1(y1)}`;
      d += `M${r1(x1 - h * (ux - 0.5 * uy))} ${r1(y1 - h * (uy + 0.5 * ux))}L${r1(x1)} ${r1(y1)}L${r1(x1 - h * (ux + 0.5 * uy))} ${r1(y1 - h * (uy - 0.5 * ux))}`;
    }
  }
  return d;
}

/** A robust scale for a field's arrows: the 90th percentile of |s| (a few huge arrows do not shrink the rest). */
export function fieldScale(field: ArrayLike<number>): number {
  const m: number[] = [];
  for (let i = 0; i < field.length; i += 2) {
    const v = Math.hypot(field[i]!, field[i + 1]!);
    if (Number.isFinite(v)) m.push(v);
  }
  if (m.length === 0) return 1;
  m.sort((a, b) => a - b);
  return m[Math.floor(0.9 * (m.length - 1))]! || 1;
}
