import { colorMaps, type ColorMap, type ColorMapName } from '../../theme/colorMaps';
import { MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { modelFields, samplingFields, withDoc } from '../shared/generation/generationFields';
import { checkColorMapProp } from '../shared/props/colorMapProps';
import { labelField, startWhenField } from '../shared/props/commonFields';
import { choiceProp, customProp, numberProp, stringProp, type SchemaSettings } from '../shared/props/figureSchema';
import type { PropProblem } from '../shared/props/propChecks';
import { ATTENTION_SCALES, type AttentionScale } from './attentionMaps';
import { ATTENTION_BASES, type AttentionBase } from './describeAttention';

export type { AttentionBase, AttentionScale, ColorMap, ColorMapName };

/**
 * The most images whose steps are kept: count x steps (each step of each image keeps its glyphs and each
 * word's 16 x 16 map as bytes, about 3 KB for a four-word prompt).
 */
export const MAX_ATTENTION_IMAGE_STEPS = 2_000;
/** The most images in the grid. */
export const MAX_ATTENTION_COUNT = 64;

const sampling = /* @__PURE__ */ samplingFields(
  `Number of denoising steps; every step's maps are kept for the step slider, so count x steps is at most ${MAX_ATTENTION_IMAGE_STEPS.toLocaleString('en-US')}.`,
);

/** The props of AttentionMap, in the order they are checked (the prompt's words and count x steps after them all). */
export const attentionMapSchema = {
  model: /* @__PURE__ */ withDoc(
    modelFields.model,
    "URL of the model's model.json. The model must export cross-attention maps.",
  ),
  device: modelFields.device,
  prompt: /* @__PURE__ */ stringProp({
    doc: 'The prompt whose words are mapped; it must have at least one letter or digit.',
    default: 'water tree',
    maxLength: MAX_PROMPT_LENGTH,
  }),
  count: /* @__PURE__ */ numberProp({
    doc: 'Number of images in the grid.',
    default: 4,
    min: 1,
    max: MAX_ATTENTION_COUNT,
    integer: true,
  }),
  steps: sampling.steps,
  scheduler: sampling.scheduler,
  guidanceScale: /* @__PURE__ */ withDoc(
    sampling.guidanceScale,
    "Classifier-free guidance scale. The maps are those of the prompt's (conditional) pass.",
  ),
  seed: sampling.seed,
  word: /* @__PURE__ */ numberProp({
    doc: 'The word shown first: its 0-based position among the words the model reads (clamped to the last word).',
    default: 0,
    min: 0,
    max: 255,
    integer: true,
  }),
  opacity: /* @__PURE__ */ numberProp({
    doc: 'Opacity of the heatmap over the glyphs, from 0 (glyphs only) to 1 (heatmap only).',
    default: 0.6,
    min: 0,
    max: 1,
  }),
  colorMap: /* @__PURE__ */ customProp<ColorMapName | ColorMap, ColorMap>({
    doc: 'Colour map of the heatmap: a name, or a function from t in [0, 1] to [r, g, b].',
    type: 'ColorMapName | ColorMap',
    default: colorMaps.viridis,
    defaultText: "'viridis'",
    accepts: `${Object.keys(colorMaps)
      .map((n) => `'${n}'`)
      .join(', ')} or a function`,
    control: 'select',
    options: Object.keys(colorMaps),
    check: (x) => checkColorMapProp('colorMap', x),
  }),
  scale: /* @__PURE__ */ choiceProp<AttentionScale>({
    doc: "Top of the colour scale: each word's own maximum at the step ('word'), or the largest of all words ('all').",
    type: 'AttentionScale',
    options: ATTENTION_SCALES,
    default: 'word',
  }),
  base: /* @__PURE__ */ choiceProp<AttentionBase>({
    doc: "The glyphs under the heatmap: the model's estimate of the finished glyphs at the step, or the sample after it.",
    type: 'AttentionBase',
    options: ATTENTION_BASES,
    default: 'predictedX0',
  }),
  cellSize: /* @__PURE__ */ numberProp({
    doc: 'Largest side of one image in CSS pixels: the glyphs fill the width they are given up to this, in one row where it is wide enough.',
    default: 240,
    min: 8,
    max: 256,
  }),
  label: /* @__PURE__ */ labelField('Where each word of the prompt acts: cross-attention over the glyphs'),
  startWhen: startWhenField,
};

/** The checks of AttentionMap that come after every prop: a prompt with a word to map, the kept steps bounded. */
export function refineAttentionMap(
  s: SchemaSettings<typeof attentionMapSchema>,
  report: (problem: PropProblem) => void,
): void {
  if (!/[\p{L}\p{N}]/u.test(s.prompt)) {
    report({
      prop: 'prompt',
      message: `prompt must contain at least one word (a letter or a digit) for the model to attend to; got '${s.prompt.slice(0, 40)}'.`,
    });
  }
  if (s.count * s.steps > MAX_ATTENTION_IMAGE_STEPS) {
    report({
      prop: 'steps',
      message: `count x steps must be at most ${MAX_ATTENTION_IMAGE_STEPS} (MAX_ATTENTION_IMAGE_STEPS: every step of every image is kept with its maps); got ${s.count} x ${s.steps} = ${s.count * s.steps}.`,
    });
  }
}

/** The name of a colour map the figure's own control can offer, or null for the host's own function. */
export function colorMapNameOf(map: ColorMap): ColorMapName | null {
  return (Object.keys(colorMaps) as ColorMapName[]).find((name) => colorMaps[name] === map) ?? null;
}
