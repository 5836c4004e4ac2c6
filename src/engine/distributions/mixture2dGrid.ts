import type { Mixture2d } from './mixture2d';
import { type Mixture2dEvaluation, mixture2dEvaluate } from './mixture2dScore';

/**
 * A regular grid of cell centres over [xMin, xMax] x [yMin, yMax]: nx columns and ny rows, row-major with
 * row 0 at yMax (the top of a picture), so index j * nx + i is pixel (i, j) of an image.
 */
export interface Grid2d {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  nx: number;
  ny: number;
}

/** The x of column i (cell centre). */
export function gridX(g: Grid2d, i: number): number {
  return g.xMin + ((i + 0.5) * (g.xMax - g.xMin)) / g.nx;
}

/** The y of row j (cell centre; row 0 is the top, at yMax). */
export function gridY(g: Grid2d, j: number): number {
  return g.yMax - ((j + 0.5) * (g.yMax - g.yMin)) / g.ny;
}

function checkGrid(g: Grid2d): void {
  if (!(Number.isSafeInteger(g.nx) && g.nx >= 1 && Number.isSafeInteger(g.ny) && g.ny >= 1)) {
    throw new RangeError(`grid.nx and grid.ny must be integers >= 1; got ${g.nx} x ${g.ny}.`);
  }
  if (!(g.xMax > g.xMin && g.yMax > g.yMin)) throw new RangeError('grid must have xMax > xMin and yMax > yMin.');
}

// Below this a cell's q may hold subnormal (imprecise) terms: such cells are redone by log-sum-exp.
const TINY = 1e-280;

/**
 * Sums w_k N_k over the grid, and the score numerators sum_k w_k N_k (-P_k (x - mu_k)) when asked, with one
 * exp per row of each component instead of one per cell. Along a row the exponent e(i) of a component is
 * quadratic in i, so e(i+1) - e(i) falls by the constant P_xx h^2 at each step: starting from the cell nearest
 * the row's peak, each next value is the previous times a ratio, and the ratio is multiplied by
 * g = exp(-P_xx h^2). Walking away from the peak the values only fall, so underflow to 0 is where the walk
 * stops; the relative rounding error after n steps is about n^2 eps / 2 (1e-12 for n = 128).
 */
function accumulate(
  m: Mixture2d,
  grid: Grid2d,
  q: Float64Array,
  gx: Float64Array | null,
  gy: Float64Array | null,
): void {
  const { nx, ny } = grid;
  const h = (grid.xMax - grid.xMin) / nx;
  const x0 = grid.xMin + h / 2;
  q.fill(0);
  gx?.fill(0);
  gy?.fill(0);
  for (let k = 0; k < m.size; k++) {
    const mx = m.means[2 * k]!;
    const my = m.means[2 * k + 1]!;
    const pxx = m.precisions[3 * k]!;
    const pxy = m.precisions[3 * k + 1]!;
    const pyy = m.precisions[3 * k + 2]!;
    const ln = m.logNormalisers[k]!;
    const step = Math.exp(-pxx * h * h);
    for (let j = 0; j < ny; j++) {
      const dy = gridY(grid, j) - my;
      // The exponent's peak along this row is at dx = -P_xy dy / P_xx; start from the nearest cell.
      const ic = Math.min(nx - 1, Math.max(0, Math.round((mx - (pxy * dy) / pxx - x0) / h)));
      const dxc = x0 + ic * h - mx;
      const peak = Math.exp(ln - 0.5 * (pxx * dxc * dxc + 2 * pxy * dxc * dy + pyy * dy * dy));
      if (peak === 0) continue;
      const row = j * nx;
      const fy = pxy * dy; // the dy part of (P d)_x
      const hy = pyy * dy; // the dy part of (P d)_y
      // Right of the peak: v(i+1) = v(i) exp(delta(i)), delta(i) = -P_xx h dx_i - P_xx h^2 / 2 - P_xy h dy.
      let v = peak;
      let dx = dxc;
      let ratio = Math.exp(-pxx * h * dx - 0.5 * pxx * h * h - pxy * h * dy);
      for (let i = ic; i < nx && v !== 0; i++) {
        q[row + i]! += v;
        if (gx) {
          gx[row + i]! -= v * (pxx * dx + fy);
          gy![row + i]! -= v * (pxy * dx + hy);
        }
        v *= ratio;
        ratio *= step;
        dx += h;
      }
      // Left of the peak: v(i-1) = v(i) exp(-delta(i-1)), -delta(i-1) = P_xx h dx_i - P_xx h^2 / 2 + P_xy h dy.
      dx = dxc;
      ratio = Math.exp(pxx * h * dx - 0.5 * pxx * h * h + pxy * h * dy);
      v = peak * ratio;
      ratio *= step;
      dx -= h;
      for (let i = ic - 1; i >= 0 && v !== 0; i--) {
        q[row + i]! += v;
        if (gx) {
          gx[row + i]! -= v * (pxx * dx + fy);
          gy![row + i]! -= v * (pxy * dx + hy);
        }
        v *= ratio;
        ratio *= step;
        dx -= h;
      }
    }
  }
}

/** log q at every cell centre of `grid` (row-major, row 0 at the top). */
export function mixture2dLogDensityGrid(
  m: Mixture2d,
  grid: Grid2d,
  out = new Float64Array(grid.nx * grid.ny),
): Float64Array {
  checkGrid(grid);
  accumulate(m, grid, out, null, null);
  const r: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };
  for (let j = 0, idx = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++, idx++) {
      const q = out[idx]!;
      out[idx] = q > TINY ? Math.log(q) : mixture2dEvaluate(m, gridX(grid, i), gridY(grid, j), r).logDensity;
    }
  }
  return out;
}

/**
 * The score at every cell centre as [sx, sy] pairs (length 2 nx ny) and, into `logDensity` when given,
 * log q there.
 */
export function mixture2dScoreGrid(
  m: Mixture2d,
  grid: Grid2d,
  out = new Float64Array(2 * grid.nx * grid.ny),
  logDensity?: Float64Array,
): Float64Array {
  checkGrid(grid);
  const n = grid.nx * grid.ny;
  const q = logDensity ?? new Float64Array(n);
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  accumulate(m, grid, q, gx, gy);
  const r: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };
  for (let j = 0, idx = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++, idx++) {
      const qi = q[idx]!;
      if (qi > TINY) {
        out[2 * idx] = gx[idx]! / qi;
        out[2 * idx + 1] = gy[idx]! / qi;
        q[idx] = Math.log(qi);
      } else {
        mixture2dEvaluate(m, gridX(grid, i), gridY(grid, j), r);
        out[2 * idx] = r.scoreX;
        out[2 * idx + 1] = r.scoreY;
        q[idx] = r.logDensity;
      }
    }
  }
  return out;
}
