import { contourSegments } from './contours';
import type { ScoreFieldBase, ScoreFieldFrame } from './scoreFieldModel';

/**
 * Canvas drawing of the 2-D view, one function a layer; all take the frame and a data-to-pixel mapping and
 * touch nothing else. Kept out of React so a t change costs one model frame plus these calls.
 */

/** What the density painters read of a frame (GuidanceField passes its own grids in this shape). */
export type DensityLayer = Pick<ScoreFieldFrame, 'densityGrid' | 'logDensity' | 'logDensityMax' | 'logDensityMin'>;

/** The log-density span (in nats) below the maximum that the log scale shows; lower values clamp to the floor. */
export const LOG_DENSITY_RANGE = 12;

/** Maps data (x, y) to canvas pixels. */
export interface PixelMap {
  x(x: number): number;
  y(y: number): number;
  /** Canvas pixels per data unit. */
  scale: number;
}

/** A square view [-extent, extent]^2 onto a size x size canvas region. */
export function pixelMap(extent: number, width: number, height: number): PixelMap {
  const sx = width / (2 * extent);
  const sy = height / (2 * extent);
  return { x: (x) => (x + extent) * sx, y: (y) => (extent - y) * sy, scale: Math.min(sx, sy) };
}

/** The value in [0, 1] the colour map shows for log q: q / max q (linear) or the log span (log). */
export function densityLevels(
  frame: Pick<ScoreFieldFrame, 'logDensityMax' | 'logDensityMin'>,
  scale: 'linear' | 'log',
): { value(logq: number): number } {
  const max = frame.logDensityMax;
  if (scale === 'linear') return { value: (l) => Math.exp(l - max) };
  const floor = Math.max(frame.logDensityMin, max - LOG_DENSITY_RANGE);
  const span = max - floor || 1;
  return { value: (l) => Math.max(0, (l - floor) / span) };
}

/**
 * Fills `image` (densityResolution squared) with the coloured density (`lut`: see `colorLut`), one pixel per grid cell.
 */
export function paintDensity(
  image: ImageData,
  frame: DensityLayer,
  scale: 'linear' | 'log',
  lut: Uint8ClampedArray,
): void {
  const { value } = densityLevels(frame, scale);
  const px = image.data;
  const n = frame.logDensity.length;
  for (let i = 0; i < n; i++) {
    const c = 3 * Math.min(255, Math.max(0, Math.round(value(frame.logDensity[i]!) * 255)));
    const o = 4 * i;
    px[o] = lut[c]!;
    px[o + 1] = lut[c + 1]!;
    px[o + 2] = lut[c + 2]!;
    px[o + 3] = 255;
  }
}

/** Contour lines of the density at 7 evenly spaced levels of the shown scale. */
export function drawContours(
  ctx: CanvasRenderingContext2D,
  frame: DensityLayer,
  scale: 'linear' | 'log',
  width: number,
  height: number,
  color: string,
): void {
  const { value } = densityLevels(frame, scale);
  const { nx, ny } = frame.densityGrid;
  const values = new Float64Array(frame.logDensity.length);
  for (let i = 0; i < values.length; i++) values[i] = value(frame.logDensity[i]!);
  const cw = width / nx;
  const ch = height / ny;
  const segs: number[] = [];
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  for (let l = 1; l <= 7; l++) {
    segs.length = 0;
    contourSegments(values, nx, ny, l / 8, segs);
    ctx.globalAlpha = 0.35 + (0.6 * l) / 7;
    ctx.beginPath();
    for (let s = 0; s < segs.length; s += 4) {
      ctx.moveTo((segs[s]! + 0.5) * cw, (segs[s + 1]! + 0.5) * ch);
      ctx.lineTo((segs[s + 2]! + 0.5) * cw, (segs[s + 3]! + 0.5) * ch);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

const WIDTH_CLASSES = 4;

/**
 * Score arrows of equal length (0.8 of a cell, centred on the cell), so direction reads everywhere; the
 * magnitude |score| sets the line width in 4 classes (sqrt of its share of the largest), one path per class.
 */
export function drawArrows(
  ctx: CanvasRenderingContext2D,
  frame: Pick<ScoreFieldFrame, 'arrowGrid' | 'scores' | 'scoreMax'>,
  map: PixelMap,
  color: string,
): void {
  const { arrowGrid: g, scores, scoreMax } = frame;
  const cell = ((g.xMax - g.xMin) / g.nx) * map.scale;
  const half = 0.4 * cell;
  const head = Math.min(0.3 * cell, 6);
  const paths: Path2D[] = Array.from({ length: WIDTH_CLASSES }, () => new Path2D());
  for (let j = 0; j < g.ny; j++) {
    const cy = map.y(g.yMax - ((j + 0.5) * (g.yMax - g.yMin)) / g.ny);
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      const sx = scores[2 * k]!;
      const sy = scores[2 * k + 1]!;
      const m = Math.hypot(sx, sy);
      if (!(m > 0)) continue;
      const cx = map.x(g.xMin + ((i + 0.5) * (g.xMax - g.xMin)) / g.nx);
      const ux = sx / m;
      const uy = -sy / m; // canvas y points down
      const tipX = cx + ux * half;
      const tipY = cy + uy * half;
      const cls = Math.min(WIDTH_CLASSES - 1, Math.floor(Math.sqrt(m / (scoreMax || 1)) * WIDTH_CLASSES));
      const p = paths[cls]!;
      p.moveTo(cx - ux * half, cy - uy * half);
      p.lineTo(tipX, tipY);
      // Head: two strokes at +-150 degrees from the direction.
      p.moveTo(tipX + head * (-0.866 * ux - 0.5 * uy), tipY + head * (-0.866 * uy + 0.5 * ux));
      p.lineTo(tipX, tipY);
      p.lineTo(tipX + head * (-0.866 * ux + 0.5 * uy), tipY + head * (-0.866 * uy - 0.5 * ux));
    }
  }
  ctx.strokeStyle = color;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.globalAlpha = 0.85;
  paths.forEach((p, c) => {
    ctx.lineWidth = 0.5 + 0.5 * c;
    ctx.stroke(p);
  });
  ctx.globalAlpha = 1;
}

/** Samples of x_t as small squares. */
export function drawSamples(ctx: CanvasRenderingContext2D, samples: Float64Array, map: PixelMap, color: string): void {
  ctx.fillStyle = color;
  ctx.globalAlpha = 0.8;
  for (let i = 0; i < samples.length; i += 2)
    ctx.fillRect(map.x(samples[i]!) - 1.25, map.y(samples[i + 1]!) - 1.25, 2.5, 2.5);
  ctx.globalAlpha = 1;
}

/** Probability-flow paths (thin) and a dot where each path is at t. */
export function drawTrajectories(
  ctx: CanvasRenderingContext2D,
  base: ScoreFieldBase,
  frame: ScoreFieldFrame,
  map: PixelMap,
  line: string,
  dot: string,
): void {
  const traj = base.trajectories;
  if (!traj) return;
  ctx.strokeStyle = line;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.65;
  ctx.beginPath();
  for (let i = 0; i < traj.count; i++) {
    const b = 2 * i * traj.length;
    ctx.moveTo(map.x(traj.points[b]!), map.y(traj.points[b + 1]!));
    for (let s = 1; s < traj.length; s++)
      ctx.lineTo(map.x(traj.points[b + 2 * s]!), map.y(traj.points[b + 2 * s + 1]!));
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.fillStyle = dot;
  ctx.strokeStyle = line;
  ctx.beginPath();
  for (let i = 0; i < traj.count; i++) {
    const x = map.x(frame.trajectoryHeads[2 * i]!);
    const y = map.y(frame.trajectoryHeads[2 * i + 1]!);
    ctx.moveTo(x + 3.5, y);
    ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.stroke();
}
