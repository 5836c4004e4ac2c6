import { GENERATION_DEFAULTS, GENERATION_LIMITS, type DeviceRequest, type SchedulerName } from '../../../engine';
import { DEVICE_REQUESTS } from '../../../engine/internal';
import { choiceProp, customProp, numberProp, type PropField } from '../props/figureSchema';
import { checked } from '../props/propChecks';
import {
  CELL_SIZE_RANGE,
  checkModelUrl,
  checkOptionalModel,
  checkSchedulerProp,
  MAX_MODEL_URL_LENGTH,
} from './generationChecks';

/**
 * The model-driven figures' default step count: the fewest DDIM, DPM-Solver++ or Euler steps whose radical test on the
 * shipped model is within 2 points of 25 DDIM steps by both judges (its README's step curve: 15). The engine's own
 * default (GENERATION_DEFAULTS.steps) stays 20, for any model.
 */
export const FIGURE_DEFAULT_STEPS = 15;

/**
 * The fields every model-driven figure shares, for its schema (spread them in, in this order, or take them one by
 * one), so that the same prop has the same name, range, default and check in every figure.
 */

/** A shared field with the doc the prop has in one figure (its name, type, range, default and check unchanged). */
// A field of any prop type: `any` only erases the variance of `read`, as in FigureSchema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withDoc<F extends PropField<any, any>>(field: F, doc: string): F {
  return { ...field, doc };
}

/** `model` and `device`: which model runs where. */
export const modelFields = {
  model: /* @__PURE__ */ customProp<string, string | undefined>({
    doc: "URL of the model's model.json.",
    type: 'string',
    default: undefined,
    defaultText:
      'the shipped glyffuser-mini, or the model set with `configure({ modelUrl })` (see `getDefaultModelUrl()`)',
    accepts: `a non-empty URL of at most ${MAX_MODEL_URL_LENGTH} characters`,
    control: 'text',
    check: (x) => checked(checkModelUrl(x), x as string),
  }),
  device: /* @__PURE__ */ choiceProp<DeviceRequest>({
    doc: "Where the model runs: 'auto' (WebGPU on a hardware adapter, else wasm), 'webgpu' or 'wasm'.",
    type: 'DeviceRequest',
    options: DEVICE_REQUESTS,
    default: 'auto',
  }),
};

/**
 * A second model beside `model` (SamplerRace's `student`, PromptGenerator's `liveModel`): a few-step student's
 * model.json URL, or false for none. Left out, the figure takes the shipped student while the shipped model is in use.
 */
export function studentModelField(prop: string, doc: string) {
  return customProp<string | false, string | false | undefined>({
    doc,
    type: 'string | false',
    default: undefined,
    defaultText:
      'the shipped glyffuser-mini-turbo when neither `model` nor `configure({ modelUrl })` replaces the shipped model, else false',
    accepts: `false, or a non-empty URL of at most ${MAX_MODEL_URL_LENGTH} characters`,
    control: 'text',
    check: (x) => checked(checkOptionalModel(prop, x), x as string | false),
  });
}

/** `steps`, `scheduler`, `guidanceScale` and `seed`, with the engine's limits (`stepsDoc` replaces the steps' doc). */
export function samplingFields(stepsDoc = 'Number of denoising steps.') {
  const L = GENERATION_LIMITS;
  return {
    steps: numberProp({ doc: stepsDoc, default: FIGURE_DEFAULT_STEPS, ...L.steps }),
    scheduler: customProp<SchedulerName | Record<string, unknown>, SchedulerName | Record<string, unknown> | undefined>(
      {
        doc:
          'A scheduler short name or a diffusers scheduler_config object (plain JSON values, at most 64 keys, schedule keys as ' +
          'every schedule prop takes them).',
        type: 'SchedulerName | Record<string, unknown>',
        default: undefined,
        defaultText: "the model's own scheduler_config (DDIM for the shipped glyffuser-mini)",
        check: (x) => checkSchedulerProp(x),
      },
    ),
    guidanceScale: numberProp({
      doc: 'Classifier-free guidance scale: how strongly the prompt pulls the samples.',
      default: undefined,
      defaultText: "the model's `guidance.default` (7 for the shipped glyffuser-mini)",
      ...L.guidanceScale,
    }),
    seed: numberProp({
      doc: 'Seed of the starting noise: the same seed gives the same glyphs.',
      default: GENERATION_DEFAULTS.seed,
      ...L.seed,
      control: 'number',
    }),
  };
}

/** `cellSize`: the largest side of one image. */
export function cellSizeField(fallback: number) {
  return numberProp({
    doc: 'Largest side of one image in CSS pixels: the grid fills the width it is given up to this.',
    default: fallback,
    ...CELL_SIZE_RANGE,
  });
}
