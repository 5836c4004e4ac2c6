import { GENERATION_LIMITS } from '../../engine';
import { MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { modelFields, samplingFields, withDoc } from '../shared/generation/generationFields';
import { labelField, startWhenField } from '../shared/props/commonFields';
import { choiceProp, numberProp, stringProp, type SchemaSettings } from '../shared/props/figureSchema';
import type { PropProblem } from '../shared/props/propChecks';

/** What moves along the strip: the starting noise between two seeds, or the prompt between two prompts. */
export type LatentWalkKind = 'seeds' | 'prompts';
export const LATENT_WALK_KINDS: readonly LatentWalkKind[] = ['seeds', 'prompts'];

/** The most glyphs on the strip (one batch: every point of the walk is denoised at once). */
export const MAX_WALK_FRAMES = 16;

const sampling = /* @__PURE__ */ samplingFields();

/** The props of LatentWalk, in the order they are checked. */
export const latentWalkSchema = {
  model: modelFields.model,
  device: modelFields.device,
  walk: /* @__PURE__ */ choiceProp<LatentWalkKind>({
    doc:
      "What moves along the strip: the starting noise, from `seed` to `toSeed` with one prompt ('seeds'), or the " +
      "prompt, from `prompt` to `toPrompt` with one seed ('prompts').",
    type: 'LatentWalkKind',
    options: LATENT_WALK_KINDS,
    default: 'seeds',
  }),
  prompt: /* @__PURE__ */ stringProp({
    doc: 'The prompt of a seed walk; the first end of a prompt walk. Empty: unconditional glyphs (a seed walk only).',
    default: 'water',
    maxLength: MAX_PROMPT_LENGTH,
  }),
  toPrompt: /* @__PURE__ */ stringProp({
    doc: 'The other end of a prompt walk (its embedding is interpolated linearly from `prompt` to this).',
    default: 'tree',
    maxLength: MAX_PROMPT_LENGTH,
  }),
  seed: /* @__PURE__ */ withDoc(
    sampling.seed,
    "The seed of a prompt walk; the first end of a seed walk (the glyph at the strip's left end is this seed's).",
  ),
  toSeed: /* @__PURE__ */ numberProp({
    doc: "The other end of a seed walk: the starting noise moves from `seed`'s to this seed's along a great circle (slerp).",
    default: 1,
    ...GENERATION_LIMITS.seed,
    control: 'number',
  }),
  frames: /* @__PURE__ */ numberProp({
    doc: 'Glyphs on the strip, both ends included (all denoised as one batch).',
    default: 9,
    min: 2,
    max: MAX_WALK_FRAMES,
    integer: true,
  }),
  steps: sampling.steps,
  scheduler: sampling.scheduler,
  guidanceScale: sampling.guidanceScale,
  cellSize: /* @__PURE__ */ numberProp({
    doc: 'Largest side of one glyph on the strip in CSS pixels: the strip fills the width it is given up to this.',
    default: 96,
    min: 8,
    max: 256,
  }),
  label: /* @__PURE__ */ labelField('A walk between two starting points: nearby inputs, nearby glyphs'),
  startWhen: startWhenField,
};

export type LatentWalkSettings = SchemaSettings<typeof latentWalkSchema>;

/** The checks after every prop: a seed walk between two different seeds, a prompt walk between two prompts. */
export function refineLatentWalk(s: LatentWalkSettings, report: (problem: PropProblem) => void): void {
  if (s.walk === 'seeds' && s.seed === s.toSeed) {
    report({
      prop: 'toSeed',
      message: `toSeed must differ from seed for a seed walk (both ends would be the same glyphs); got ${s.toSeed} for both.`,
    });
  }
  if (s.walk === 'prompts') {
    for (const prop of ['prompt', 'toPrompt'] as const) {
      if (!/[\p{L}\p{N}]/u.test(s[prop])) {
        report({
          prop,
          message: `${prop} must contain a word (a letter or a digit) for a prompt walk; got '${s[prop].slice(0, 40)}'.`,
        });
      }
    }
    if (s.prompt.trim() === s.toPrompt.trim() && s.prompt.trim() !== '') {
      report({
        prop: 'toPrompt',
        message: `toPrompt must differ from prompt for a prompt walk; got '${s.toPrompt.slice(0, 40)}' for both.`,
      });
    }
  }
}
