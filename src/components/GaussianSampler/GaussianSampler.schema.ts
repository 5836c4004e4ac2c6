import { labelField } from '../shared/props/commonFields';
import { booleanProp, callbackProp, numberProp } from '../shared/props/figureSchema';
import { GAUSSIAN_SAMPLER_LIMITS, MIN_STD, type GaussianSamplerParams } from './useGaussianSampler';

export type { GaussianSamplerParams };

const L = GAUSSIAN_SAMPLER_LIMITS;

/** The props of GaussianSampler, in the order they are checked (a too small `std` is refused after them all). */
export const gaussianSamplerSchema = {
  mean: /* @__PURE__ */ numberProp({ doc: 'Mean mu of the true normal distribution.', default: 0, ...L.mean }),
  std: /* @__PURE__ */ numberProp({
    doc: `Standard deviation sigma of the true distribution; one below ${MIN_STD.toExponential()} is refused (its density cannot be drawn).`,
    default: 1,
    ...L.std,
  }),
  sampleCount: /* @__PURE__ */ numberProp({
    doc:
      'How many samples to draw. A server render draws at most the first 10,000 of them (its markup says how many of how ' +
      'many it shows); the client draws the rest once hydrated.',
    default: 500,
    ...L.sampleCount,
  }),
  seed: /* @__PURE__ */ numberProp({
    doc: 'Seed of the random draws (any safe integer): the same seed gives the same samples.',
    default: 0,
    ...L.seed,
  }),
  bins: /* @__PURE__ */ numberProp({ doc: 'Number of histogram bins.', default: 30, ...L.bins }),
  animate: /* @__PURE__ */ booleanProp({
    doc: 'Let the samples appear progressively (ignored when the reader prefers reduced motion).',
    default: false,
  }),
  animationDuration: /* @__PURE__ */ numberProp({
    doc: 'Duration of the animation in ms.',
    default: 2000,
    min: 0,
    max: 60_000,
  }),
  showControls: /* @__PURE__ */ booleanProp({
    doc: 'Show built-in controls: mean, std, sample count, bins and a resample button.',
    default: false,
  }),
  width: /* @__PURE__ */ numberProp({ doc: 'Width of the chart in px.', default: 480, min: 120, max: 4000 }),
  height: /* @__PURE__ */ numberProp({ doc: 'Height of the chart in px.', default: 260, min: 100, max: 4000 }),
  label: /* @__PURE__ */ labelField('Samples from a normal distribution and its maximum-likelihood fit'),
  onParamsChange: /* @__PURE__ */ callbackProp<(params: GaussianSamplerParams) => void>({
    doc: 'Called when a built-in control changes the parameters.',
    type: '(params: GaussianSamplerParams) => void',
  }),
};
