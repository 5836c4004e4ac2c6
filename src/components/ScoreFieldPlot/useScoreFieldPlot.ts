import { useMemo } from 'react';
import { type BetaScheduleName, type NoiseScheduleOptions, noiseSchedule } from '../../engine';
import { type PropProblem, checkNumber, firstProblem } from '../shared/props/propChecks';
import { type ScoreFieldData, type ResolvedScoreFieldData, resolveScoreFieldData } from './scoreFieldData';
import { type ScoreFieldBase, type ScoreFieldFrame, computeScoreFieldBase, computeScoreFieldFrame } from './scoreFieldModel';

/** A noise schedule: a diffusers `beta_schedule` name (1000 steps), or the options of `noiseSchedule`. */
export type ScoreFieldSchedule = BetaScheduleName | NoiseScheduleOptions;

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
  gridSize: { integer: true, min: 2, max: 32 },
  densityResolution: { integer: true, min: 8, max: 256 },
  numTrainTimesteps: { integer: true, min: 2, max: 100_000 },
  extent: { min: 0, minExclusive: true, max: 1000 },
  seed: { integer: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
} as const;

interface ResolvedSchedule {
  alphasCumprod: Float64Array;
  name: string;
}

/** abar_t of a schedule prop, default squaredcos_cap_v2 over 1000 steps; or the problem with it. */
export function resolveSchedule(schedule: unknown): ResolvedSchedule | { problem: PropProblem } {
  const options: NoiseScheduleOptions | null =
    typeof schedule === 'string' ? { betaSchedule: schedule } : schedule && typeof schedule === 'object' ? (schedule as NoiseScheduleOptions) : null;
  if (!options) return { problem: { prop: 'schedule', message: `schedule must be a beta_schedule name or noise schedule options; got ${String(schedule)}.` } };
  const full = { betaSchedule: 'squaredcos_cap_v2', numTrainTimesteps: 1000, ...options };
  const count = checkNumber('schedule.numTrainTimesteps', full.numTrainTimesteps, SCORE_FIELD_LIMITS.numTrainTimesteps);
  if (count) return { problem: { prop: 'schedule', message: count.message } };
  try {
    const { alphasCumprod } = noiseSchedule(full);
    return { alphasCumprod, name: full.trainedBetas ? 'trained_betas' : full.betaSchedule };
  } catch (e) {
    return { problem: { prop: 'schedule', message: `schedule: ${(e as Error).message}` } };
  }
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

function resolveBase(o: ScoreFieldOptions, data: ResolvedScoreFieldData | { problem: PropProblem }, schedule: ResolvedSchedule | { problem: PropProblem }) {
  const problem = checkScoreFieldOptions(o) ?? ('problem' in schedule ? schedule.problem : null) ?? ('problem' in data ? data.problem : null);
  if (problem) return { problem };
  return {
    problem: null,
    base: computeScoreFieldBase(data as ResolvedScoreFieldData, (schedule as ResolvedSchedule).alphasCumprod, o),
    scheduleName: (schedule as ResolvedSchedule).name,
  };
}

function frameModel(resolved: ReturnType<typeof resolveBase>, t: number, o: ScoreFieldOptions): ScoreFieldModel {
  if (resolved.problem) return { problem: resolved.problem };
  const { base, scheduleName } = resolved as { base: ScoreFieldBase; scheduleName: string };
  const tProblem = checkTimestep(t, base.alphasCumprod.length);
  if (tProblem) return { problem: tProblem };
  return { problem: null, base, scheduleName, frame: computeScoreFieldFrame(base, t, o) };
}

/** The whole model at t, computed from scratch (for tests, servers and one-off pictures). */
export function computeScoreFieldModel(o: ScoreFieldOptions, t: number): ScoreFieldModel {
  return frameModel(resolveBase(o, resolveScoreFieldData(o.data), resolveSchedule(o.schedule)), t, o);
}

// Object props are compared by value (a new but equal inline object must not redo the work), and each
// object's key is computed once: a t change re-renders without re-serialising thousands of points.
const keys = new WeakMap<object, string>();
function keyOf(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  let key = keys.get(value);
  if (key === undefined) {
    key = JSON.stringify(value);
    keys.set(value, key);
  }
  return key;
}

/**
 * The model of ScoreFieldPlot at t, memoised in two layers: the t-independent part (data, schedule, seeded
 * draws, probability-flow paths) changes only with those props; a change of t recomputes only the frame.
 */
export function useScoreFieldPlot(o: ScoreFieldOptions, t: number): ScoreFieldModel {
  const dataKey = keyOf(o.data);
  const scheduleKey = keyOf(o.schedule);
  const data = useMemo(() => resolveScoreFieldData(o.data), [dataKey]);
  const schedule = useMemo(() => resolveSchedule(o.schedule), [scheduleKey]);
  const resolved = useMemo(
    () => resolveBase(o, data, schedule),
    [data, schedule, o.seed, o.sampleCount, o.trajectoryCount, o.trajectorySteps, o.extent, o.gridSize, o.densityResolution],
  );
  return useMemo(() => frameModel(resolved, t, o), [resolved, t, o.gridSize, o.densityResolution]);
}
