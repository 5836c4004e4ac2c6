import { MIXTURE2D_PRESETS } from '../../engine';
import type { ColorMap, ColorMapName } from '../../theme/colorMaps';
import { colorMapField } from '../shared/props/commonFields';
import {
  densityResolutionField,
  extentField,
  fieldScheduleField,
  fieldTimestepField,
  gridSizeField,
  onTChangeField,
  readShowFlags,
} from '../shared/props/fieldPlotFields';
import { booleanProp, choiceProp, customProp, numberProp } from '../shared/props/figureSchema';
import { checkOneOf, describeValue, isPlainObject, type Checked } from '../shared/props/propChecks';
import type { ScoreFieldLayers } from './describeScoreField';
import { MAX_DATA_COMPONENTS, sanitizeScoreFieldData, type ScoreFieldData } from './scoreFieldData';
import { SCORE_FIELD_LIMITS, resolveSchedule, type ScoreFieldSchedule } from './useScoreFieldPlot';

export type { ColorMap, ColorMapName, ScoreFieldData, ScoreFieldLayers, ScoreFieldSchedule };

const L = SCORE_FIELD_LIMITS;

const DEFAULT_LAYERS: ScoreFieldLayers = { samples: true, density: 'heatmap', score: true, trajectories: false };

/** The `show` prop after {@link sanitizeShow}. */
type ShowLayers = Partial<Omit<ScoreFieldLayers, 'density'>> & { density?: ScoreFieldLayers['density'] | boolean };

/**
 * The layers shown at first for a checked `show` prop: each layer it leaves out as in {@link DEFAULT_LAYERS},
 * `density: true | false` as 'heatmap' | 'none'.
 */
export function initialScoreFieldLayers(show: ShowLayers | undefined): ScoreFieldLayers {
  const density =
    show?.density === true ? 'heatmap' : show?.density === false ? 'none' : (show?.density ?? DEFAULT_LAYERS.density);
  return { ...DEFAULT_LAYERS, ...show, density };
}

/** Checks the `show` prop: an object of booleans, `density` also 'heatmap', 'contours' or 'none'. */
function sanitizeShow(show: unknown): Checked<ShowLayers> {
  if (!isPlainObject(show))
    return {
      problem: {
        prop: 'show',
        message: `show must be an object { samples?, density?, score?, trajectories? }; got ${describeValue(show)}.`,
      },
    };
  const out: ShowLayers = {};
  const problem = readShowFlags(show, ['samples', 'score', 'trajectories'], out);
  if (problem) return { problem };
  const density = show.density;
  if (density !== undefined) {
    if (typeof density !== 'boolean' && checkOneOf('show.density', density, ['heatmap', 'contours', 'none'])) {
      return {
        problem: {
          prop: 'show.density',
          message: `show.density must be one of 'heatmap', 'contours', 'none', true or false; got ${describeValue(density)}.`,
        },
      };
    }
    out.density = density as ShowLayers['density'];
  }
  return { value: out };
}

/** The props of ScoreFieldPlot, in the order they are checked (the work they ask for is checked after them all). */
export const scoreFieldPlotSchema = {
  data: /* @__PURE__ */ customProp<ScoreFieldData>({
    doc:
      "The clean data: a preset ('ring', 'two-blobs', 'two-moons', 'checker', 'spiral'), a mixture `{ components }`, or points " +
      '`[[x, y], ...]` / `{ points, bandwidth }` taken as a KDE.',
    type: 'ScoreFieldData',
    default: 'ring',
    defaultText: "'ring'",
    accepts: `at most ${MAX_DATA_COMPONENTS} points or gaussians`,
    control: 'select',
    options: MIXTURE2D_PRESETS,
    check: sanitizeScoreFieldData,
  }),
  schedule: /* @__PURE__ */ fieldScheduleField<ScoreFieldSchedule>({
    type: 'ScoreFieldSchedule',
    resolve: resolveSchedule,
  }),
  t: /* @__PURE__ */ fieldTimestepField({
    doc: 'The timestep shown (the slider starts here and follows later changes).',
    resolve: resolveSchedule,
  }),
  onTChange: onTChangeField,
  seed: /* @__PURE__ */ numberProp({
    doc: 'Seed of the samples and of the probability-flow starting points.',
    default: 0,
    ...L.seed,
  }),
  sampleCount: /* @__PURE__ */ numberProp({
    doc: "How many samples of x_t to draw (times the data's gaussians at most 40,000,000).",
    default: 500,
    ...L.sampleCount,
    control: 'number',
  }),
  show: /* @__PURE__ */ customProp<ShowLayers, ShowLayers | undefined>({
    doc: 'Which layers show at first (the controls can change them); `density: true | false` means heatmap | none.',
    type: "Partial<Omit<ScoreFieldLayers, 'density'>> & { density?: ScoreFieldLayers['density'] | boolean }",
    default: undefined,
    defaultText: JSON.stringify(DEFAULT_LAYERS),
    check: sanitizeShow,
  }),
  gridSize: /* @__PURE__ */ gridSizeField({ default: 24, range: L.gridSize }),
  densityResolution: /* @__PURE__ */ densityResolutionField({
    doc: "Density cells per side ((densityResolution^2 + 2 gridSize^2) x the data's gaussians at most 15,000,000).",
    default: 128,
    range: L.densityResolution,
  }),
  densityScale: /* @__PURE__ */ choiceProp({
    doc: "Colour the density by its value ('linear') or its logarithm ('log', 12 nats below the peak).",
    default: 'linear',
    options: ['linear', 'log'] as const,
  }),
  trajectoryCount: /* @__PURE__ */ numberProp({
    doc:
      "How many probability-flow paths. Paths x steps x the data's gaussians is at most 1,000,000 (see `SCORE_FIELD_WORK_LIMITS`; " +
      'e.g. 500 paths of 250 steps on the 8-gaussian ring).',
    default: 16,
    ...L.trajectoryCount,
  }),
  trajectorySteps: /* @__PURE__ */ numberProp({
    doc: "DDIM steps per probability-flow path (at most the schedule's T are run).",
    default: 50,
    ...L.trajectorySteps,
  }),
  extent: /* @__PURE__ */ extentField(L.extent),
  view: /* @__PURE__ */ choiceProp({
    doc: 'A flat 2-D picture, or a 3-D surface (three.js, loaded on demand).',
    default: '2d',
    options: ['2d', '3d'] as const,
  }),
  width: /* @__PURE__ */ numberProp({
    doc: 'Outer width of the plot in CSS pixels, at most: in a narrower container the plot shrinks to fit, its proportions kept.',
    default: 480,
    min: 120,
    max: 4096,
  }),
  height: /* @__PURE__ */ numberProp({
    doc: 'Outer height of the plot in CSS pixels at its full width (a plot shrunk to fit keeps the proportions).',
    default: 480,
    min: 120,
    max: 4096,
  }),
  colorMap: /* @__PURE__ */ colorMapField('The colour map of the density: a name or a function.'),
  showControls: /* @__PURE__ */ booleanProp({
    doc: 'Show the t slider, layer switches and view toggle.',
    default: true,
  }),
};
