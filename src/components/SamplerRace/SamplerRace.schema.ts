import { GENERATION_LIMITS, SCHEDULER_NAMES, type SchedulerName } from '../../engine';
import { MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { modelFields, samplingFields, studentModelField, withDoc } from '../shared/generation/generationFields';
import { labelField, startWhenField } from '../shared/props/commonFields';
import { choiceProp, customProp, numberProp, stringProp, type SchemaSettings } from '../shared/props/figureSchema';
import type { PropProblem } from '../shared/props/propChecks';
import { raceWork } from './racePlan';
import { checkChartSteps, checkSchedulerList } from './raceProps';
import {
  DEFAULT_CHART_STEPS,
  DEFAULT_RACE_SCHEDULERS,
  DEFAULT_REFERENCE,
  MAX_CHART_POINTS,
  MAX_CHART_STEPS,
} from './raceSteps';

/**
 * The most work a race may ask for, in image-steps: count x (each sampler's steps in its lane and at every
 * chart point, plus the reference's). The defaults ask for 3,620 (about a minute on two CPU cores with wasm).
 */
export const MAX_RACE_IMAGE_STEPS = 20_000;
/** The most images in a lane, and the most steps of a lane. */
export const MAX_RACE_COUNT = 16;
export const MAX_RACE_STEPS = 200;

const sampling = /* @__PURE__ */ samplingFields();

/** The props of SamplerRace, in the order they are checked (the race's work is bounded after them all). */
export const samplerRaceSchema = {
  model: /* @__PURE__ */ withDoc(modelFields.model, "URL of the model's model.json. Any model the engine loads works."),
  student: /* @__PURE__ */ studentModelField(
    'student',
    "URL of a few-step student's model.json (a guidance-distilled model such as an LCM) raced in a lane of its own, at its own " +
      "default steps from the same noise, once the samplers' lanes are done; or false for none.",
  ),
  device: modelFields.device,
  prompt: /* @__PURE__ */ stringProp({
    doc: 'The prompt; empty gives unconditional samples.',
    default: 'water',
    maxLength: MAX_PROMPT_LENGTH,
  }),
  count: /* @__PURE__ */ numberProp({
    doc: 'Number of images in each lane.',
    default: 4,
    min: 1,
    max: MAX_RACE_COUNT,
    integer: true,
  }),
  steps: /* @__PURE__ */ numberProp({
    doc: "The lanes' number of steps at first; the reader changes it with the step control.",
    default: 10,
    min: 1,
    max: MAX_RACE_STEPS,
    integer: true,
  }),
  seed: /* @__PURE__ */ withDoc(
    sampling.seed,
    "Seed of the shared starting noise (and of the stochastic samplers' noise).",
  ),
  guidanceScale: sampling.guidanceScale,
  schedulers: /* @__PURE__ */ customProp<SchedulerName[], readonly SchedulerName[]>({
    doc: 'The samplers raced, in lane order.',
    type: 'SchedulerName[]',
    default: DEFAULT_RACE_SCHEDULERS,
    accepts: `1 to ${SCHEDULER_NAMES.length} different scheduler names`,
    control: 'check',
    options: SCHEDULER_NAMES,
    check: (x) => checkSchedulerList('schedulers', x),
  }),
  chartSteps: /* @__PURE__ */ customProp<number[], readonly number[]>({
    doc: "The chart's step counts (empty: no chart).",
    type: 'number[]',
    default: DEFAULT_CHART_STEPS,
    accepts: `at most ${MAX_CHART_POINTS} integers from 1 to ${MAX_CHART_STEPS}`,
    check: (x) => checkChartSteps('chartSteps', x),
  }),
  referenceScheduler: /* @__PURE__ */ choiceProp<SchedulerName>({
    doc: "The reference's sampler (the default, DDIM, is deterministic).",
    type: 'SchedulerName',
    options: SCHEDULER_NAMES,
    default: DEFAULT_REFERENCE.scheduler,
  }),
  referenceSteps: /* @__PURE__ */ numberProp({
    doc: "The reference's number of steps.",
    default: DEFAULT_REFERENCE.steps,
    ...GENERATION_LIMITS.steps,
  }),
  cellSize: /* @__PURE__ */ numberProp({
    doc: "Largest side of one image in CSS pixels: the lanes share the figure's width and each lane's images fill it up to this.",
    default: 96,
    min: 4,
    max: 128,
  }),
  chartWidth: /* @__PURE__ */ numberProp({
    doc: 'Largest width of the chart in CSS pixels: it takes the width it is given up to this.',
    default: 480,
    min: 200,
    max: 1200,
  }),
  chartHeight: /* @__PURE__ */ numberProp({
    doc: 'Height of the chart in CSS pixels.',
    default: 240,
    min: 120,
    max: 800,
  }),
  label: /* @__PURE__ */ labelField('The same noise through different samplers'),
  startWhen: startWhenField,
};

/** SamplerRace's checked settings. */
export type SamplerRaceSettings = SchemaSettings<typeof samplerRaceSchema>;

/** The work of a race with these settings at `steps` lane steps, in image-steps (see {@link MAX_RACE_IMAGE_STEPS}). */
export function raceWorkOf(
  s: Pick<SamplerRaceSettings, 'schedulers' | 'chartSteps' | 'referenceScheduler' | 'referenceSteps' | 'count'>,
  steps: number,
): number {
  return raceWork(
    {
      schedulers: s.schedulers,
      steps,
      chartSteps: s.chartSteps,
      reference: { scheduler: s.referenceScheduler, steps: s.referenceSteps },
    },
    s.count,
  );
}

/** The check of SamplerRace that involves several props: the race's work is bounded. */
export function refineSamplerRace(s: SamplerRaceSettings, report: (problem: PropProblem) => void): void {
  const work = raceWorkOf(s, s.steps);
  if (work > MAX_RACE_IMAGE_STEPS) {
    report({
      prop: 'count',
      message: `a race must ask for at most ${MAX_RACE_IMAGE_STEPS} image-steps (MAX_RACE_IMAGE_STEPS: count x every sampler's steps in its lane and at each chart point, plus the reference's); got ${work}. Use fewer images, samplers or chart points.`,
    });
  }
}
