import { densityLevels } from './drawScoreField2d';
import type { ScoreFieldFrame } from './scoreFieldModel';

/**
 * The 3-D view's geometry as plain arrays, without three.js (the view copies them into its buffers).
 * World coordinates: data x -> x / extent, data y -> z = -y / extent, the density as the height, up to
 * {@link SURFACE_HEIGHT}. Every builder fills arrays it is given, so a t change allocates nothing.
 */

/** The height of the surface where the shown density is highest. */
export const SURFACE_HEIGHT = 0.7;

/** How far above the surface the arrows float, so that it does not hide them. */
const ARROW_LIFT = 0.015;

/** Vertices of one arrow: 3 line segments (a shaft and two head strokes) of 2 vertices. */
export const ARROW_VERTICES = 6;

/** The triangles of an nx x ny grid of vertices (row-major): two a cell, as vertex indices. */
export function surfaceIndex(nx: number, ny: number): number[] {
  const index: number[] = [];
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      index.push(a, a + nx, a + 1, a + 1, a + nx, a + nx + 1);
    }
  }
  return index;
}

/**
 * Fills the surface's vertices, one at the centre of each density cell (3 floats each in `positions` and
 * `colors`): the height and the colour both show the density on `densityScale`; `linear` is the colour
 * map's table in linear light (`linearLut`).
 */
export function fillSurface(
  positions: Float32Array,
  colors: Float32Array,
  frame: ScoreFieldFrame,
  densityScale: 'linear' | 'log',
  linear: Float32Array,
  extent: number,
): void {
  const { value } = densityLevels(frame, densityScale);
  const g = frame.densityGrid;
  const { nx, ny } = g;
  for (let j = 0; j < ny; j++) {
    const y = g.yMax - ((j + 0.5) * (g.yMax - g.yMin)) / ny;
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const x = g.xMin + ((i + 0.5) * (g.xMax - g.xMin)) / nx;
      const v = Math.min(1, value(frame.logDensity[k]!));
      positions[3 * k] = x / extent;
      positions[3 * k + 1] = SURFACE_HEIGHT * v;
      positions[3 * k + 2] = -y / extent;
      const li = 3 * Math.round(v * 255);
      colors[3 * k] = linear[li]!;
      colors[3 * k + 1] = linear[li + 1]!;
      colors[3 * k + 2] = linear[li + 2]!;
    }
  }
}

/** Bilinear height of the surface at data (x, y), from the density grid (`value`: log q to [0, 1]). */
export function heightSampler(
  frame: ScoreFieldFrame,
  value: (logq: number) => number,
): (x: number, y: number) => number {
  const { nx, ny, xMin, xMax, yMax, yMin } = frame.densityGrid;
  return (x: number, y: number) => {
    const gx = Math.min(nx - 1, Math.max(0, ((x - xMin) / (xMax - xMin)) * nx - 0.5));
    const gy = Math.min(ny - 1, Math.max(0, ((yMax - y) / (yMax - yMin)) * ny - 0.5));
    const i = Math.min(nx - 2, Math.floor(gx));
    const j = Math.min(ny - 2, Math.floor(gy));
    const fx = gx - i;
    const fy = gy - j;
    const v = (a: number, b: number) => value(frame.logDensity[b * nx + a]!);
    const top = v(i, j) * (1 - fx) + v(i + 1, j) * fx;
    const bottom = v(i, j + 1) * (1 - fx) + v(i + 1, j + 1) * fx;
    return SURFACE_HEIGHT * (top * (1 - fy) + bottom * fy);
  };
}

/**
 * Fills `positions` ({@link ARROW_VERTICES} vertices of 3 floats a grid point) with the score arrows lying
 * on the surface: equal lengths (0.8 of a cell), pointing along the score, a head of two strokes at +-150
 * degrees; a point with no score gets a zero-length arrow.
 */
export function fillArrows(
  positions: Float32Array,
  frame: ScoreFieldFrame,
  densityScale: 'linear' | 'log',
  extent: number,
): void {
  const { value } = densityLevels(frame, densityScale);
  const heightAt = heightSampler(frame, (l) => Math.min(1, value(l)));
  const g = frame.arrowGrid;
  const { nx, ny } = g;
  const half = (0.4 * (g.xMax - g.xMin)) / g.nx; // data units
  const p = positions;
  p.fill(0);
  let o = 0;
  const put = (x: number, y: number) => {
    p[o++] = x / extent;
    p[o++] = heightAt(x, y) + ARROW_LIFT;
    p[o++] = -y / extent;
  };
  for (let j = 0; j < ny; j++) {
    const cy = g.yMax - ((j + 0.5) * (g.yMax - g.yMin)) / ny;
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const sx = frame.scores[2 * k]!;
      const sy = frame.scores[2 * k + 1]!;
      const m = Math.hypot(sx, sy);
      const cx = g.xMin + ((i + 0.5) * (g.xMax - g.xMin)) / nx;
      const ux = m > 0 ? sx / m : 0;
      const uy = m > 0 ? sy / m : 0;
      const tx = cx + ux * half;
      const ty = cy + uy * half;
      const hl = 0.6 * half;
      put(cx - ux * half, cy - uy * half);
      put(tx, ty);
      put(tx, ty);
      put(tx + hl * (-0.866 * ux + 0.5 * uy), ty + hl * (-0.866 * uy - 0.5 * ux));
      put(tx, ty);
      put(tx + hl * (-0.866 * ux - 0.5 * uy), ty + hl * (-0.866 * uy + 0.5 * ux));
    }
  }
}
