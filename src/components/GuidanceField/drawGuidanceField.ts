import type { PixelMap } from '../ScoreFieldPlot/drawScoreField2d';
import type { GuidanceFieldPaths } from './guidanceFieldModel';

/**
 * Canvas drawing of GuidanceField's paths (the density, contours and arrows reuse ScoreFieldPlot's painters).
 * Each function takes the data and a data-to-pixel mapping and touches nothing else.
 */

/** The guided paths (thin lines), a dot where each is at t, and a square at each clean end point. */
export function drawGuidedPaths(
  ctx: CanvasRenderingContext2D,
  paths: GuidanceFieldPaths,
  heads: Float64Array,
  map: PixelMap,
  line: string,
  dot: string,
  end: string,
): void {
  const { count, length, points } = paths.trajectories;
  ctx.strokeStyle = line;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.6;
  ctx.beginPath();
  for (let i = 0; i < count; i++) {
    const b = 2 * i * length;
    ctx.moveTo(map.x(points[b]!), map.y(points[b + 1]!));
    for (let s = 1; s < length; s++) ctx.lineTo(map.x(points[b + 2 * s]!), map.y(points[b + 2 * s + 1]!));
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  // End points: filled squares, so they read apart from the round heads.
  ctx.fillStyle = end;
  ctx.strokeStyle = line;
  for (let i = 0; i < count; i++) {
    const at = 2 * (i * length + length - 1);
    const x = map.x(points[at]!);
    const y = map.y(points[at + 1]!);
    ctx.fillRect(x - 3, y - 3, 6, 6);
    ctx.strokeRect(x - 3, y - 3, 6, 6);
  }
  ctx.fillStyle = dot;
  ctx.beginPath();
  for (let i = 0; i < count; i++) {
    const x = map.x(heads[2 * i]!);
    const y = map.y(heads[2 * i + 1]!);
    ctx.moveTo(x + 3.5, y);
    ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.stroke();
}

/** Hollow rings where the same starts end at w = 1, and a faint line from each to its guided end point. */
export function drawReferenceEnds(
  ctx: CanvasRenderingContext2D,
  reference: GuidanceFieldPaths,
  guided: GuidanceFieldPaths | null,
  map: PixelMap,
  color: string,
): void {
  const { count, length, points } = reference.trajectories;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let i = 0; i < count; i++) {
    const at = 2 * (i * length + length - 1);
    const x = map.x(points[at]!);
    const y = map.y(points[at + 1]!);
    ctx.moveTo(x + 4.5, y);
    ctx.arc(x, y, 4.5, 0, 2 * Math.PI);
  }
  ctx.stroke();
  if (!guided || guided.trajectories.count !== count) return;
  const g = guided.trajectories;
  ctx.setLineDash([3, 3]);
  ctx.globalAlpha = 0.7;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < count; i++) {
    const a = 2 * (i * length + length - 1);
    const b = 2 * (i * g.length + g.length - 1);
    ctx.moveTo(map.x(points[a]!), map.y(points[a + 1]!));
    ctx.lineTo(map.x(g.points[b]!), map.y(g.points[b + 1]!));
  }
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

/** A plus at the class's mean and, when paths are drawn, a cross at the centre of their end points. */
export function drawCentres(
  ctx: CanvasRenderingContext2D,
  classMean: readonly [number, number],
  centroid: readonly [number, number] | null,
  map: PixelMap,
  classColor: string,
  light: string,
): void {
  const mark = (x: number, y: number, diagonal: boolean) => {
    const r = 7;
    ctx.beginPath();
    if (diagonal) {
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x - r, y + r);
      ctx.lineTo(x + r, y - r);
    } else {
      ctx.moveTo(x - r, y);
      ctx.lineTo(x + r, y);
      ctx.moveTo(x, y - r);
      ctx.lineTo(x, y + r);
    }
    // A dark halo under the mark keeps it readable on light and dark parts of the heatmap.
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = diagonal ? light : classColor;
    ctx.lineWidth = 2;
    ctx.stroke();
  };
  mark(map.x(classMean[0]), map.y(classMean[1]), false);
  if (centroid) mark(map.x(centroid[0]), map.y(centroid[1]), true);
}
