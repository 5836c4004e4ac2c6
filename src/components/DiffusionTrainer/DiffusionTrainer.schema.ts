import { MIXTURE2D_PRESETS, SCHEDULER_NAMES, type SchedulerName } from '../../engine';
import { dependentNumberProp, labelField } from '../shared/props/commonFields';
import { booleanProp, callbackProp, choiceProp, customProp, numberProp } from '../shared/props/figureSchema';
import { cachedByObject } from '../shared/props/hostProps';
import { checkNumber, type Checked } from '../shared/props/propChecks';
import { sanitizeScheduleSpec, type ScheduleSpec } from '../shared/props/resolveSchedule';
import { resolveScheduleAbar } from '../shared/props/resolveScheduleAbar';
import { MAX_DRAWN_POINTS, DRAW_EXTENT, sanitizeTrainerData, type TrainerData } from './trainerData';
import { DIFFUSION_TRAINER_LIMITS } from './trainerSettings';

export type { ScheduleSpec, TrainerData };

const L = DIFFUSION_TRAINER_LIMITS;

/** abar_t of a schedule, or the problem with it (a number of training steps the trainer does not take, ...). */
function trainerAbar(schedule: ScheduleSpec) {
  return resolveScheduleAbar(
    schedule,
    (count) => checkNumber('schedule.num_train_timesteps', count, L.numTrainTimesteps)?.message ?? null,
  );
}

/** abar_t of a (checked) schedule: what the trainer learns with (empty for a schedule with a problem). */
export function trainerAlphasCumprod(schedule: ScheduleSpec): Float64Array {
  const resolved = trainerAbar(schedule);
  return 'problem' in resolved ? new Float64Array(0) : resolved.alphasCumprod;
}

/**
 * The schedule's number of training steps T, read from the settings checked before a prop (1000 for a bad schedule).
 */
const stepsOf = (earlier: Readonly<Record<string, unknown>>) =>
  trainerAlphasCumprod(earlier.schedule as ScheduleSpec).length || 1000;

/** The schedule: its shape, then built, then some noise at every timestep. */
function checkSchedule(value: unknown): Checked<ScheduleSpec> {
  const sanitized = sanitizeScheduleSpec('schedule', value) as Checked<ScheduleSpec>;
  if (sanitized.problem) return sanitized;
  const resolved = trainerAbar(sanitized.value);
  if ('problem' in resolved) return { problem: resolved.problem };
  // The score is -eps / sqrt(1 - alpha-bar_t): it needs some noise at every timestep (every beta above 0 at the start).
  const noiseless = resolved.alphasCumprod.findIndex((a) => a >= 1);
  if (noiseless >= 0) {
    return {
      problem: {
        prop: 'schedule',
        message: `schedule: alpha-bar must be below 1 at every timestep (the score divides by sqrt(1 - alpha-bar)); at t = ${noiseless} it is 1 (a beta of 0). Start the betas above 0.`,
      },
    };
  }
  return sanitized;
}

/** The same (unchanged) points from the host give the same sanitised copy, so the figure's state keeps them. */
const checkData = /* @__PURE__ */ cachedByObject(sanitizeTrainerData);

/**
 * The props of DiffusionTrainer, in the order they are checked: the schedule first (`samplingSteps` and `t` depend
 * on its number of steps T); then the sampling work against `MAX_SAMPLING_WORK` (see `checkDiffusionTrainerProps`).
 */
export const diffusionTrainerSchema = {
  schedule: /* @__PURE__ */ customProp<ScheduleSpec>({
    doc:
      "The noise schedule: a diffusers `beta_schedule` name (1000 steps) or a config with diffusers' snake_case keys (camelCase " +
      "accepted as an alias); DDPM's 'linear' by default. Sampling clamps the predicted x0 to the data's box (diffusers' " +
      "`clip_sample`), so schedules that end near alpha-bar 0, such as 'squaredcos_cap_v2', sample well too.",
    type: 'ScheduleSpec',
    default: 'linear',
    defaultText: "'linear'",
    accepts: `a schedule of ${L.numTrainTimesteps.min} to ${L.numTrainTimesteps.max} training steps, every beta above 0`,
    control: 'select',
    options: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
    check: checkSchedule,
  }),
  data: /* @__PURE__ */ customProp<TrainerData>({
    doc:
      "The data to learn at first (the reader can change it): a preset ('ring', 'two-blobs', 'two-moons', 'checker', " +
      "'spiral'), whose exact score is shown beside the learned one, or points `[[x, y], ...]`, which the reader can add to on " +
      'the drawing pad.',
    type: 'TrainerData',
    default: 'two-moons',
    defaultText: "'two-moons'",
    accepts: `a preset, or at most ${MAX_DRAWN_POINTS} points within [-${DRAW_EXTENT}, ${DRAW_EXTENT}]^2`,
    control: 'select',
    options: MIXTURE2D_PRESETS,
    check: checkData,
  }),
  onDataChange: /* @__PURE__ */ callbackProp<(data: TrainerData) => void>({
    doc: "Called with the points when the reader draws, or with the preset's name when they pick one.",
    type: '(data: TrainerData) => void',
  }),
  seed: /* @__PURE__ */ numberProp({
    doc: 'Seed of the initial weights, the batches, the training set of a preset and the samples.',
    default: 0,
    ...L.seed,
  }),
  maxSteps: /* @__PURE__ */ numberProp({
    doc: 'Optimiser steps of a run; the learning rate decays along a half cosine over them.',
    default: 3000,
    ...L.maxSteps,
  }),
  dataCount: /* @__PURE__ */ numberProp({
    doc: 'Points drawn from a preset for the training set.',
    default: 2000,
    ...L.dataCount,
  }),
  hiddenWidth: /* @__PURE__ */ numberProp({ doc: 'Width of each hidden layer.', default: 64, ...L.hiddenWidth }),
  hiddenLayers: /* @__PURE__ */ numberProp({ doc: 'Number of hidden layers.', default: 3, ...L.hiddenLayers }),
  batchSize: /* @__PURE__ */ numberProp({ doc: 'Noised points per optimiser step.', default: 128, ...L.batchSize }),
  learningRate: /* @__PURE__ */ numberProp({ doc: "Adam's initial learning rate.", default: 2e-2, ...L.learningRate }),
  // Not LCM: the trainer's small noise predictor is not distilled for it.
  scheduler: /* @__PURE__ */ choiceProp<SchedulerName>({
    doc: 'The scheduler that draws samples from the learned model.',
    type: 'SchedulerName',
    options: /* @__PURE__ */ SCHEDULER_NAMES.filter((name) => name !== 'lcm'),
    default: 'ddim',
  }),
  samplingSteps: /* @__PURE__ */ dependentNumberProp({
    doc: 'Its inference steps.',
    accepts: `an integer from ${L.samplingSteps.min} to ${L.samplingSteps.max}, at most T (the schedule's training steps)`,
    defaultText: "min(50, T) for the schedule's T steps: 50 for the default 1000-step schedule",
    range: L.samplingSteps,
    rangeFrom: (earlier) => ({ ...L.samplingSteps, max: Math.min(L.samplingSteps.max, stepsOf(earlier)) }),
    defaultFrom: (earlier) => Math.min(50, stepsOf(earlier)),
  }),
  sampleCount: /* @__PURE__ */ numberProp({
    doc: 'Samples drawn from the model; sampleCount x samplingSteps x hiddenLayers x hiddenWidth^2 is at most 2e9 (`MAX_SAMPLING_WORK`).',
    default: 400,
    ...L.sampleCount,
  }),
  t: /* @__PURE__ */ dependentNumberProp({
    doc: 'The timestep of the score panels.',
    accepts: "an integer from 0 to T - 1 (the schedule's last timestep)",
    defaultText: "round(T / 10) for the schedule's T steps: 100 for the default 1000-step schedule",
    range: { min: 0, max: 999, integer: true },
    rangeFrom: (earlier) => ({ min: 0, max: stepsOf(earlier) - 1, integer: true }),
    defaultFrom: (earlier) => Math.round(stepsOf(earlier) / 10),
  }),
  gridSize: /* @__PURE__ */ numberProp({ doc: 'Arrows per side of the score panels.', default: 15, ...L.gridSize }),
  panelSize: /* @__PURE__ */ numberProp({
    doc: 'Side of each square panel in CSS pixels.',
    default: 240,
    ...L.panelSize,
  }),
  autoStart: /* @__PURE__ */ booleanProp({
    doc: 'Start training as soon as the figure mounts (and after each change of data or seed).',
    default: false,
  }),
  showControls: /* @__PURE__ */ booleanProp({
    doc: 'Show the controls (data, train/pause, reset, seed, sampler, t).',
    default: true,
  }),
  label: /* @__PURE__ */ labelField('Training a small diffusion model in the page'),
  onTrainingProgress: /* @__PURE__ */ callbackProp<(step: number, loss: number) => void>({
    doc: 'Called after each progress report with the step and the mean loss since the last one.',
    type: '(step: number, loss: number) => void',
  }),
};
