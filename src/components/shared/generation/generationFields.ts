import { GENERATION_DEFAULTS, GENERATION_LIMITS, type DeviceRequest, type SchedulerName } from '../../../engine';
import { DEVICE_REQUESTS } from '../../../engine/internal';
import { choiceProp, customProp, numberProp } from '../props/figureSchema';
import { checked } from '../props/propChecks';
import { CELL_SIZE_RANGE, checkModelUrl, checkSchedulerProp, MAX_MODEL_URL_LENGTH } from './generationChecks';
import { FIGURE_DEFAULT_STEPS } from './generationProps';

/** The fields every model-driven figure shares, for its schema (spread them in, in this order). */

/** `model` and `device`: which model runs where. */
export const modelFields = {
  model: /* @__PURE__ */ customProp<string, string | undefined>({
    doc: "URL of the model's model.json.",
    type: 'string',
    default: undefined,
    defaultText: 'the shipped glyffuser-mini, or the model set with `configure({ modelUrl })` (see `getDefaultModelUrl()`)',
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

/** `steps`, `scheduler`, `guidanceScale` and `seed`, with the engine's limits (`stepsDoc` replaces the steps' doc). */
export function samplingFields(stepsDoc = 'Number of denoising steps.') {
  const L = GENERATION_LIMITS;
  return {
    steps: numberProp({ doc: stepsDoc, default: FIGURE_DEFAULT_STEPS, ...L.steps }),
    scheduler: customProp<SchedulerName | Record<string, unknown>, SchedulerName | Record<string, unknown> | undefined>({
      doc:
        'A scheduler short name or a diffusers scheduler_config object (plain JSON values, at most 64 keys, schedule keys as ' +
        'every schedule prop takes them).',
      type: 'SchedulerName | Record<string, unknown>',
      default: undefined,
      defaultText: "the model's own scheduler_config (DDIM for the shipped glyffuser-mini)",
      check: (x) => checkSchedulerProp(x),
    }),
    guidanceScale: numberProp({
      doc: 'Classifier-free guidance scale: how strongly the prompt pulls the samples.',
      default: undefined,
      defaultText: "the model's `guidance.default` (7 for the shipped glyffuser-mini)",
      ...L.guidanceScale,
    }),
    seed: numberProp({ doc: 'Seed of the starting noise: the same seed gives the same glyphs.', default: GENERATION_DEFAULTS.seed, ...L.seed, control: 'number' }),
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
