import { useMemo, useState } from 'react';
import { createRng } from '../../engine';
import { dataBounds, meanNearestDistance, scoreErrorByTimestep } from '../../engine/internal';
import { usePropState } from '../../hooks/usePropState';
import { themeVar } from '../../theme/theme';
import { formatSignificant } from '../shared/format/formatNumber';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  FigureCaption,
  FigureDescription,
  FigureRoot,
  type FigureRootBase,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import type { DiffusionTrainerProps } from './DiffusionTrainer.props';
import { diffusionTrainerSchema, trainerAlphasCumprod } from './DiffusionTrainer.schema';
import { describeTrainer } from './describeTrainer';
import { DrawingPad } from './DrawingPad';
import { FieldPanel } from './FieldPanel';
import { LineChart } from './LineChart';
import { fieldScale } from './plotGeometry';
import { TrainerControls } from './TrainerControls';
import { MIN_DRAWN_POINTS, type TrainerData, resolveTrainerData } from './trainerData';
import { exactField, learnedField, scoreErrors } from './trainerEvaluation';
import { checkSamplingWork } from './trainerSettings';
import { useDiffusionTrainer } from './useDiffusionTrainer';
import { useModelSamples } from './useModelSamples';
import { useThrottledValue } from './useThrottledValue';

export type { DiffusionTrainerProps };

/**
 * The validation layer of {@link DiffusionTrainer}: every prop checked on a sanitised copy (see its schema: the
 * data's points, the schedule, `t` against it), then the sampling work against `MAX_SAMPLING_WORK`.
 */
export function checkDiffusionTrainerProps(props: DiffusionTrainerProps) {
  return checkFigureProps(diffusionTrainerSchema, props, (settings, report) => report(checkSamplingWork(settings)));
}

type DiffusionTrainerSettings = SchemaSettings<typeof diffusionTrainerSchema>;

/**
 * Train a small diffusion model in the page: a perceptron eps_theta(x_t, t) learns to predict the noise in
 * noised 2-D points (the noise-prediction loss of DDPM), in a Web Worker, with a live loss curve. Beside the
 * data, its learned score -eps_theta / sqrt(1 - abar_t) and, for a preset, the exact score of the noised data;
 * their mean error per t; and samples drawn from the model with a scheduler of your choice.
 */
export const DiffusionTrainer = /* @__PURE__ */ checkedFigure(
  { component: 'DiffusionTrainer', ownClass: 'dk-diffusion-trainer', check: checkDiffusionTrainerProps },
  DiffusionTrainerFigure,
);

/** The figure itself, rendered only with valid props. */
function DiffusionTrainerFigure({ root, settings }: { root: FigureRootBase; settings: DiffusionTrainerSettings }) {
  const {
    maxSteps,
    dataCount,
    hiddenWidth,
    hiddenLayers,
    batchSize,
    learningRate,
    sampleCount,
    gridSize,
    panelSize: size,
  } = settings;
  const { autoStart, showControls, label, onDataChange, onTrainingProgress } = settings;
  const alphasCumprod = trainerAlphasCumprod(settings.schedule);
  const T = alphasCumprod.length;
  const ids = useFigureIds();
  const [data, setData] = usePropState<TrainerData>(settings.data);
  const [drawn, setDrawn] = useState<ReadonlyArray<readonly [number, number]>>(() =>
    typeof settings.data === 'string' ? [] : settings.data,
  );
  const [seed, setSeed] = usePropState(settings.seed);
  const [scheduler, setScheduler] = usePropState(settings.scheduler);
  const [samplingSteps, setSamplingSteps] = usePropState(settings.samplingSteps);
  const [t, setT] = usePropState(settings.t);

  const isDrawn = typeof data !== 'string';
  const tooFew = isDrawn && data.length < MIN_DRAWN_POINTS;
  // Fewer drawn points than a model can learn from: the untrained network is shown on one point until there are more.
  const resolved = useMemo(
    () => resolveTrainerData(tooFew ? [[0, 0]] : data, dataCount, seed),
    [data, dataCount, seed, tooFew],
  );
  const trainer = useDiffusionTrainer({
    points: resolved.points,
    alphasCumprod,
    seed,
    maxSteps,
    batchSize,
    learningRate,
    hiddenWidth,
    hiddenLayers,
    autoStart: autoStart && !tooFew,
    onProgress: onTrainingProgress,
  });
  const bounds = useMemo(() => dataBounds(resolved.points), [resolved.points]);
  const samples = useModelSamples(trainer.model, trainer.step, {
    alphasCumprod,
    scheduler,
    steps: Math.min(samplingSteps, T),
    count: sampleCount,
    seed,
    bounds,
  });

  const mixture = resolved.mixture;
  const learned = useMemo(
    () => learnedField(trainer.model, gridSize, t, alphasCumprod),
    [trainer.model, gridSize, t, alphasCumprod],
  );
  const exact = useMemo(
    () => (mixture ? exactField(mixture, gridSize, t, alphasCumprod) : null),
    [mixture, gridSize, t, alphasCumprod],
  );
  // The error per t costs about 700 forward passes: it follows the weights twice a second, not at every report.
  const evaluated = useThrottledValue(trainer.model, 500);
  const errors = useMemo(
    () => (mixture ? scoreErrors(evaluated, mixture, alphasCumprod, seed) : null),
    [evaluated, mixture, alphasCumprod, seed],
  );
  const errorAtT = useMemo(() => {
    if (!mixture) return null;
    const e = scoreErrorByTimestep(evaluated, mixture, {
      alphasCumprod,
      timesteps: [t],
      pointsPerTimestep: 64,
      rng: createRng(seed),
    });
    return { error: e.meanError[0]!, size: e.meanScore[0]! };
  }, [evaluated, mixture, alphasCumprod, t, seed]);
  const scale = fieldScale(exact ?? learned);
  const lossCurve = useMemo(() => binnedLosses(trainer.losses), [trainer.version, trainer.losses]);
  const sampleDistance = useMemo(
    () =>
      samples.points && samples.points.length
        ? meanNearestDistance(samples.points, resolved.points.subarray(0, 4000))
        : null,
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
    samples:
      samples.points && sampleDistance !== null ? { count: samples.points.length / 2, distance: sampleDistance } : null,
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
      <div data-part="readout" className="dk-readout dk-diffusion-trainer-readout">
        step {trainer.step} / {maxSteps}
        {recentLoss !== null ? ` · loss ${formatSignificant(recentLoss)}` : ''} · {parameters} parameters
        {where ? ` · training ${where}` : ''}
        {tooFew ? ` · draw at least ${MIN_DRAWN_POINTS} points to train` : ''}
        {trainer.error ? ` · training failed: ${trainer.error}` : ''}
      </div>
      <span role="status" className="dk-visually-hidden">
        {trainer.status === 'done'
          ? `Training finished after ${trainer.step} steps.`
          : trainer.status === 'paused'
            ? `Training paused at step ${trainer.step}.`
            : ''}
      </span>
      <div className="dk-diffusion-trainer-panels">
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
        <FieldPanel
          part="learned"
          title={`Learned score at t = ${t}`}
          size={size}
          gridSize={gridSize}
          scale={scale}
          field={learned}
          data={resolved.points}
          alt={`Arrows of the learned score -eps_theta / sqrt(1 - abar) at t = ${t}.`}
        />
        <FieldPanel
          part="exact"
          title={`Exact score at t = ${t}`}
          size={size}
          gridSize={gridSize}
          scale={scale}
          field={exact}
          data={resolved.points}
          note={exact ? undefined : 'Drawn data has no exact score'}
          alt={
            exact
              ? `Arrows of the exact score of the data noised to t = ${t}.`
              : 'No exact score: drawn data is not a known distribution.'
          }
        />
      </div>
      <div className="dk-diffusion-trainer-panels">
        <LineChart
          part="loss"
          title="Loss"
          xLabel="step"
          width={size + 60}
          height={150}
          xDomain={[0, maxSteps]}
          series={[{ name: 'noise-prediction loss', x: lossCurve.x, y: lossCurve.y, color: themeVar('accent') }]}
          alt={
            recentLoss !== null
              ? `Loss over ${trainer.step} steps, now ${formatSignificant(recentLoss)}.`
              : 'No training steps yet.'
          }
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
                  {
                    name: 'mean |learned - exact|',
                    x: errors.timesteps,
                    y: errors.meanError,
                    color: themeVar('accent2'),
                  },
                  {
                    name: 'mean |exact|',
                    x: errors.timesteps,
                    y: errors.meanScore,
                    color: themeVar('muted'),
                    dashed: true,
                  },
                ]
              : []
          }
          alt={
            errors
              ? `Mean error of the learned score against the exact one at ${errors.timesteps.length} timesteps from ${errors.timesteps[0]} to ${errors.timesteps[errors.timesteps.length - 1]}.`
              : 'No exact score for drawn data.'
          }
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
