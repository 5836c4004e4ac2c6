import { LABELLED_MIXTURE2D_PRESETS } from '../../engine';
import type { ColorMap, ColorMapName } from '../../theme/colorMaps';
import { colorMapField, optionalLabelField } from '../shared/props/commonFields';
import {
  densityResolutionField,
  extentField,
  fieldScheduleField,
  fieldTimestepField,
  gridSizeField,
  onTChangeField,
  readShowFlags,
} from '../shared/props/fieldPlotFields';
import { booleanProp, callbackProp, choiceProp, customProp, numberProp } from '../shared/props/figureSchema';
import { checked, checkNumber, describeValue, isPlainObject, type Checked } from '../shared/props/propChecks';
import type { ScheduleSpec } from '../shared/props/resolveSchedule';
import type { GuidanceFieldLayers } from './describeGuidanceField';
import {
  GUIDANCE_DATA_LIMITS,
  guidanceDataClassCount,
  sanitizeGuidanceFieldData,
  type GuidanceFieldData,
} from './guidanceFieldData';
import type { GuidanceDensity } from './guidanceFieldModel';
import { GUIDANCE_FIELD_LIMITS, resolveGuidanceSchedule } from './useGuidanceField';

export type { ColorMap, ColorMapName, GuidanceDensity, GuidanceFieldData, GuidanceFieldLayers, ScheduleSpec };

const L = GUIDANCE_FIELD_LIMITS;

const DEFAULT_LAYERS: GuidanceFieldLayers = { score: true, contours: true, trajectories: true, reference: true };

/** The layers shown at first for a checked `show` prop: each layer it leaves out as in {@link DEFAULT_LAYERS}. */
export function initialGuidanceFieldLayers(show: Partial<GuidanceFieldLayers>): GuidanceFieldLayers {
  return { ...DEFAULT_LAYERS, ...show };
}

function sanitizeShow(show: unknown): Checked<Partial<GuidanceFieldLayers>> {
  if (!isPlainObject(show))
    return {
      problem: {
        prop: 'show',
        message: `show must be an object { score?, contours?, trajectories?, reference? }; got ${describeValue(show)}.`,
      },
    };
  const out: Partial<GuidanceFieldLayers> = {};
  const problem = readShowFlags(show, ['score', 'contours', 'trajectories', 'reference'], out);
  if (problem) return { problem };
  return { value: out };
}

/** `show` left out: every layer as in {@link DEFAULT_LAYERS}. */
const NO_LAYERS: Partial<GuidanceFieldLayers> = /* @__PURE__ */ Object.freeze({});

/**
 * The props of GuidanceField, in the order they are checked (`t` against the schedule, `classIndex` against the data).
 */
export const guidanceFieldSchema = {
  data: /* @__PURE__ */ customProp<GuidanceFieldData>({
    doc:
      "The labelled data: a preset ('three-clusters', 'two-moons', 'ring-quarters') or " +
      '`{ classes: [{ label?, weight?, components: [{ weight?, mean: [x, y], cov? }, ...] }, ...], label? }`.',
    type: 'GuidanceFieldData',
    default: 'three-clusters',
    defaultText: "'three-clusters'",
    accepts: `2 to ${GUIDANCE_DATA_LIMITS.classes} classes of at most ${GUIDANCE_DATA_LIMITS.components} gaussians in all`,
    control: 'select',
    options: LABELLED_MIXTURE2D_PRESETS,
    check: sanitizeGuidanceFieldData,
  }),
  schedule: /* @__PURE__ */ fieldScheduleField<ScheduleSpec>({
    type: 'ScheduleSpec',
    resolve: resolveGuidanceSchedule,
  }),
  classIndex: /* @__PURE__ */ customProp<number>({
    doc: "The class y guided towards, an index into the data's classes (the class picker starts here).",
    type: 'number',
    default: 0,
    accepts: 'an integer from 0 to the number of classes - 1',
    control: 'number',
    range: { min: 0, max: GUIDANCE_DATA_LIMITS.classes - 1, integer: true },
    check: (x, earlier) => {
      const C = guidanceDataClassCount(earlier.data as GuidanceFieldData);
      return checked(
        checkNumber('classIndex', x, C > 0 ? { min: 0, max: C - 1, integer: true } : { min: 0, integer: true }),
        x as number,
      );
    },
  }),
  onClassChange: /* @__PURE__ */ callbackProp<(classIndex: number) => void>({
    doc: 'Called with the new class when the reader picks one.',
    type: '(classIndex: number) => void',
  }),
  guidanceScale: /* @__PURE__ */ numberProp({
    doc: 'The guidance scale w: 0 is unconditional, 1 conditional; the w slider starts here.',
    default: 3,
    ...L.guidanceScale,
  }),
  onGuidanceScaleChange: /* @__PURE__ */ callbackProp<(guidanceScale: number) => void>({
    doc: 'Called with the new w when the reader moves the slider.',
    type: '(guidanceScale: number) => void',
  }),
  t: /* @__PURE__ */ fieldTimestepField({
    doc: 'The timestep shown (the slider starts here).',
    resolve: resolveGuidanceSchedule,
  }),
  onTChange: onTChangeField,
  seed: /* @__PURE__ */ numberProp({
    doc: "Seed of the paths' starting points (the same points for every class and w).",
    default: 0,
    ...L.seed,
  }),
  trajectoryCount: /* @__PURE__ */ numberProp({
    doc: 'How many guided probability-flow paths.',
    default: 24,
    ...L.trajectoryCount,
  }),
  trajectorySteps: /* @__PURE__ */ numberProp({
    doc: "DDIM steps per path (at most the schedule's T are run).",
    default: 50,
    ...L.trajectorySteps,
  }),
  gridSize: /* @__PURE__ */ gridSizeField({ default: 20, range: L.gridSize }),
  densityResolution: /* @__PURE__ */ densityResolutionField({ default: 112, range: L.densityResolution }),
  density: /* @__PURE__ */ choiceProp<GuidanceDensity>({
    doc: "The heatmap: p_t(x) ('marginal'), p_t(x | y) ('conditional'), or the guided tilt p_t(x)^(1 - w) p_t(x | y)^w ('guided').",
    type: 'GuidanceDensity',
    default: 'marginal',
    options: ['marginal', 'conditional', 'guided'],
  }),
  show: /* @__PURE__ */ customProp<Partial<GuidanceFieldLayers>>({
    doc: 'Which layers show at first (the controls can change them).',
    type: 'Partial<GuidanceFieldLayers>',
    default: NO_LAYERS,
    defaultText: JSON.stringify(DEFAULT_LAYERS),
    check: sanitizeShow,
  }),
  extent: /* @__PURE__ */ extentField(L.extent),
  width: /* @__PURE__ */ numberProp({
    doc: 'Outer width of the plot in CSS pixels, at most: in a narrower container the plot shrinks to fit, its proportions kept (a larger plot redraws too slowly to drag the sliders).',
    default: 440,
    min: 160,
    max: 1600,
  }),
  height: /* @__PURE__ */ numberProp({
    doc: 'Outer height of the plot in CSS pixels at its full width (a plot shrunk to fit keeps the proportions; a larger plot redraws too slowly to drag the sliders).',
    default: 440,
    min: 160,
    max: 1600,
  }),
  colorMap: /* @__PURE__ */ colorMapField("The heatmap's colour map: a name or a function."),
  showControls: /* @__PURE__ */ booleanProp({
    doc: 'Show the class picker, the w and t sliders and the layer switches.',
    default: true,
  }),
  label: /* @__PURE__ */ optionalLabelField(
    "none: no caption, and the figure's accessible name states the class, w and t",
  ),
};
