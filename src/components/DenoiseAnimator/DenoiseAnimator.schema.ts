import { GENERATION_DEFAULTS, GENERATION_LIMITS } from '../../engine';
import { MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { cellSizeField, modelFields, samplingFields } from '../shared/generation/generationFields';
import { labelField, startWhenField } from '../shared/props/commonFields';
import { booleanProp, choiceProp, numberProp, stringProp, type SchemaSettings } from '../shared/props/figureSchema';
import type { PropProblem } from '../shared/props/propChecks';
import { DENOISE_VIEWS, type DenoiseView } from './describeDenoise';

export type { DenoiseView };

/** The most images kept for scrubbing: count x steps (each step of each image is kept as display bytes). */
export const MAX_KEPT_IMAGES = 25_600;

/** The props of DenoiseAnimator, in the order they are checked (count x steps is bounded after them all). */
export const denoiseAnimatorSchema = {
  ...modelFields,
  prompt: /* @__PURE__ */ stringProp({
    doc: 'The text prompt; empty gives unconditional samples. Ignored by a model without a text encoder.',
    default: '',
    maxLength: MAX_PROMPT_LENGTH,
  }),
  classLabel: /* @__PURE__ */ numberProp({
    doc: 'The class a class-conditional model draws (an index into its `classes`); the reader can change it with the class picker. Ignored by other models.',
    default: undefined,
    defaultText: "the model's null class (unconditional samples) if it has one, else its first class, 0",
    min: 0,
    max: 65535,
    integer: true,
    control: 'number',
  }),
  count: /* @__PURE__ */ numberProp({
    doc: 'Number of images in the grid.',
    default: GENERATION_DEFAULTS.count,
    ...GENERATION_LIMITS.count,
  }),
  ...samplingFields(
    `Number of denoising steps; every step of every image is kept, so count x steps is at most ${MAX_KEPT_IMAGES.toLocaleString('en-US')}.`,
  ),
  view: /* @__PURE__ */ choiceProp<DenoiseView>({
    doc: 'What to draw: the sample x_t, the predicted x0, the predicted noise, or all three side by side.',
    type: 'DenoiseView',
    options: DENOISE_VIEWS,
    default: 'sample',
  }),
  autoplay: /* @__PURE__ */ booleanProp({
    doc: 'Play the steps as they are computed (not when the reader prefers reduced motion: then the last step is shown).',
    default: true,
  }),
  loop: /* @__PURE__ */ booleanProp({ doc: 'Start over after the last step.', default: false }),
  frameRate: /* @__PURE__ */ numberProp({
    doc: 'Steps shown per second while playing.',
    default: 8,
    min: 0,
    minExclusive: true,
    max: 60,
  }),
  cellSize: /* @__PURE__ */ cellSizeField(48),
  label: /* @__PURE__ */ labelField('A diffusion model denoising glyphs step by step'),
  startWhen: startWhenField,
};

/** The checks of DenoiseAnimator that involve several props: every kept frame fits the memory the figure allows. */
export function refineDenoiseAnimator(
  s: SchemaSettings<typeof denoiseAnimatorSchema>,
  report: (problem: PropProblem) => void,
): void {
  if (s.count * s.steps > MAX_KEPT_IMAGES) {
    report({
      prop: 'steps',
      message: `count x steps must be at most ${MAX_KEPT_IMAGES} (every step of every image is kept for scrubbing); got ${s.count} x ${s.steps} = ${s.count * s.steps}.`,
    });
  }
}
