import { forwardRef, useEffect, useId, useMemo, useState } from 'react';
import { GENERATION_LIMITS, SCHEDULER_NAMES, type DeviceRequest, type SchedulerName } from '../../engine';
import { defaultTurboModelSource, DEVICE_REQUESTS, SCHEDULER_LABELS } from '../../engine/internal';
import { usePropState } from '../../hooks/usePropState';
import { useStartWhen, type StartWhen } from '../../hooks/useStartWhen';
import { themeVar } from '../../theme/theme';
import { describeEngineError } from '../shared/generation/engineStatus';
import { checkModelUrl, checkOptionalModel, MAX_PROMPT_LENGTH } from '../shared/generation/generationChecks';
import { checkLabel, labelText, safeRef, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { checked, PropValidator } from '../shared/props/propChecks';
import { readStartWhen } from '../shared/props/startWhenProp';
import { EngineErrorMessage } from '../shared/ui/EngineErrorMessage';
import { FigureCaption, FigureDescription, FigureRoot, FLUID_FIGURE_STYLE, InvalidFigure, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { ModelStatus } from '../shared/ui/ModelStatus';
import { ProgressBar } from '../shared/ui/ProgressBar';
import { PAUSED_TEXT, StartNotice } from '../shared/ui/StartNotice';
import { describeRace, laneStyle, raceStatus } from './describeRace';
import { jobKey, raceWork } from './racePlan';
import { checkChartSteps, checkSchedulerList } from './raceProps';
import { DEFAULT_CHART_STEPS, DEFAULT_RACE_SCHEDULERS, DEFAULT_REFERENCE } from './raceSteps';
import { RaceChart } from './RaceChart';
import { RaceLane } from './RaceLane';
import { RaceTable } from './RaceTable';
import { rmsDistance } from './raceDistance';
import { useSamplerRace } from './useSamplerRace';
import { useStudentLane, type StudentLane } from './useStudentLane';

/** Props of {@link SamplerRace}. */
export interface SamplerRaceProps extends FigureHostProps {
  /**
   * URL of the model's model.json. Any model the engine loads works.
   * @default the shipped glyffuser-mini, or the model set with `configure({ modelUrl })` (see `getDefaultModelUrl()`)
   */
  model?: string;
  /**
   * URL of a few-step student's model.json (a guidance-distilled model such as an LCM) raced in a lane of its own,
   * at its own default steps from the same noise, once the samplers' lanes are done; or false for none.
   * @default the shipped glyffuser-mini-turbo when neither `model` nor `configure({ modelUrl })` replaces the shipped model, else false
   */
  student?: string | false;
  /**
   * 'auto' (WebGPU on a hardware adapter, else wasm), 'webgpu' or 'wasm'.
   * @default 'auto'
   */
  device?: DeviceRequest;
  /**
   * The prompt (at most 1000 characters); empty gives unconditional samples.
   * @default 'water'
   */
  prompt?: string;
  /**
   * Number of images in each lane (integer, 1 to 16).
   * @default 4
   */
  count?: number;
  /**
   * The lanes' number of steps at first (integer, 1 to 200); the reader changes it with the step control.
   * @default 10
   */
  steps?: number;
  /**
   * Seed of the shared starting noise (and of the stochastic samplers' noise).
   * @default 0
   */
  seed?: number;
  /**
   * Classifier-free guidance scale (0 to 50).
   * @default the model's `guidance.default` (7 for the shipped glyffuser-mini)
   */
  guidanceScale?: number;
  /**
   * The samplers raced, in lane order (1 to 5 different short names).
   * @default ["ddim", "dpmSolverMultistep", "euler", "eulerAncestral", "ddpm"]
   */
  schedulers?: SchedulerName[];
  /**
   * The chart's step counts (at most 12, each 1 to 200; empty: no chart).
   * @default [1, 2, 3, 5, 8, 12, 20, 30, 50]
   */
  chartSteps?: number[];
  /**
   * The reference's sampler (the default, DDIM, is deterministic).
   * @default 'ddim'
   */
  referenceScheduler?: SchedulerName;
  /**
   * The reference's steps (integer, 1 to 1000).
   * @default 200
   */
  referenceSteps?: number;
  /**
   * Side of one image in CSS pixels (4 to 128).
   * @default 28
   */
  cellSize?: number;
  /**
   * Width of the chart in CSS pixels (200 to 1200).
   * @default 480
   */
  chartWidth?: number;
  /**
   * Height of the chart in CSS pixels (120 to 800).
   * @default 240
   */
  chartHeight?: number;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default 'The same noise through different samplers'
   */
  label?: FigureLabel;
  /**
   * When the model loads and the race runs: 'visible' once the figure scrolls into view, 'mount' at
   * once, 'never' only on the reader's Start. Once started, the race pauses while the figure is far out of view.
   * @default 'visible'
   */
  startWhen?: StartWhen;
}

/**
 * The most work a race may ask for, in image-steps: count x (each sampler's steps in its lane and at every
 * chart point, plus the reference's). The defaults ask for 3,620 (about a minute on two CPU cores with wasm).
 */
export const MAX_RACE_IMAGE_STEPS = 20_000;
/** The most images in a lane, and the most steps of a lane. */
export const MAX_RACE_COUNT = 16;
export const MAX_RACE_STEPS = 200;

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'model', 'student', 'device', 'prompt', 'count', 'steps', 'seed', 'guidanceScale', 'schedulers', 'chartSteps', 'referenceScheduler', 'referenceSteps', 'cellSize', 'chartWidth', 'chartHeight', 'label', 'startWhen',
]);

/**
 * The validation layer of {@link SamplerRace}: every prop checked on a sanitised copy, the race's work
 * bounded ({@link MAX_RACE_IMAGE_STEPS}); the host's attributes sanitised for the root.
 */
export function checkSamplerRaceProps(props: SamplerRaceProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const L = GENERATION_LIMITS;
  const settings = {
    model: v.read<string | undefined>('model', undefined, (x) => checked(checkModelUrl(x), x as string)),
    student: v.read<string | false | undefined>('student', undefined, (x) => checked(checkOptionalModel('student', x), x as string | false)),
    device: v.oneOf<DeviceRequest>('device', 'auto', DEVICE_REQUESTS),
    prompt: v.string('prompt', 'water', { maxLength: MAX_PROMPT_LENGTH }),
    count: v.number('count', 4, { min: 1, max: MAX_RACE_COUNT, integer: true }),
    steps: v.number('steps', 10, { min: 1, max: MAX_RACE_STEPS, integer: true }),
    seed: v.number('seed', 0, L.seed),
    guidanceScale: v.optionalNumber('guidanceScale', L.guidanceScale),
    schedulers: v.read<SchedulerName[]>('schedulers', [...DEFAULT_RACE_SCHEDULERS], (x) => checkSchedulerList('schedulers', x)),
    chartSteps: v.read<number[]>('chartSteps', [...DEFAULT_CHART_STEPS], (x) => checkChartSteps('chartSteps', x)),
    referenceScheduler: v.oneOf<SchedulerName>('referenceScheduler', DEFAULT_REFERENCE.scheduler, SCHEDULER_NAMES),
    referenceSteps: v.number('referenceSteps', DEFAULT_REFERENCE.steps, L.steps),
    cellSize: v.number('cellSize', 28, { min: 4, max: 128 }),
    chartWidth: v.number('chartWidth', 480, { min: 200, max: 1200 }),
    chartHeight: v.number('chartHeight', 240, { min: 120, max: 800 }),
    label: v.read<FigureLabel>('label', 'The same noise through different samplers', (x) => checkLabel('label', x)),
    startWhen: readStartWhen(v),
  };
  if (!v.problem) {
    const work = workOf(settings, settings.steps);
    if (work > MAX_RACE_IMAGE_STEPS) {
      v.report({
        prop: 'count',
        message: `a race must ask for at most ${MAX_RACE_IMAGE_STEPS} image-steps (MAX_RACE_IMAGE_STEPS: count x every sampler's steps in its lane and at each chart point, plus the reference's); got ${work}. Use fewer images, samplers or chart points.`,
      });
    }
  }
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

/** The student lane's heading: which model, with what sampler, in how many calls. */
function studentLaneName(lane: StudentLane): string {
  const name = lane.modelName ?? 'few-step student';
  if (!lane.steps) return name;
  return `${name} (${lane.scheduler === 'LCMScheduler' ? 'LCM, ' : ''}${lane.steps} step${lane.steps === 1 ? '' : 's'}, no guidance pass)`;
}

type RaceProps = ReturnType<typeof checkSamplerRaceProps>['settings'];

function workOf(s: Pick<RaceProps, 'schedulers' | 'chartSteps' | 'referenceScheduler' | 'referenceSteps' | 'count'>, steps: number): number {
  return raceWork({ schedulers: s.schedulers, steps, chartSteps: s.chartSteps, reference: { scheduler: s.referenceScheduler, steps: s.referenceSteps } }, s.count);
}

/** The largest lane step count the step control offers: 50 (or the prop's), less when the work limit says so. */
function maxLaneSteps(s: RaceProps): number {
  let max = Math.max(50, s.steps);
  while (max > s.steps && workOf(s, max) > MAX_RACE_IMAGE_STEPS) max--;
  return max;
}

/**
 * A sampler race: the same seed, prompt and model through several schedulers side by side, each lane with
 * its images and its time, and a chart of how close each sampler gets to a many-step reference from the
 * same noise as the number of steps grows. Everything runs in the page (the engine's Worker) and is cached.
 */
export const SamplerRace = /* @__PURE__ */ forwardRef<HTMLDivElement, SamplerRaceProps>(function SamplerRace(props, ref) {
  const { settings, host, problem } = checkSamplerRaceProps(props);
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-sampler-race', ownStyle: FLUID_FIGURE_STYLE, role: 'figure' };
  if (problem) return <InvalidFigure {...root} aria-label={labelText(settings.label)} component="SamplerRace" problem={problem} />;
  return <SamplerRaceFigure root={root} settings={settings} />;
});

/** The figure itself, rendered only with valid props. */
function SamplerRaceFigure({ root, settings }: { root: FigureRootBase; settings: RaceProps }) {
  const { model, student, device, prompt, count, seed, guidanceScale, schedulers, chartSteps, referenceScheduler, referenceSteps, cellSize, chartWidth, chartHeight, label, startWhen } = settings;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  const id = useId();
  const [steps, setSteps] = usePropState(settings.steps);
  const reference = { scheduler: referenceScheduler, steps: referenceSteps };
  // The student's lane runs once the samplers' lanes are done, and the race pauses while it runs (fair times).
  const studentSource = useMemo(() => (student === false ? null : (student ?? (model === undefined ? defaultTurboModelSource() : null))), [student, model]);
  const [lanesFinished, setLanesFinished] = useState(false);
  const studentLane = useStudentLane(studentSource, device, { prompt, count, seed, guidanceScale }, gate.started, lanesFinished, gate.active);
  const race = useSamplerRace(model, device, { prompt, count, seed, guidanceScale, schedulers, steps, chartSteps, reference }, gate.started, gate.active && !studentLane.running);
  const afterLanes = race.phase === 'charting' || race.phase === 'done';
  useEffect(() => setLanesFinished(afterLanes), [afterLanes]);
  const manifest = race.engineState.info?.manifest ?? null;
  const shape = { count, channels: manifest?.image.channels ?? 1, width: manifest?.image.width ?? 32, height: manifest?.image.height ?? 32 };
  const hasChart = chartSteps.length > 0;
  const referenceName = `${SCHEDULER_LABELS[referenceScheduler]} with ${referenceSteps} steps`;
  const names = schedulers.map((s) => SCHEDULER_LABELS[s]);
  const lanesDone = schedulers.filter((s) => race.lanes[s]?.status === 'done').length;
  const paused = (race.phase === 'racing' || race.phase === 'charting') && !gate.active;
  const status = paused ? PAUSED_TEXT : raceStatus(race.phase, lanesDone, schedulers.length, race.chartProgress.done, race.chartProgress.total);
  const maxSteps = maxLaneSteps(settings);
  const series = schedulers.map((s, i) => ({
    name: SCHEDULER_LABELS[s],
    color: themeVar(laneStyle(i).color),
    dash: laneStyle(i).dash,
    points: chartSteps.flatMap((n) => {
      const d = race.distances[jobKey(s, n)];
      return d === undefined ? [] : [{ steps: n, distance: d }];
    }),
  }));
  const chartLabel = `RMS distance to ${referenceName} against the number of steps (${chartSteps.join(', ')}) for ${names.join(', ')}; ${race.chartProgress.done} of ${race.chartProgress.total} runs computed. The numbers are in the table below.`;

  return (
    <FigureRoot {...root} ref={gate.ref} {...ids.aria} state={race.phase} data-paused={paused ? 'true' : 'false'} data-steps={steps} data-lanes-done={lanesDone} data-chart-done={race.chartProgress.done} data-chart-total={race.chartProgress.total}>
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        {describeRace({ prompt, count, seed, steps, samplers: names, chartSteps, reference: hasChart ? referenceName : null, modelName: manifest?.name ?? null })}
      </FigureDescription>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'baseline', fontSize: 13 }}>
        <div role="status" aria-live="polite" aria-atomic="true" style={{ fontVariantNumeric: 'tabular-nums', minWidth: 200 }}>
          {status}
        </div>
        {race.phase === 'idle' ? <StartNotice startWhen={startWhen} onStart={gate.start} /> : <ModelStatus state={race.engineState} />}
      </div>
      {race.phase === 'error' && race.error ? <EngineErrorMessage component="SamplerRace" error={race.error} phase={race.errorPhase} onRetry={race.retry} /> : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '6px 0', fontSize: 13 }}>
        <label htmlFor={`${id}-steps`}>Steps</label>
        <input
          id={`${id}-steps`}
          type="range"
          min={1}
          max={maxSteps}
          step={1}
          value={steps}
          aria-valuetext={`${steps} step${steps === 1 ? '' : 's'}`}
          onChange={(e) => setSteps(Math.max(1, Math.min(maxSteps, Math.round(e.currentTarget.valueAsNumber))))}
          style={{ flex: '1 1 140px', maxWidth: 280, accentColor: themeVar('accent') }}
        />
        <output htmlFor={`${id}-steps`} style={{ fontVariantNumeric: 'tabular-nums', minWidth: 24 }}>
          {steps}
        </output>
      </div>
      <ul aria-label="Samplers" style={{ display: 'flex', flexWrap: 'wrap', gap: 16, padding: 0, margin: '8px 0' }}>
        {schedulers.map((s, i) => (
          <RaceLane
            key={s}
            name={SCHEDULER_LABELS[s]}
            lane={race.lanes[s] ?? { status: 'waiting', step: 0, bytes: null, elapsedMs: 0, cached: false }}
            steps={steps}
            shape={shape}
            cellSize={cellSize}
            distance={race.distances[jobKey(s, steps)]}
            hasReference={hasChart}
            color={themeVar(laneStyle(i).color)}
            dash={laneStyle(i).dash}
          />
        ))}
        {studentSource !== null ? (
          <RaceLane
            name={studentLaneName(studentLane)}
            lane={studentLane}
            steps={studentLane.steps}
            shape={shape}
            cellSize={cellSize}
            distance={studentLane.sample && race.reference ? rmsDistance(studentLane.sample, race.reference) : undefined}
            hasReference={hasChart}
            color={themeVar('muted')}
            dash="1 3"
            note={studentLane.error ? `unavailable: ${describeEngineError(studentLane.error, 'load')}` : 'starts when the lanes finish'}
          />
        ) : null}
      </ul>
      {hasChart ? (
        <div>
          <div style={{ fontSize: 13, fontWeight: 600, margin: '8px 0 2px' }}>{`Distance to ${referenceName}, same noise`}</div>
          <RaceChart series={series} chartSteps={chartSteps} steps={steps} width={chartWidth} height={chartHeight} label={chartLabel} />
          {race.phase === 'charting' ? (
            <ProgressBar label="Chart" value={race.chartProgress.done} max={race.chartProgress.total} text={`${race.chartProgress.done} of ${race.chartProgress.total} runs`} />
          ) : null}
          <RaceTable reference={referenceName} chartSteps={chartSteps} samplers={schedulers.map((s) => ({ name: SCHEDULER_LABELS[s], distances: chartSteps.map((n) => race.distances[jobKey(s, n)]) }))} />
        </div>
      ) : null}
    </FigureRoot>
  );
}
