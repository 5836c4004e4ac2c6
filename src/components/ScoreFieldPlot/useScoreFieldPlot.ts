import { useMemo } from 'react';
import { useMemoByValue } from '../../hooks/useMemoByValue';
import { FIELD_PLOT_LIMITS, fieldComputeProblem } from '../shared/props/fieldPlotFields';
import { type PropProblem, checkNumber, firstProblem } from '../shared/props/propChecks';
import type { ScheduleSpec } from '../shared/props/resolveSchedule';
import { type ScheduleAbar, resolveScheduleAbar } from '../shared/props/resolveScheduleAbar';
import { type ScoreFieldData, type ResolvedScoreFieldData, resolveScoreFieldData } from './scoreFieldData';
import {
  type ScoreFieldBase,
  type ScoreFieldFrame,
  computeScoreFieldBase,
  computeScoreFieldFrame,
} from './scoreFieldModel';

/**
 * A noise schedule, as every figure takes one: a diffusers `beta_schedule` name (1000 steps), or a config with
 * diffusers' snake_case keys (`{ beta_schedule: 'linear', num_train_timesteps: 500 }`); the engine's camelCase
 * spellings (`betaSchedule`, `numTrainTimesteps`, ...) are accepted as aliases.
 */
export type ScoreFieldSchedule = ScheduleSpec;

/** What the model depends on. Every field is checked; nothing here throws. */
export interface ScoreFieldOptions {
  data: ScoreFieldData;
  schedule: ScoreFieldSchedule;
  seed: number;
  sampleCount: number;
  trajectoryCount: number;
  trajectorySteps: number;
  gridSize: number;
  densityResolution: number;
  extent?: number;
}

/** The model: a problem to show instead of the figure, or everything to draw at t. */
export type ScoreFieldModel =
  | { problem: PropProblem; base?: undefined; frame?: undefined; scheduleName?: undefined }
  | { problem: null; base: ScoreFieldBase; frame: ScoreFieldFrame; scheduleName: string };

/** Limits of the props, shown in messages and used by the controls. */
export const SCORE_FIELD_LIMITS = {
  sampleCount: { integer: true, min: 0, max: 20_000 },
  trajectoryCount: { integer: true, min: 0, max: 500 },
  trajectorySteps: { integer: true, min: 1, max: 1000 },
  ...FIELD_PLOT_LIMITS,
} as const;

/**
 * Limits on the work of a render, each a product of the props with the data's number of gaussians K (a
 * preset's, the points of a KDE, the components of a mixture), so that no accepted prop set takes more than
 * a few hundred milliseconds:
 * - `field`: (densityResolution^2 + 2 gridSize^2) x K, the density and score evaluations of a frame;
 * - `samples`: sampleCount x K, drawing the samples;
 * - `trajectories`: trajectoryCount x min(trajectorySteps, T) x K, the probability-flow paths.
 */
export const SCORE_FIELD_WORK_LIMITS = { field: 15_000_000, samples: 40_000_000, trajectories: 1_000_000 } as const;

/** Checks the work the props ask for against {@link SCORE_FIELD_WORK_LIMITS}. */
export function checkScoreFieldWork(
  o: Pick<ScoreFieldOptions, 'sampleCount' | 'trajectoryCount' | 'trajectorySteps' | 'gridSize' | 'densityResolution'>,
  components: number,
  T: number,
): PropProblem | null {
  const L = SCORE_FIELD_WORK_LIMITS;
  const k = `the data's ${components} gaussian${components === 1 ? '' : 's'}`;
  const field = (o.densityResolution ** 2 + 2 * o.gridSize ** 2) * components;
  if (field > L.field) {
    return {
      prop: 'densityResolution',
      message:
        `densityResolution and gridSize ask for (${o.densityResolution}^2 + 2 x ${o.gridSize}^2) x ${k} = ${field} evaluations a frame; ` +
        `the limit is ${L.field}. Lower densityResolution or gridSize, or use fewer points.`,
    };
  }
  const samples = o.sampleCount * components;
  if (samples > L.samples) {
    return {
      prop: 'sampleCount',
      message: `sampleCount asks for ${o.sampleCount} x ${k} = ${samples} steps of drawing; the limit is ${L.samples}. Lower sampleCount or use fewer points.`,
    };
  }
  const steps = Math.min(o.trajectorySteps, T);
  const paths = o.trajectoryCount * steps * components;
  if (paths > L.trajectories) {
    return {
      prop: 'trajectoryCount',
      message:
        `trajectoryCount and trajectorySteps ask for ${o.trajectoryCount} paths x ${steps} steps x ${k} = ${paths} evaluations; ` +
        `the limit is ${L.trajectories}. Lower trajectoryCount or trajectorySteps, or use fewer points.`,
    };
  }
  return null;
}

/**
 * abar_t of a schedule prop (a name, or a diffusers config in snake_case, camelCase accepted as an alias),
 * with at least 2 training steps; or the problem with it.
 */
export function resolveSchedule(schedule: unknown): ScheduleAbar | { problem: PropProblem } {
  return resolveScheduleAbar(
    schedule,
    (count) =>
      checkNumber('schedule.num_train_timesteps', count, SCORE_FIELD_LIMITS.numTrainTimesteps)?.message ?? null,
  );
}

/** The first problem among the numeric options, or null. */
export function checkScoreFieldOptions(o: ScoreFieldOptions): PropProblem | null {
  const L = SCORE_FIELD_LIMITS;
  return firstProblem(
    checkNumber('seed', o.seed, L.seed),
    checkNumber('sampleCount', o.sampleCount, L.sampleCount),
    checkNumber('trajectoryCount', o.trajectoryCount, L.trajectoryCount),
    checkNumber('trajectorySteps', o.trajectorySteps, L.trajectorySteps),
    checkNumber('gridSize', o.gridSize, L.gridSize),
    checkNumber('densityResolution', o.densityResolution, L.densityResolution),
    o.extent === undefined ? null : checkNumber('extent', o.extent, L.extent),
  );
}

/** Checks t against a schedule of `T` steps. */
export function checkTimestep(t: unknown, T: number): PropProblem | null {
  return checkNumber('t', t, { integer: true, min: 0, max: T - 1 });
}

function resolveBase(
  o: ScoreFieldOptions,
  data: ResolvedScoreFieldData | { problem: PropProblem },
  schedule: ScheduleAbar | { problem: PropProblem },
):
  | { problem: PropProblem; base?: undefined; scheduleName?: undefined }
  | { problem: null; base: ScoreFieldBase; scheduleName: string } {
  const problem =
    checkScoreFieldOptions(o) ??
    ('problem' in schedule ? schedule.problem : null) ??
    ('problem' in data ? data.problem : null);
  if (problem) return { problem };
  const resolvedData = data as ResolvedScoreFieldData;
  const { alphasCumprod, name } = schedule as ScheduleAbar;
  const work = checkScoreFieldWork(o, resolvedData.mixture.size, alphasCumprod.length);
  if (work) return { problem: work };
  try {
    return { problem: null, base: computeScoreFieldBase(resolvedData, alphasCumprod, o), scheduleName: name };
  } catch (error) {
    return { problem: fieldComputeProblem('for this data and schedule', error) };
  }
}

function frameModel(resolved: ReturnType<typeof resolveBase>, t: number, o: ScoreFieldOptions): ScoreFieldModel {
  if (resolved.problem) return { problem: resolved.problem };
  const { base, scheduleName } = resolved;
  const tProblem = checkTimestep(t, base.alphasCumprod.length);
  if (tProblem) return { problem: tProblem };
  try {
    return { problem: null, base, scheduleName, frame: computeScoreFieldFrame(base, t, o) };
  } catch (error) {
    return { problem: fieldComputeProblem(`at t = ${t}`, error) };
  }
}

/** The whole model at t, computed from scratch (for tests, servers and one-off pictures). */
export function computeScoreFieldModel(o: ScoreFieldOptions, t: number): ScoreFieldModel {
  return frameModel(resolveBase(o, resolveScoreFieldData(o.data), resolveSchedule(o.schedule)), t, o);
}

/**
 * The model of ScoreFieldPlot at t, memoised in two layers: the t-independent part (data, schedule, seeded
 * draws, probability-flow paths) changes only with those props; a change of t recomputes only the frame.
 */
export function useScoreFieldPlot(o: ScoreFieldOptions, t: number): ScoreFieldModel {
  // Object props compare by value: a new but equal inline object must not redo the work.
  const data = useMemoByValue(o.data, resolveScoreFieldData);
  const schedule = useMemoByValue(o.schedule, resolveSchedule);
  const resolved = useMemo(
    () => resolveBase(o, data, schedule),
    [
      data,
      schedule,
      o.seed,
      o.sampleCount,
      o.trajectoryCount,
      o.trajectorySteps,
      o.extent,
      o.gridSize,
      o.densityResolution,
    ],
  );
  return useMemo(() => frameModel(resolved, t, o), [resolved, t, o.gridSize, o.densityResolution]);
}
