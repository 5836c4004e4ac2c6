import {
  type Grid2d,
  type Mixture2d,
  type ProbabilityFlowTrajectories,
  createRng,
  mixture2dLogDensityGrid,
  mixture2dScoreGrid,
  noiseMixture2d,
  probabilityFlowTrajectories,
  randn64,
  sampleMixture2d,
} from '../../engine';
import { trajectoryPointAt } from '../../engine/internal';
import type { ResolvedScoreFieldData } from './scoreFieldData';

/**
 * The plain model of ScoreFieldPlot, in two parts: what does not depend on t (the data, the schedule, the
 * seeded draws and the probability-flow paths), computed once; and one frame per t (the exact noised density
 * and score on grids, the noised samples), cheap enough to recompute while t is dragged.
 */

/** The part of the model that does not depend on t. */
export interface ScoreFieldBase {
  /** The clean data as a mixture, with words for it. */
  data: ResolvedScoreFieldData;
  /** abar_t for t = 0..T-1. */
  alphasCumprod: Float64Array;
  /** The view is the square [-extent, extent]^2: wide enough for the data (3 sd) and for N(0, I). */
  extent: number;
  /** Clean samples x_0, [x, y] pairs. */
  x0: Float64Array;
  /** The standard normal noise of each sample, [x, y] pairs: x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps. */
  eps: Float64Array;
  /** Probability-flow paths from N(0, I) at t = T - 1 to the data, or null when none are asked for. */
  trajectories: ProbabilityFlowTrajectories | null;
}

/** Options of {@link computeScoreFieldBase}. */
export interface ScoreFieldBaseOptions {
  seed: number;
  sampleCount: number;
  trajectoryCount: number;
  trajectorySteps: number;
  /** Overrides the automatic view half-width. */
  extent?: number;
}

/** A half-width that holds 3 sd of every component and most of N(0, I), rounded up to 0.5. */
export function viewExtent(m: Mixture2d): number {
  let e = 3.2;
  for (let k = 0; k < m.size; k++) {
    e = Math.max(
      e,
      Math.abs(m.means[2 * k]!) + 3 * Math.sqrt(m.covariances[3 * k]!),
      Math.abs(m.means[2 * k + 1]!) + 3 * Math.sqrt(m.covariances[3 * k + 2]!),
    );
  }
  return Math.ceil(e * 2) / 2;
}

/** The t-independent model. Three seeded streams split off `seed`: clean samples, their noise, path starts. */
export function computeScoreFieldBase(
  data: ResolvedScoreFieldData,
  alphasCumprod: Float64Array,
  { seed, sampleCount, trajectoryCount, trajectorySteps, extent }: ScoreFieldBaseOptions,
): ScoreFieldBase {
  const master = createRng(seed);
  const sampleRng = createRng(master.nextUint32());
  const noiseRng = createRng(master.nextUint32());
  const startRng = createRng(master.nextUint32());
  const x0 = sampleMixture2d(data.mixture, sampleCount, sampleRng);
  const eps = randn64(noiseRng, 2 * sampleCount);
  const trajectories =
    trajectoryCount > 0 ? flowPaths(data, alphasCumprod, trajectoryCount, trajectorySteps, startRng) : null;
  return { data, alphasCumprod, extent: extent ?? viewExtent(data.mixture), x0, eps, trajectories };
}

/** Whether probability-flow paths can run on a schedule: alpha-bar > 0 at every step (not zero terminal SNR). */
export function supportsFlowPaths(alphasCumprod: ArrayLike<number>): boolean {
  for (let t = 0; t < alphasCumprod.length; t++) if (!(alphasCumprod[t]! > 0)) return false;
  return true;
}

/** The probability-flow paths, or null on a schedule where they cannot run (see {@link supportsFlowPaths}). */
function flowPaths(
  data: ResolvedScoreFieldData,
  alphasCumprod: Float64Array,
  count: number,
  steps: number,
  rng: ReturnType<typeof createRng>,
): ProbabilityFlowTrajectories | null {
  if (!supportsFlowPaths(alphasCumprod)) return null;
  return probabilityFlowTrajectories(data.mixture, randn64(rng, 2 * count), {
    alphasCumprod,
    steps: Math.min(steps, alphasCumprod.length),
  });
}

/** One frame: everything drawn at timestep t. Grids are row-major with row 0 at the top (y = +extent). */
export interface ScoreFieldFrame {
  t: number;
  /** abar_t. */
  alphaBar: number;
  /** q_t, the data noised to t (exact, a mixture). */
  noised: Mixture2d;
  /** The density grid (densityResolution squared). */
  densityGrid: Grid2d;
  /** log q_t at each density cell. */
  logDensity: Float64Array;
  /** The largest and smallest log q_t on the density grid. */
  logDensityMax: number;
  logDensityMin: number;
  /** The arrow grid (gridSize squared). */
  arrowGrid: Grid2d;
  /** The score grad log q_t at each arrow cell, [sx, sy] pairs. */
  scores: Float64Array;
  /** log q_t at each arrow cell (for the 3-D view's heights). */
  arrowLogDensity: Float64Array;
  /** The largest and smallest |score| on the arrow grid. */
  scoreMax: number;
  scoreMin: number;
  /** The samples x_t, [x, y] pairs. */
  samples: Float64Array;
  /** Where each probability-flow path is at t, [x, y] pairs (empty without paths). */
  trajectoryHeads: Float64Array;
}

/** Options of {@link computeScoreFieldFrame}. */
export interface ScoreFieldFrameOptions {
  gridSize: number;
  densityResolution: number;
}

/** The frame at timestep t (an integer from 0 to T - 1). */
export function computeScoreFieldFrame(
  base: ScoreFieldBase,
  t: number,
  { gridSize, densityResolution }: ScoreFieldFrameOptions,
): ScoreFieldFrame {
  const alphaBar = base.alphasCumprod[t]!;
  const noised = noiseMixture2d(base.data.mixture, alphaBar);
  const e = base.extent;
  const densityGrid: Grid2d = { xMin: -e, xMax: e, yMin: -e, yMax: e, nx: densityResolution, ny: densityResolution };
  const logDensity = mixture2dLogDensityGrid(noised, densityGrid);
  let logDensityMax = -Infinity;
  let logDensityMin = Infinity;
  for (const v of logDensity) {
    if (v > logDensityMax) logDensityMax = v;
    if (v < logDensityMin) logDensityMin = v;
  }
  const arrowGrid: Grid2d = { xMin: -e, xMax: e, yMin: -e, yMax: e, nx: gridSize, ny: gridSize };
  const arrowLogDensity = new Float64Array(gridSize * gridSize);
  const scores = mixture2dScoreGrid(noised, arrowGrid, undefined, arrowLogDensity);
  let scoreMax = 0;
  let scoreMin = Infinity;
  for (let i = 0; i < gridSize * gridSize; i++) {
    const m = Math.hypot(scores[2 * i]!, scores[2 * i + 1]!);
    if (m > scoreMax) scoreMax = m;
    if (m < scoreMin) scoreMin = m;
  }
  const a = Math.sqrt(alphaBar);
  const s = Math.sqrt(1 - alphaBar);
  const samples = new Float64Array(base.x0.length);
  for (let i = 0; i < samples.length; i++) samples[i] = a * base.x0[i]! + s * base.eps[i]!;
  const traj = base.trajectories;
  const trajectoryHeads = new Float64Array(traj ? 2 * traj.count : 0);
  if (traj) {
    const p: [number, number] = [0, 0];
    for (let i = 0; i < traj.count; i++) {
      trajectoryPointAt(traj, i, t, p);
      trajectoryHeads[2 * i] = p[0];
      trajectoryHeads[2 * i + 1] = p[1];
    }
  }
  return {
    t,
    alphaBar,
    noised,
    densityGrid,
    logDensity,
    logDensityMax,
    logDensityMin,
    arrowGrid,
    scores,
    arrowLogDensity,
    scoreMax,
    scoreMin,
    samples,
    trajectoryHeads,
  };
}
