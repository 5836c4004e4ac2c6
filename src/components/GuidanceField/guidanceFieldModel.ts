import {
  type GuidanceGrids,
  type Grid2d,
  type LabelledMixture2d,
  type ProbabilityFlowTrajectories,
  classLogPosteriors2d,
  createRng,
  guidanceGrids,
  guidedFlowTrajectories,
  guidedLogDensityGrid,
  guidedScoreGrid,
  mixture2dLogDensityGrid,
  noiseLabelledMixture2d,
  randn64,
} from '../../engine';
import { mixture2dLogDensity, mixture2dMoments, trajectoryPointAt } from '../../engine/internal';
import { viewExtent } from '../ScoreFieldPlot/scoreFieldModel';
import type { ResolvedGuidanceFieldData } from './guidanceFieldData';

/**
 * The plain model of GuidanceField, in layers that change at different speeds: the base (data, schedule,
 * the seeded starting points), a frame per (t, class) with the exact densities and both scores on grids, the
 * guided picture per w (cheap: a weighted sum of the two score grids), and the guided flow paths per
 * (class, w), which do not depend on t.
 */

/** Which density the heatmap shows: p_t(x), p_t(x | y), or the tilted p_t(x)^(1 - w) p_t(x | y)^w. */
export type GuidanceDensity = 'marginal' | 'conditional' | 'guided';

/** The part of the model that depends on the data, the schedule and the seed only. */
export interface GuidanceFieldBase {
  data: ResolvedGuidanceFieldData;
  /** abar_t for t = 0..T-1. */
  alphasCumprod: Float64Array;
  /** The view is [-extent, extent]^2. */
  extent: number;
  /** The paths' starting points x_{T-1}, [x, y] pairs drawn from N(0, I): the same for every class and w. */
  starts: Float64Array;
  /** The mean of each class's clean data, [x, y] pairs. */
  classMeans: Float64Array;
  /** Whether the schedule lets flow paths run (abar > 0 everywhere). */
  canFlow: boolean;
}

/** Options of {@link computeGuidanceFieldBase}. */
export interface GuidanceFieldBaseOptions {
  seed: number;
  trajectoryCount: number;
  extent?: number;
}

/** The t-, class- and w-independent part. */
export function computeGuidanceFieldBase(
  data: ResolvedGuidanceFieldData,
  alphasCumprod: Float64Array,
  { seed, trajectoryCount, extent }: GuidanceFieldBaseOptions,
): GuidanceFieldBase {
  const starts = randn64(createRng(seed), 2 * trajectoryCount);
  const classMeans = new Float64Array(2 * data.mixture.classes.length);
  data.mixture.classes.forEach((c, y) => classMeans.set(mixture2dMoments(c.mixture).mean, 2 * y));
  let canFlow = true;
  for (let t = 0; t < alphasCumprod.length; t++) if (!(alphasCumprod[t]! > 0)) canFlow = false;
  return { data, alphasCumprod, extent: extent ?? viewExtent(data.mixture.joint), starts, classMeans, canFlow };
}

/** Everything at (t, class) that does not depend on w. Grids are row-major, row 0 at the top. */
export interface GuidanceFieldFrame {
  t: number;
  alphaBar: number;
  classIndex: number;
  /** The labelled mixture noised to t. */
  noised: LabelledMixture2d;
  /** log p_t(x) and log p_t(x | y) on the density grid. */
  density: Pick<GuidanceGrids, 'grid' | 'logUnconditional' | 'logConditional'>;
  /** Both scores on the arrow grid. */
  arrows: GuidanceGrids;
}

/** Options of {@link computeGuidanceFieldFrame}. */
export interface GuidanceFieldFrameOptions {
  gridSize: number;
  densityResolution: number;
}

/** The frame at timestep t (an integer from 0 to T - 1) for class `classIndex`. */
export function computeGuidanceFieldFrame(
  base: GuidanceFieldBase,
  t: number,
  classIndex: number,
  { gridSize, densityResolution }: GuidanceFieldFrameOptions,
): GuidanceFieldFrame {
  const alphaBar = base.alphasCumprod[t]!;
  const noised = noiseLabelledMixture2d(base.data.mixture, alphaBar);
  const e = base.extent;
  const densityGrid: Grid2d = { xMin: -e, xMax: e, yMin: -e, yMax: e, nx: densityResolution, ny: densityResolution };
  const arrowGrid: Grid2d = { xMin: -e, xMax: e, yMin: -e, yMax: e, nx: gridSize, ny: gridSize };
  return {
    t,
    alphaBar,
    classIndex,
    noised,
    density: {
      grid: densityGrid,
      logUnconditional: mixture2dLogDensityGrid(noised.joint, densityGrid),
      logConditional: mixture2dLogDensityGrid(noised.classes[classIndex]!.mixture, densityGrid),
    },
    arrows: guidanceGrids(noised, classIndex, arrowGrid),
  };
}

/** The guided picture at one w: the heatmap's values and the guided arrows. */
export interface GuidanceFieldGuided {
  guidanceScale: number;
  density: GuidanceDensity;
  /**
   * The density grid and the log-density shown on it, with its extremes (the shapes ScoreFieldPlot's painters read).
   */
  densityGrid: Grid2d;
  logDensity: Float64Array;
  logDensityMax: number;
  logDensityMin: number;
  /** log p_t(x | y) on the density grid and its maximum, for the class's contour lines. */
  logConditional: Float64Array;
  logConditionalMax: number;
  /** The arrow grid and the guided score on it, [sx, sy] pairs, with its largest and smallest size. */
  arrowGrid: Grid2d;
  scores: Float64Array;
  scoreMax: number;
  scoreMin: number;
}

function extremes(values: Float64Array): [number, number] {
  let max = -Infinity;
  let min = Infinity;
  for (const v of values) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  return [max, min];
}

/** The picture at guidance scale w, showing `density`. */
export function computeGuidanceFieldGuided(
  frame: GuidanceFieldFrame,
  guidanceScale: number,
  density: GuidanceDensity,
): GuidanceFieldGuided {
  const d = frame.density;
  const logDensity =
    density === 'marginal'
      ? d.logUnconditional
      : density === 'conditional'
        ? d.logConditional
        : guidedLogDensityGrid(d, guidanceScale);
  const [logDensityMax, logDensityMin] = extremes(logDensity);
  const scores = guidedScoreGrid(frame.arrows, guidanceScale);
  let scoreMax = 0;
  let scoreMin = Infinity;
  for (let i = 0; i < scores.length; i += 2) {
    const m = Math.hypot(scores[i]!, scores[i + 1]!);
    if (m > scoreMax) scoreMax = m;
    if (m < scoreMin) scoreMin = m;
  }
  return {
    guidanceScale,
    density,
    densityGrid: d.grid,
    logDensity,
    logDensityMax,
    logDensityMin,
    logConditional: d.logConditional,
    logConditionalMax: extremes(d.logConditional)[0],
    arrowGrid: frame.arrows.grid,
    scores,
    scoreMax,
    scoreMin: Number.isFinite(scoreMin) ? scoreMin : 0,
  };
}

/** Where the same noise ends: the guided paths, and a summary of their clean end points. */
export interface GuidanceFieldPaths {
  classIndex: number;
  guidanceScale: number;
  trajectories: ProbabilityFlowTrajectories;
  /** The share of end points that the clean data's classifier p(y | x) assigns to the class (p > 1/2). */
  inClass: number;
  /** The centre (mean) of the end points, [x, y]. */
  centroid: [number, number];
  /**
   * How far that centre lies from the class's own mean: near 0 when the ends are distributed as the class
   * (w = 1), growing as guidance pushes them past it.
   */
  shift: number;
  /** The mean of log p_0(x | y) over the end points: it falls as they leave the class's bulk for its tail. */
  meanLogClassDensity: number;
}

/** The guided flow paths from the base's starting points, for class y at scale w, with `steps` DDIM steps. */
export function computeGuidanceFieldPaths(
  base: GuidanceFieldBase,
  classIndex: number,
  guidanceScale: number,
  steps: number,
): GuidanceFieldPaths {
  const mixture = base.data.mixture;
  const trajectories = guidedFlowTrajectories(mixture, base.starts, {
    alphasCumprod: base.alphasCumprod,
    steps: Math.min(steps, base.alphasCumprod.length),
    classIndex,
    guidanceScale,
  });
  const { count, length, points } = trajectories;
  const cls = mixture.classes[classIndex]!.mixture;
  let inClass = 0;
  let sx = 0;
  let sy = 0;
  let logDensity = 0;
  for (let i = 0; i < count; i++) {
    const at = 2 * (i * length + length - 1);
    const [x, y] = [points[at]!, points[at + 1]!];
    if (classLogPosteriors2d(mixture, x, y)[classIndex]! > Math.log(0.5)) inClass++;
    sx += x;
    sy += y;
    logDensity += mixture2dLogDensity(cls, x, y);
  }
  const n = Math.max(1, count);
  const centroid: [number, number] = [sx / n, sy / n];
  const shift = Math.hypot(
    centroid[0] - base.classMeans[2 * classIndex]!,
    centroid[1] - base.classMeans[2 * classIndex + 1]!,
  );
  return {
    classIndex,
    guidanceScale,
    trajectories,
    inClass: inClass / n,
    centroid,
    shift,
    meanLogClassDensity: logDensity / n,
  };
}

/** Where each path is at timestep t, [x, y] pairs. */
export function pathHeads(paths: GuidanceFieldPaths, t: number): Float64Array {
  const traj = paths.trajectories;
  const out = new Float64Array(2 * traj.count);
  const p: [number, number] = [0, 0];
  for (let i = 0; i < traj.count; i++) {
    trajectoryPointAt(traj, i, t, p);
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  }
  return out;
}
