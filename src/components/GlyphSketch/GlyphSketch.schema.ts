import { getGlyph } from '../../data/glyphs';
import { MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { modelFields, samplingFields, studentModelField } from '../shared/generation/generationFields';
import { labelField, startWhenField } from '../shared/props/commonFields';
import { choiceProp, customProp, numberProp, stringProp, type SchemaSettings } from '../shared/props/figureSchema';
import { checked, type PropProblem } from '../shared/props/propChecks';

/** What the model does with the pad: finish the reader's sketch (SDEdit), or repaint a masked part of a glyph (RePaint). */
export type GlyphSketchMode = 'finish' | 'repaint';
export const GLYPH_SKETCH_MODES: readonly GlyphSketchMode[] = ['finish', 'repaint'];

/** The most glyphs drawn from one sketch (one batch, one seed each). */
export const MAX_SKETCH_COUNT = 16;

const sampling = /* @__PURE__ */ samplingFields();

/** A shipped 32 x 32 glyph's character, or '' for none. */
function checkGlyphChar(x: unknown) {
  const ok = x === '' || (typeof x === 'string' && x.length <= 2 && getGlyph(x) !== undefined);
  return checked(
    ok
      ? null
      : {
          prop: 'glyph',
          message: `glyph must be '' or one character of the shipped 32 x 32 glyph atlas (listGlyphs()); got ${typeof x === 'string' ? `'${x.slice(0, 8)}'` : typeof x}.`,
        },
    x as string,
  );
}

/** The props of GlyphSketch, in the order they are checked. */
export const glyphSketchSchema = {
  model: modelFields.model,
  liveModel: /* @__PURE__ */ studentModelField(
    'liveModel',
    'URL of a few-step model.json (a guidance-distilled student, e.g. an LCM) that finishes or repaints live, a moment ' +
      'after each stroke, or false for none: then `model` runs step by step when the reader presses Generate, each step ' +
      'shown.',
  ),
  device: modelFields.device,
  mode: /* @__PURE__ */ choiceProp<GlyphSketchMode>({
    doc:
      "What the model does: 'finish' turns the reader's sketch into glyphs (SDEdit: the sketch is noised to the " +
      "level `strength` names, then denoised); 'repaint' redraws the masked part of a glyph and keeps the rest (RePaint).",
    type: 'GlyphSketchMode',
    options: GLYPH_SKETCH_MODES,
    default: 'finish',
  }),
  prompt: /* @__PURE__ */ stringProp({
    doc: 'The prompt the model follows while it finishes or repaints. Empty: unconditional.',
    default: 'water',
    maxLength: MAX_PROMPT_LENGTH,
  }),
  strength: /* @__PURE__ */ numberProp({
    doc:
      "How much of the sketch is given up ('finish'): 0 keeps it as it is, 1 starts from pure noise (the sketch is " +
      'ignored); in between, the sketch is noised to that share of the steps and denoised from there. With a sketch ' +
      'of one radical on an empty box, the shipped model tidies the strokes up to about 0.7 and draws whole glyphs ' +
      'around them from about 0.9.',
    default: 0.9,
    min: 0,
    max: 1,
  }),
  glyph: /* @__PURE__ */ customProp<string>({
    doc:
      "The shipped glyph the pad starts from: the glyph to repaint ('repaint'; '' gives 泡), or the starting sketch " +
      "('finish'; '' gives a rough water radical drawn on the left).",
    type: 'string',
    default: '',
    accepts: "'' or one character of the shipped 32 x 32 glyph atlas",
    control: 'text',
    check: checkGlyphChar,
  }),
  count: /* @__PURE__ */ numberProp({
    doc: 'Glyphs drawn from the sketch, one seed each (seed, seed + 1, ...).',
    default: 4,
    min: 1,
    max: MAX_SKETCH_COUNT,
    integer: true,
  }),
  steps: sampling.steps,
  scheduler: sampling.scheduler,
  guidanceScale: sampling.guidanceScale,
  seed: sampling.seed,
  cellSize: /* @__PURE__ */ numberProp({
    doc: 'Largest side of one generated glyph in CSS pixels: the grid fills the width it is given up to this.',
    default: 96,
    min: 8,
    max: 256,
  }),
  label: /* @__PURE__ */ labelField('Draw, and the model finishes it'),
  startWhen: startWhenField,
};

export type GlyphSketchSettings = SchemaSettings<typeof glyphSketchSchema>;

/** No check after the props: every combination is valid. */
export function refineGlyphSketch(_s: GlyphSketchSettings, _report: (problem: PropProblem) => void): void {}
