import { useEffect, useId, useState } from 'react';
import { SCHEDULER_LABELS } from '../../engine/internal';
import { useStudentSource } from '../shared/generation/useStudentSource';
import { usePropState } from '../../hooks/usePropState';
import { useStartWhen } from '../../hooks/useStartWhen';
import { themeVar } from '../../theme/theme';
import { describeEngineError } from '../shared/generation/engineStatus';
import { checkFigureProps } from '../shared/props/figureSchema';
import { checkedFigure } from '../shared/ui/checkedFigure';
import { Slider } from '../shared/ui/controls';
import {
  FigureCaption,
  FigureDescription,
  FigureRoot,
  type FigureRootBase,
  modelFigureRootProps,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { GenerationStatus } from '../shared/ui/GenerationStatus';
import { CountProgress } from '../shared/ui/ProgressBar';
import { PAUSED_TEXT } from '../shared/ui/StartNotice';
import { describeRace, laneStyle, raceStatus } from './describeRace';
import { jobKey } from './racePlan';
import { RaceChart } from './RaceChart';
import { RaceLane } from './RaceLane';
import { RaceTable } from './RaceTable';
import { rmsDistance } from './raceDistance';
import type { SamplerRaceProps } from './SamplerRace.props';
import {
  MAX_RACE_IMAGE_STEPS,
  raceWorkOf,
  refineSamplerRace,
  samplerRaceSchema,
  type SamplerRaceSettings,
} from './SamplerRace.schema';
import { useSamplerRace } from './useSamplerRace';
import { useStudentLane, type StudentLane } from './useStudentLane';

export { MAX_RACE_IMAGE_STEPS };
export type { SamplerRaceProps };

/**
 * The validation layer of {@link SamplerRace}: every prop checked on a sanitised copy, the race's work
 * bounded ({@link MAX_RACE_IMAGE_STEPS}); see its schema.
 */
export function checkSamplerRaceProps(props: SamplerRaceProps) {
  return checkFigureProps(samplerRaceSchema, props, refineSamplerRace);
}

/** The student lane's heading: which model, with what sampler, in how many calls. */
function studentLaneName(lane: StudentLane): string {
  const name = lane.modelName ?? 'few-step student';
  if (!lane.steps) return name;
  return `${name} (${lane.scheduler === 'LCMScheduler' ? 'LCM, ' : ''}${lane.steps} step${lane.steps === 1 ? '' : 's'}, no guidance pass)`;
}

/** The largest lane step count the step control offers: 50 (or the prop's), less when the work limit says so. */
function maxLaneSteps(s: SamplerRaceSettings): number {
  let max = Math.max(50, s.steps);
  while (max > s.steps && raceWorkOf(s, max) > MAX_RACE_IMAGE_STEPS) max--;
  return max;
}

/**
 * A sampler race: the same seed, prompt and model through several schedulers side by side, each lane with
 * its images and its time, and a chart of how close each sampler gets to a many-step reference from the
 * same noise as the number of steps grows. Everything runs in the page (the engine's Worker) and is cached.
 */
export const SamplerRace = /* @__PURE__ */ checkedFigure(
  { component: 'SamplerRace', ownClass: 'dk-sampler-race', check: checkSamplerRaceProps },
  SamplerRaceFigure,
);

/** The figure itself, rendered only with valid props. */
function SamplerRaceFigure({ root, settings }: { root: FigureRootBase; settings: SamplerRaceSettings }) {
  const {
    model,
    student,
    device,
    prompt,
    count,
    seed,
    guidanceScale,
    schedulers,
    chartSteps,
    referenceScheduler,
    referenceSteps,
    cellSize,
    chartWidth,
    chartHeight,
    label,
    startWhen,
  } = settings;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  const id = useId();
  const [steps, setSteps] = usePropState(settings.steps);
  const reference = { scheduler: referenceScheduler, steps: referenceSteps };
  // The student's lane runs once the samplers' lanes are done, and the race pauses while it runs (fair times).
  const studentSource = useStudentSource(student, model);
  const [lanesFinished, setLanesFinished] = useState(false);
  const studentLane = useStudentLane(
    studentSource,
    device,
    { prompt, count, seed, guidanceScale },
    gate.started,
    lanesFinished,
    gate.active,
  );
  const gen = useSamplerRace(
    model,
    device,
    { prompt, count, seed, guidanceScale, schedulers, steps, chartSteps, reference },
    gate.started,
    gate.active && !studentLane.running,
  );
  const afterLanes = gen.phase === 'charting' || gen.phase === 'done';
  useEffect(() => setLanesFinished(afterLanes), [afterLanes]);
  const manifest = gen.engineState.info?.manifest ?? null;
  const shape = {
    count,
    channels: manifest?.image.channels ?? 1,
    width: manifest?.image.width ?? 32,
    height: manifest?.image.height ?? 32,
  };
  const hasChart = chartSteps.length > 0;
  const referenceName = `${SCHEDULER_LABELS[referenceScheduler]} with ${referenceSteps} steps`;
  const names = schedulers.map((s) => SCHEDULER_LABELS[s]);
  const lanesDone = schedulers.filter((s) => gen.lanes[s]?.status === 'done').length;
  const paused = (gen.phase === 'racing' || gen.phase === 'charting') && !gate.active;
  const status = paused
    ? PAUSED_TEXT
    : raceStatus(gen.phase, lanesDone, schedulers.length, gen.chartProgress.done, gen.chartProgress.total);
  const maxSteps = maxLaneSteps(settings);
  const series = schedulers.map((s, i) => ({
    name: SCHEDULER_LABELS[s],
    color: themeVar(laneStyle(i).color),
    dash: laneStyle(i).dash,
    points: chartSteps.flatMap((n) => {
      const d = gen.distances[jobKey(s, n)];
      return d === undefined ? [] : [{ steps: n, distance: d }];
    }),
  }));
  const chartLabel = `RMS distance to ${referenceName} against the number of steps (${chartSteps.join(', ')}) for ${names.join(', ')}; ${gen.chartProgress.done} of ${gen.chartProgress.total} runs computed. The numbers are in the table below.`;

  return (
    <FigureRoot
      {...modelFigureRootProps(root, gate, ids, gen.phase, paused)}
      data-steps={steps}
      data-lanes-done={lanesDone}
      data-chart-done={gen.chartProgress.done}
      data-chart-total={gen.chartProgress.total}
    >
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        {describeRace({
          prompt,
          count,
          seed,
          steps,
          samplers: names,
          chartSteps,
          reference: hasChart ? referenceName : null,
          modelName: manifest?.name ?? null,
        })}
      </FigureDescription>
      <GenerationStatus
        component="SamplerRace"
        status={status}
        generation={gen}
        startWhen={startWhen}
        onStart={gate.start}
        minWidth={200}
      />
      <div className="dk-controls">
        <div className="dk-field dk-model-scrubber">
          <label htmlFor={`${id}-steps`}>Steps</label>
          <Slider
            id={`${id}-steps`}
            min={1}
            max={maxSteps}
            step={1}
            value={steps}
            aria-valuetext={`${steps} step${steps === 1 ? '' : 's'}`}
            onChange={(e) => setSteps(Math.max(1, Math.min(maxSteps, Math.round(e.currentTarget.valueAsNumber))))}
          />
          <output htmlFor={`${id}-steps`} className="dk-readout dk-sampler-race-steps">
            {steps}
          </output>
        </div>
      </div>
      {/* The lanes share the figure's width (as many to a row as fit at their least width), and each lane's
          images fill it up to cellSize. */}
      <ul aria-label="Samplers" className="dk-sampler-race-lanes">
        {schedulers.map((s, i) => (
          <RaceLane
            key={s}
            name={SCHEDULER_LABELS[s]}
            lane={gen.lanes[s] ?? { status: 'waiting', step: 0, bytes: null, elapsedMs: 0, cached: false }}
            steps={steps}
            shape={shape}
            cellSize={cellSize}
            distance={gen.distances[jobKey(s, steps)]}
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
            distance={studentLane.sample && gen.reference ? rmsDistance(studentLane.sample, gen.reference) : undefined}
            hasReference={hasChart}
            color={themeVar('muted')}
            dash="1 3"
            note={
              studentLane.error
                ? `unavailable: ${describeEngineError(studentLane.error, 'load')}`
                : 'starts when the lanes finish'
            }
          />
        ) : null}
      </ul>
      {hasChart ? (
        <div className="dk-sampler-race-chart-panel">
          <div className="dk-sampler-race-chart-title">{`Distance to ${referenceName}, same noise`}</div>
          <RaceChart
            series={series}
            chartSteps={chartSteps}
            steps={steps}
            width={chartWidth}
            height={chartHeight}
            label={chartLabel}
          />
          {gen.phase === 'charting' ? (
            <CountProgress label="Chart" done={gen.chartProgress.done} total={gen.chartProgress.total} unit="runs" />
          ) : null}
          <RaceTable
            reference={referenceName}
            chartSteps={chartSteps}
            samplers={schedulers.map((s) => ({
              name: SCHEDULER_LABELS[s],
              distances: chartSteps.map((n) => gen.distances[jobKey(s, n)]),
            }))}
          />
        </div>
      ) : null}
    </FigureRoot>
  );
}
