import { GENERATION_DEFAULTS, GENERATION_LIMITS, SCHEDULER_NAMES, type SchedulerName } from '../../engine';
import { MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import {
  cellSizeField,
  modelFields,
  samplingFields,
  studentModelField,
  withDoc,
} from '../shared/generation/generationFields';
import { labelField, startWhenField } from '../shared/props/commonFields';
import {
  booleanProp,
  choiceProp,
  customProp,
  numberProp,
  stringProp,
  type SchemaSettings,
} from '../shared/props/figureSchema';
import { checked, checkNumber } from '../shared/props/propChecks';
import { PROMPT_MODES, type PromptMode, type PromptSettings } from './promptSettings';

export type { PromptMode };

/** The most images the form offers, below the engine's GENERATION_LIMITS.count.max, to keep a result list light. */
export const MAX_UI_COUNT = 64;
/** The shipped model's own default guidance (its model.json), at which its radical test is measured. */
const DEFAULT_GUIDANCE = 7;

const L = GENERATION_LIMITS;
const sampling = /* @__PURE__ */ samplingFields();

/**
 * The props of PromptGenerator, in the order they are checked: the form's initial values first (what one
 * generation is made with, see `PromptSettings`), then the model and the figure's own.
 */
export const promptGeneratorSchema = {
  prompt: /* @__PURE__ */ stringProp({
    doc: 'Initial prompt in the field.',
    default: '',
    maxLength: MAX_PROMPT_LENGTH,
  }),
  guidanceScale: /* @__PURE__ */ numberProp({
    doc: "Initial classifier-free guidance scale; the live preview's model was distilled for 2 to 10.",
    default: DEFAULT_GUIDANCE,
    ...L.guidanceScale,
  }),
  steps: /* @__PURE__ */ withDoc(
    sampling.steps,
    "Initial number of denoising steps of Generate (the default is the fewest within 2 points of 25 on the shipped model's step " +
      "curve). The live preview uses its own model's default (4 or fewer).",
  ),
  scheduler: /* @__PURE__ */ choiceProp<SchedulerName>({
    doc: 'Initial scheduler.',
    type: 'SchedulerName',
    options: SCHEDULER_NAMES,
    default: 'ddim',
  }),
  seed: /* @__PURE__ */ withDoc(
    sampling.seed,
    'Initial seed of the starting noise: the same seed gives the same glyphs.',
  ),
  count: /* @__PURE__ */ customProp<number>({
    doc: 'Initial number of images per generation.',
    type: 'number',
    default: GENERATION_DEFAULTS.count,
    accepts: `an integer from 1 to ${MAX_UI_COUNT}`,
    control: 'range',
    range: { min: 1, max: MAX_UI_COUNT, integer: true },
    // The engine's range first (its message is the general one), then the form's own, smaller limit.
    check: (x) =>
      checked(
        checkNumber('count', x, L.count) ?? checkNumber('count', x, { min: 1, max: MAX_UI_COUNT, integer: true }),
        x as number,
      ),
  }),
  mode: /* @__PURE__ */ choiceProp<PromptMode>({
    doc: 'Initial mode: a full generation, or a single step from pure noise showing the predicted x0.',
    type: 'PromptMode',
    options: PROMPT_MODES,
    default: 'full',
  }),
  model: modelFields.model,
  liveModel: /* @__PURE__ */ studentModelField(
    'liveModel',
    'URL of the few-step model.json that draws the live preview as the reader types (a guidance-distilled student, e.g. an ' +
      'LCM), or false for no live preview. It loads when the reader first focuses the prompt field, so a reader who never ' +
      'types downloads nothing more.',
  ),
  device: modelFields.device,
  cellSize: /* @__PURE__ */ cellSizeField(96),
  maxResults: /* @__PURE__ */ numberProp({
    doc: 'How many results the list keeps (the oldest is dropped).',
    default: 8,
    min: 1,
    max: 50,
    integer: true,
  }),
  generateOnLoad: /* @__PURE__ */ booleanProp({
    doc: 'Generate once with the initial settings as soon as the model is ready.',
    default: false,
  }),
  label: /* @__PURE__ */ labelField('Generate glyphs from a prompt'),
  startWhen: startWhenField,
};

/** PromptGenerator's checked settings. */
export type PromptGeneratorSettings = SchemaSettings<typeof promptGeneratorSchema>;

/** The form's initial values: what one generation is made with, from the settings. */
export function initialPromptSettings(s: PromptGeneratorSettings): PromptSettings {
  return {
    prompt: s.prompt,
    guidanceScale: s.guidanceScale,
    steps: s.steps,
    scheduler: s.scheduler,
    seed: s.seed,
    count: s.count,
    mode: s.mode,
  };
}
