import { formatSignificant } from '../shared/format/formatNumber';
import type { ScoreFieldBase, ScoreFieldFrame } from './scoreFieldModel';

/** Which layers are drawn. */
export interface ScoreFieldLayers {
  /** Samples of x_t as dots. */
  samples: boolean;
  /** The density of x_t: a colour heatmap, contour lines, or nothing. */
  density: 'heatmap' | 'contours' | 'none';
  /** Score arrows on the grid. */
  score: boolean;
  /** Probability-flow paths, with a dot where each is at t. */
  trajectories: boolean;
}

/** The accessible name: short, says what and when. */
export function scoreFieldLabel(base: ScoreFieldBase, frame: ScoreFieldFrame): string {
  return `Score field of the ${base.data.label} at t = ${frame.t}`;
}

/** The accessible description: every number a sighted reader gets from the picture, in words. */
export function describeScoreField(
  base: ScoreFieldBase,
  frame: ScoreFieldFrame,
  layers: ScoreFieldLayers,
  scheduleName: string,
  densityScale: 'linear' | 'log',
  view: '2d' | '3d',
): string {
  const T = base.alphasCumprod.length;
  const a = frame.alphaBar;
  const e = formatSignificant(base.extent);
  const parts: string[] = [];
  const how =
    view === '3d'
      ? `drawn as a 3-D surface whose height is the ${densityScale === 'log' ? 'log-density' : 'density'}`
      : layers.density === 'heatmap'
        ? `drawn as a ${densityScale === 'log' ? 'log-density' : 'density'} heatmap`
        : layers.density === 'contours'
          ? `drawn as ${densityScale === 'log' ? 'log-density' : 'density'} contours`
          : 'not drawn';
  parts.push(
    `Density of the ${base.data.label} noised to t = ${frame.t} of ${T - 1} (${scheduleName} schedule, ` +
      `alpha-bar_t = ${formatSignificant(a)}: x_t = ${formatSignificant(Math.sqrt(a))} x_0 + ${formatSignificant(Math.sqrt(1 - a))} noise), ` +
      `${how}, over x and y from -${e} to ${e}; highest density ${formatSignificant(Math.exp(frame.logDensityMax))}.`,
  );
  if (layers.score) {
    parts.push(
      `Arrows on a ${frame.arrowGrid.nx} by ${frame.arrowGrid.ny} grid show the exact score, the gradient of log q_t, ` +
        `pointing towards higher density; their width grows with its size, from ${formatSignificant(frame.scoreMin)} to ${formatSignificant(frame.scoreMax)}.`,
    );
  }
  if (layers.samples && frame.samples.length > 0)
    parts.push(`${frame.samples.length / 2} samples of x_t are drawn as dots.`);
  if (layers.trajectories && base.trajectories) {
    parts.push(
      `${base.trajectories.count} probability-flow paths run from pure noise at t = ${T - 1} to the data, a dot marking each at t = ${frame.t}.`,
    );
  }
  return parts.join(' ');
}
