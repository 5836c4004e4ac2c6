import { forwardRef, useMemo, useState } from 'react';
import { type SchedulerName, SCHEDULER_NAMES, createRng } from '../../engine';
import { dataBounds, meanNearestDistance, scoreErrorByTimestep } from '../../engine/internal';
import { usePropState } from '../../hooks/usePropState';
import { themeVar } from '../../theme/theme';
import { formatSignificant } from '../shared/format/formatNumber';
import { cachedByObject, checkLabel, labelText, safeRef, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { PropValidator, checkNumber, type Checked } from '../shared/props/propChecks';
import { sanitizeScheduleSpec, type ScheduleSpec } from '../shared/props/resolveSchedule';
import { resolveScheduleAbar } from '../shared/props/resolveScheduleAbar';
import { FigureCaption, FigureDescription, FigureRoot, FLUID_FIGURE_STYLE, InvalidFigure, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { visuallyHidden } from '../shared/ui/visuallyHidden';
import { describeTrainer } from './describeTrainer';
import { DrawingPad } from './DrawingPad';
import { FieldPanel } from './FieldPanel';
import { LineChart } from './LineChart';
import { fieldScale } from './plotGeometry';
import { TrainerControls } from './TrainerControls';
import { MIN_DRAWN_POINTS, type TrainerData, resolveTrainerData, sanitizeTrainerData } from './trainerData';
import { exactField, learnedField, scoreErrors } from './trainerEvaluation';
import { DIFFUSION_TRAINER_LIMITS, checkSamplingWork } from './trainerSettings';
import { useDiffusionTrainer } from './useDiffusionTrainer';
import { useModelSamples } from './useModelSamples';
import { useThrottledValue } from './useThrottledValue';

/** Props of {@link DiffusionTrainer}. */
export interface DiffusionTrainerProps extends FigureHostProps {
  /**
   * The data to learn at first (the reader can change it): a preset ('ring', 'two-blobs', 'two-moons',
   * 'checker', 'spiral'), whose exact score is shown beside the learned one, or points `[[x, y], ...]`
   * (at most 2000, within [-4, 4]^2), which the reader can add to on the drawing pad.
   * @default 'two-moons'
   */
  data?: TrainerData;
  /** Called with the points when the reader draws, or with the preset's name when they pick one. */
  onDataChange?: (data: TrainerData) => void;
  /**
   * Seed of the initial weights, the batches, the training set of a preset and the samples.
   * @default 0
   */
  seed?: number;
  /**
   * Optimiser steps of a run (1 to 20000); the learning rate decays along a half cosine over them.
   * @default 3000
   */
  maxSteps?: number;
  /**
   * Points drawn from a preset for the training set (16 to 20000).
   * @default 2000
   */
  dataCount?: number;
  /**
   * Width of each hidden layer (4 to 128).
   * @default 64
   */
  hiddenWidth?: number;
  /**
   * Number of hidden layers (1 to 4).
   * @default 3
   */
  hiddenLayers?: number;
  /**
   * Noised points per optimiser step (1 to 512).
   * @default 128
   */
  batchSize?: number;
  /**
   * Adam's initial learning rate (above 0, at most 0.1).
   * @default 0.02
   */
  learningRate?: number;
  /**
   * The noise schedule: a diffusers `beta_schedule` name (1000 steps) or a config with diffusers' snake_case keys
   * (camelCase accepted as an alias); DDPM's 'linear' by default. Sampling clamps the predicted x0 to the data's
   * box (diffusers' `clip_sample`), so schedules that end near alpha-bar 0, such as 'squaredcos_cap_v2', sample well too.
   * @default 'linear'
   */
  schedule?: ScheduleSpec;
  /**
   * The scheduler that draws samples from the learned model.
   * @default 'ddim'
   */
  scheduler?: SchedulerName;
  /**
   * Its inference steps (1 to 200, at most T).
   * @default min(50, T) for the schedule's T steps: 50 for the default 1000-step schedule
   */
  samplingSteps?: number;
  /**
   * Samples drawn from the model (0 to 2000); sampleCount x samplingSteps x hiddenLayers x hiddenWidth^2 is at
   * most 2e9 (`MAX_SAMPLING_WORK`).
   * @default 400
   */
  sampleCount?: number;
  /**
   * The timestep of the score panels (0 to T - 1).
   * @default round(T / 10) for the schedule's T steps: 100 for the default 1000-step schedule
   */
  t?: number;
  /**
   * Arrows per side of the score panels (4 to 32).
   * @default 15
   */
  gridSize?: number;
  /**
   * Side of each square panel in CSS pixels (120 to 800).
   * @default 240
   */
  panelSize?: number;
  /**
   * Start training as soon as the figure mounts (and after each change of data or seed).
   * @default false
   */
  autoStart?: boolean;
  /**
   * Show the controls (data, train/pause, reset, seed, sampler, t).
   * @default true
   */
  showControls?: boolean;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default 'Training a small diffusion model in the page'
   */
  label?: FigureLabel;
  /** Called after each progress report with the step and the mean loss since the last one. */
  onTrainingProgress?: (step: number, loss: number) => void;
}

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'data', 'onDataChange', 'seed', 'maxSteps', 'dataCount', 'hiddenWidth', 'hiddenLayers', 'batchSize', 'learningRate', 'schedule',
  'scheduler', 'samplingSteps', 'sampleCount', 't', 'gridSize', 'panelSize', 'autoStart', 'showControls', 'label', 'onTrainingProgress',
]);

const DEFAULT_LABEL = 'Training a small diffusion model in the page';

/** The same (unchanged) points from the host give the same sanitised copy, so the figure's state keeps them. */
const checkData = /* @__PURE__ */ cachedByObject(sanitizeTrainerData);

/**
 * The validation layer of {@link DiffusionTrainer}, run before anything else: every prop checked on a
 * sanitised copy (the data's points, the schedule, `t` against it, the sampling work against
 * `MAX_SAMPLING_WORK`); the host's attributes sanitised for the root.
 */
export function checkDiffusionTrainerProps(props: DiffusionTrainerProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const L = DIFFUSION_TRAINER_LIMITS;
  const schedule = v.read<ScheduleSpec>('schedule', 'linear', (x) => sanitizeScheduleSpec('schedule', x) as Checked<ScheduleSpec>);
  const resolved = resolveScheduleAbar(schedule, (count) => checkNumber('schedule.num_train_timesteps', count, L.numTrainTimesteps)?.message ?? null);
  if ('problem' in resolved) v.report(resolved.problem);
  const alphasCumprod = 'problem' in resolved ? new Float64Array(0) : resolved.alphasCumprod;
  // The score is -eps / sqrt(1 - alpha-bar_t): it needs some noise at every timestep (every beta above 0 at the start).
  const noiseless = alphasCumprod.findIndex((a) => a >= 1);
  if (noiseless >= 0) v.report({ prop: 'schedule', message: `schedule: alpha-bar must be below 1 at every timestep (the score divides by sqrt(1 - alpha-bar)); at t = ${noiseless} it is 1 (a beta of 0). Start the betas above 0.` });
  const T = alphasCumprod.length || 1000;
  const settings = {
    data: v.read<TrainerData>('data', 'two-moons', checkData),
    onDataChange: v.callback<(data: TrainerData) => void>('onDataChange'),
    seed: v.number('seed', 0, L.seed),
    maxSteps: v.number('maxSteps', 3000, L.maxSteps),
    dataCount: v.number('dataCount', 2000, L.dataCount),
    hiddenWidth: v.number('hiddenWidth', 64, L.hiddenWidth),
    hiddenLayers: v.number('hiddenLayers', 3, L.hiddenLayers),
    batchSize: v.number('batchSize', 128, L.batchSize),
    learningRate: v.number('learningRate', 2e-2, L.learningRate),
    schedule,
    alphasCumprod,
    // Not LCM: the trainer's small noise predictor is not distilled for it.
    scheduler: v.oneOf<SchedulerName>('scheduler', 'ddim', SCHEDULER_NAMES.filter((name) => name !== 'lcm')),
    samplingSteps: v.number('samplingSteps', Math.min(50, T), { ...L.samplingSteps, max: Math.min(L.samplingSteps.max, T) }),
    sampleCount: v.number('sampleCount', 400, L.sampleCount),
    t: v.number('t', Math.round(T / 10), { min: 0, max: T - 1, integer: true }),
    gridSize: v.number('gridSize', 15, L.gridSize),
    panelSize: v.number('panelSize', 240, L.panelSize),
    autoStart: v.boolean('autoStart', false),
    showControls: v.boolean('showControls', true),
    label: v.read<FigureLabel>('label', DEFAULT_LABEL, (x) => checkLabel('label', x)),
    onTrainingProgress: v.callback<(step: number, loss: number) => void>('onTrainingProgress'),
  };
  if (!v.problem) v.report(checkSamplingWork(settings));
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type DiffusionTrainerSettings = ReturnType<typeof checkDiffusionTrainerProps>['settings'];

/**
 * Train a small diffusion model in the page: a perceptron eps_theta(x_t, t) learns to predict the noise in
 * noised 2-D points (the noise-prediction loss of DDPM), in a Web Worker, with a live loss curve. Beside the
 * data, its learned score -eps_theta / sqrt(1 - abar_t) and, for a preset, the exact score of the noised data;
 * their mean error per t; and samples drawn from the model with a scheduler of your choice.
 */
export const DiffusionTrainer = /* @__PURE__ */ forwardRef<HTMLDivElement, DiffusionTrainerProps>(function DiffusionTrainer(props, ref) {
  const { settings, host, problem } = checkDiffusionTrainerProps(props);
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-diffusion-trainer', ownStyle: FLUID_FIGURE_STYLE, role: 'figure' };
  if (problem) return <InvalidFigure {...root} aria-label={labelText(settings.label)} component="DiffusionTrainer" problem={problem} />;
  return <DiffusionTrainerFigure root={root} settings={settings} />;
});

/** The figure itself, rendered only with valid props. */
function DiffusionTrainerFigure({ root, settings }: { root: FigureRootBase; settings: DiffusionTrainerSettings }) {
  const { alphasCumprod, maxSteps, dataCount, hiddenWidth, hiddenLayers, batchSize, learningRate, sampleCount, gridSize, panelSize: size } = settings;
  const { autoStart, showControls, label, onDataChange, onTrainingProgress } = settings;
  const T = alphasCumprod.length;
  const ids = useFigureIds();
  const [data, setData] = usePropState<TrainerData>(settings.data);
  const [drawn, setDrawn] = useState<ReadonlyArray<readonly [number, number]>>(() => (typeof settings.data === 'string' ? [] : settings.data));
  const [seed, setSeed] = usePropState(settings.seed);
  const [scheduler, setScheduler] = usePropState(settings.scheduler);
  const [samplingSteps, setSamplingSteps] = usePropState(settings.samplingSteps);
  const [t, setT] = usePropState(settings.t);

  const isDrawn = typeof data !== 'string';
  const tooFew = isDrawn && data.length < MIN_DRAWN_POINTS;
  // Fewer drawn points than a model can learn from: the untrained network is shown on one point until there are more.
  const resolved = useMemo(() => resolveTrainerData(tooFew ? [[0, 0]] : data, dataCount, seed), [data, dataCount, seed, tooFew]);
  const trainer = useDiffusionTrainer({ points: resolved.points, alphasCumprod, seed, maxSteps, batchSize, learningRate, hiddenWidth, hiddenLayers, autoStart: autoStart && !tooFew, onProgress: onTrainingProgress });
  const bounds = useMemo(() => dataBounds(resolved.points), [resolved.points]);
  const samples = useModelSamples(trainer.model, trainer.step, { alphasCumprod, scheduler, steps: Math.min(samplingSteps, T), count: sampleCount, seed, bounds });

  const mixture = resolved.mixture;
  const learned = useMemo(() => learnedField(trainer.model, gridSize, t, alphasCumprod), [trainer.model, gridSize, t, alphasCumprod]);
  const exact = useMemo(() => (mixture ? exactField(mixture, gridSize, t, alphasCumprod) : null), [mixture, gridSize, t, alphasCumprod]);
  // The error per t costs about 700 forward passes: it follows the weights twice a second, not at every report.
  const evaluated = useThrottledValue(trainer.model, 500);
  const errors = useMemo(() => (mixture ? scoreErrors(evaluated, mixture, alphasCumprod, seed) : null), [evaluated, mixture, alphasCumprod, seed]);
  const errorAtT = useMemo(() => {
    if (!mixture) return null;
    const e = scoreErrorByTimestep(evaluated, mixture, { alphasCumprod, timesteps: [t], pointsPerTimestep: 64, rng: createRng(seed) });
    return { error: e.meanError[0]!, size: e.meanScore[0]! };
  }, [evaluated, mixture, alphasCumprod, t, seed]);
  const scale = fieldScale(exact ?? learned);
  const lossCurve = useMemo(() => binnedLosses(trainer.losses), [trainer.version, trainer.losses]);
  const sampleDistance = useMemo(
    () => (samples.points && samples.points.length ? meanNearestDistance(samples.points, resolved.points.subarray(0, 4000)) : null),
    [samples.points, resolved.points],
  );

  const changeData = (name: string) => {
    const next: TrainerData = name === 'drawn' ? drawn : (name as TrainerData);
    setData(next);
    onDataChange?.(next);
  };
  const draw = (points: Array<readonly [number, number]>) => {
    setDrawn(points);
    setData(points);
    onDataChange?.(points);
  };
  const recentLoss = trainer.losses.length ? lossCurve.y[lossCurve.y.length - 1]! : null;
  const parameters = trainer.model.params.length;
  const description = describeTrainer({
    hiddenLayers,
    hiddenWidth,
    parameters,
    dataLabel: resolved.label,
    dataCount: resolved.points.length / 2,
    step: trainer.step,
    maxSteps,
    status: trainer.status,
    mode: trainer.mode,
    recentLoss,
    t,
    errorAtT,
    scheduler,
    samplingSteps,
    samples: samples.points && sampleDistance !== null ? { count: samples.points.length / 2, distance: sampleDistance } : null,
  });
  const where = trainer.mode === 'worker' ? 'in a Web Worker' : trainer.mode === 'main-thread' ? 'on the page' : '';

  return (
    <FigureRoot
      {...root}
      {...ids.aria}
      state={trainer.status}
      data-step={trainer.step}
      data-mode={trainer.mode}
      data-data={resolved.name}
      data-seed={seed}
      data-samples-step={samples.step}
    >
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>{description}</FigureDescription>
      {showControls ? (
        <TrainerControls
          trainer={tooFew ? { ...trainer, status: 'done' } : trainer}
          dataName={resolved.kind === 'preset' ? resolved.name : 'drawn'}
          onData={changeData}
          seed={seed}
          onSeed={setSeed}
          scheduler={scheduler}
          onScheduler={setScheduler}
          samplingSteps={samplingSteps}
          onSamplingSteps={setSamplingSteps}
          t={t}
          T={T}
          onT={setT}
          onClear={isDrawn ? () => draw([]) : undefined}
        />
      ) : null}
      <div data-part="readout" style={{ fontFamily: themeVar('monoFamily'), fontSize: 12, color: themeVar('muted') }}>
        step {trainer.step} / {maxSteps}
        {recentLoss !== null ? ` · loss ${formatSignificant(recentLoss)}` : ''} · {parameters} parameters{where ? ` · training ${where}` : ''}
        {tooFew ? ` · draw at least ${MIN_DRAWN_POINTS} points to train` : ''}
        {trainer.error ? ` · training failed: ${trainer.error}` : ''}
      </div>
      <span role="status" style={visuallyHidden}>
        {trainer.status === 'done' ? `Training finished after ${trainer.step} steps.` : trainer.status === 'paused' ? `Training paused at step ${trainer.step}.` : ''}
      </span>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
        {isDrawn ? (
          <DrawingPad points={data} onChange={draw} size={size} samples={samples.points} />
        ) : (
          <FieldPanel
            part="samples"
            title="Data and samples"
            size={size}
            gridSize={gridSize}
            scale={scale}
            data={resolved.points}
            samples={samples.points}
            alt={`The training data (grey) and ${samples.points ? samples.points.length / 2 : 0} samples from the model (orange).`}
          />
        )}
        <FieldPanel part="learned" title={`Learned score at t = ${t}`} size={size} gridSize={gridSize} scale={scale} field={learned} data={resolved.points} alt={`Arrows of the learned score -eps_theta / sqrt(1 - abar) at t = ${t}.`} />
        <FieldPanel
          part="exact"
          title={`Exact score at t = ${t}`}
          size={size}
          gridSize={gridSize}
          scale={scale}
          field={exact}
          data={resolved.points}
          note={exact ? undefined : 'Drawn data has no exact score'}
          alt={exact ? `Arrows of the exact score of the data noised to t = ${t}.` : 'No exact score: drawn data is not a known distribution.'}
        />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <LineChart
          part="loss"
          title="Loss"
          xLabel="step"
          width={size + 60}
          height={150}
          xDomain={[0, maxSteps]}
          series={[{ name: 'noise-prediction loss', x: lossCurve.x, y: lossCurve.y, color: themeVar('accent') }]}
          alt={recentLoss !== null ? `Loss over ${trainer.step} steps, now ${formatSignificant(recentLoss)}.` : 'No training steps yet.'}
          empty="Press Train to start"
        />
        <LineChart
          part="score-error"
          title="Score error per t"
          xLabel="t"
          width={size + 60}
          height={150}
          xDomain={[0, T - 1]}
          series={
            errors
              ? [
                  { name: 'mean |learned - exact|', x: errors.timesteps, y: errors.meanError, color: themeVar('accent2') },
                  { name: 'mean |exact|', x: errors.timesteps, y: errors.meanScore, color: themeVar('muted'), dashed: true },
                ]
              : []
          }
          alt={errors ? `Mean error of the learned score against the exact one at ${errors.timesteps.length} timesteps from ${errors.timesteps[0]} to ${errors.timesteps[errors.timesteps.length - 1]}.` : 'No exact score for drawn data.'}
          empty="Only for the presets"
        />
      </div>
    </FigureRoot>
  );
}

/** The loss curve in at most 200 bins (mean per bin), x at each bin's last step. */
function binnedLosses(losses: readonly number[]): { x: Float64Array; y: Float64Array } {
  const n = losses.length;
  const bins = Math.min(200, n);
  const x = new Float64Array(bins);
  const y = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * n) / bins);
    const hi = Math.floor(((b + 1) * n) / bins);
    let s = 0;
    for (let i = lo; i < hi; i++) s += losses[i]!;
    x[b] = hi;
    y[b] = s / Math.max(1, hi - lo);
  }
  return { x, y };
}
