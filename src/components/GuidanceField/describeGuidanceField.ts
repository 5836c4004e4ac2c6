import { formatSignificant } from '../shared/format/formatNumber';
import type {
  GuidanceDensity,
  GuidanceFieldBase,
  GuidanceFieldFrame,
  GuidanceFieldGuided,
  GuidanceFieldPaths,
} from './guidanceFieldModel';

/** Which layers are drawn. */
export interface GuidanceFieldLayers {
  /** The guided score as arrows. */
  score: boolean;
  /** Contour lines of p_t(x | y), the chosen class's slice of the data. */
  contours: boolean;
  /** The guided probability-flow paths, with a dot where each is at t and its clean end point. */
  trajectories: boolean;
  /** Rings where the same starting points end at w = 1 (plain conditional sampling), for comparison. */
  reference: boolean;
}

/** Words for the heatmap's density. */
export const DENSITY_WORDS: Record<GuidanceDensity, string> = {
  marginal: 'the unconditional density p_t(x)',
  conditional: 'the class density p_t(x | y)',
  guided: 'the guided (tilted) density, proportional to p_t(x)^(1 - w) p_t(x | y)^w',
};

/** The accessible name: what, for which class, at which w and t. */
export function guidanceFieldLabel(base: GuidanceFieldBase, frame: GuidanceFieldFrame, guidanceScale: number): string {
  const cls = base.data.mixture.classes[frame.classIndex]!.label;
  return `Classifier-free guidance towards class '${cls}' at w = ${formatSignificant(guidanceScale)}, t = ${frame.t}`;
}

function pct(x: number): string {
  return `${Math.round(100 * x)}%`;
}

/** The text summary: every number a sighted reader gets from the picture, in words. */
export function describeGuidanceField(
  base: GuidanceFieldBase,
  frame: GuidanceFieldFrame,
  guided: GuidanceFieldGuided,
  layers: GuidanceFieldLayers,
  paths: GuidanceFieldPaths | null,
  reference: GuidanceFieldPaths | null,
  scheduleName: string,
): string {
  const T = base.alphasCumprod.length;
  const classes = base.data.mixture.classes;
  const cls = classes[frame.classIndex]!;
  const w = formatSignificant(guided.guidanceScale);
  const e = formatSignificant(base.extent);
  const parts: string[] = [];
  parts.push(
    `The ${base.data.label}: ${classes.length} classes (${classes.map((c) => `'${c.label}' with prior ${formatSignificant(c.prior)}`).join(', ')}), ` +
      `noised to t = ${frame.t} of ${T - 1} (${scheduleName} schedule, alpha-bar_t = ${formatSignificant(frame.alphaBar)}). ` +
      `The heatmap shows ${DENSITY_WORDS[guided.density]} over x and y from -${e} to ${e}; its highest value is ${formatSignificant(Math.exp(guided.logDensityMax))}.`,
  );
  if (layers.contours) parts.push(`Contour lines outline p_t(x | y) for the chosen class '${cls.label}'.`);
  if (layers.score) {
    parts.push(
      `Arrows on a ${guided.arrowGrid.nx} by ${guided.arrowGrid.ny} grid show the guided score grad log p_t(x) + w (grad log p_t(x | y) - grad log p_t(x)) at w = ${w}` +
        `${guided.guidanceScale === 0 ? ' (the unconditional score)' : guided.guidanceScale === 1 ? ' (the conditional score)' : ''}; ` +
        `their size ranges from ${formatSignificant(guided.scoreMin)} to ${formatSignificant(guided.scoreMax)}.`,
    );
  }
  if (layers.trajectories && paths) {
    const n = paths.trajectories.count;
    let text =
      `${n} guided probability-flow paths run from the same noise at t = ${T - 1} to the clean data, a dot marking each at t = ${frame.t}; ` +
      `a plus marks the class's mean and a cross the centre of the end points. ` +
      `At w = ${w}, ${pct(paths.inClass)} of them end where the classifier p(y | x) picks '${cls.label}'; ` +
      `the centre of their end points lies ${formatSignificant(paths.shift)} from the class's mean, ` +
      `and their mean log p(x | y) is ${formatSignificant(paths.meanLogClassDensity)}.`;
    if (layers.reference && reference && guided.guidanceScale !== 1) {
      text +=
        ` At w = 1 (plain conditional sampling) the same starts end ${pct(reference.inClass)} in the class, ` +
        `their centre ${formatSignificant(reference.shift)} from its mean, mean log p(x | y) ${formatSignificant(reference.meanLogClassDensity)}` +
        (pushedPast(paths, reference) ? ': the larger w pushes the samples past the class, into its tail.' : '.');
    }
    parts.push(text);
  } else if (layers.trajectories && !base.canFlow) {
    parts.push('No flow paths: this schedule reaches alpha-bar = 0, where they cannot start.');
  }
  return parts.join(' ');
}

/**
 * Whether guidance moved the end points past the class: their centre clearly off the class's mean, and into lower class
 * density.
 */
export function pushedPast(paths: GuidanceFieldPaths, reference: GuidanceFieldPaths): boolean {
  return paths.shift > reference.shift + 0.2 && paths.meanLogClassDensity < reference.meanLogClassDensity;
}
