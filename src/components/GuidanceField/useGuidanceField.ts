import { useMemo } from 'react';
import { useMemoByValue } from '../../hooks/useMemoByValue';
import { FIELD_PLOT_LIMITS, fieldComputeProblem } from '../shared/props/fieldPlotFields';
import type { PropProblem } from '../shared/props/propChecks';
import type { ScheduleSpec } from '../shared/props/resolveSchedule';
import { type ScheduleAbar, resolveScheduleAbar } from '../shared/props/resolveScheduleAbar';
import { type GuidanceFieldData, type ResolvedGuidanceFieldData, resolveGuidanceFieldData } from './guidanceFieldData';
import {
  type GuidanceDensity,
  type GuidanceFieldBase,
  type GuidanceFieldFrame,
  type GuidanceFieldGuided,
  type GuidanceFieldPaths,
  computeGuidanceFieldBase,
  computeGuidanceFieldFrame,
  computeGuidanceFieldGuided,
  computeGuidanceFieldPaths,
  pathHeads,
} from './guidanceFieldModel';

/** Limits of the numeric props. */
export const GUIDANCE_FIELD_LIMITS = {
  guidanceScale: { min: 0, max: 10 },
  trajectoryCount: { integer: true, min: 0, max: 200 },
  trajectorySteps: { integer: true, min: 1, max: 500 },
  ...FIELD_PLOT_LIMITS,
} as const;

/**
 * Limits on a render's work, products of the props with G = the gaussians of p(x) plus those of p(x | y)
 * (every grid cell and path step evaluates both): `field` is (densityResolution^2 + 2 gridSize^2) x G a frame,
 * `paths` is trajectoryCount x steps x G x 2 (the guided paths and the w = 1 reference).
 */
export const GUIDANCE_FIELD_WORK_LIMITS = { field: 6_000_000, paths: 1_000_000 } as const;

/** What the model depends on (every field already checked by the figure's validation layer). */
export interface GuidanceFieldOptions {
  data: GuidanceFieldData;
  schedule: ScheduleSpec;
  seed: number;
  trajectoryCount: number;
  trajectorySteps: number;
  gridSize: number;
  densityResolution: number;
  density: GuidanceDensity;
  /** Compute the w = 1 reference end points. */
  reference: boolean;
  extent?: number;
}

/** The view's state: what the reader changes with the controls. */
export interface GuidanceFieldState {
  t: number;
  classIndex: number;
  guidanceScale: number;
}

/** The model: a problem to show instead of the figure, or everything to draw. */
export type GuidanceFieldModel =
  | { problem: PropProblem; ready?: undefined }
  | {
      problem: null;
      ready: {
        base: GuidanceFieldBase;
        frame: GuidanceFieldFrame;
        guided: GuidanceFieldGuided;
        /** Guided paths (null without paths or on a schedule where they cannot run). */
        paths: GuidanceFieldPaths | null;
        /** The same starts at w = 1 (null when not asked for). */
        reference: GuidanceFieldPaths | null;
        /** Where each path is at t. */
        heads: Float64Array;
        scheduleName: string;
      };
    };

/** Checks the work the options ask for, with `components` = gaussians of p(x) + the largest class's. */
export function checkGuidanceFieldWork(
  o: Pick<GuidanceFieldOptions, 'trajectoryCount' | 'trajectorySteps' | 'gridSize' | 'densityResolution'>,
  components: number,
  T: number,
): PropProblem | null {
  const L = GUIDANCE_FIELD_WORK_LIMITS;
  const field = (o.densityResolution ** 2 + 2 * o.gridSize ** 2) * components;
  if (field > L.field) {
    return {
      prop: 'densityResolution',
      message:
        `densityResolution and gridSize ask for (${o.densityResolution}^2 + 2 x ${o.gridSize}^2) x ${components} gaussians = ${field} evaluations a frame; ` +
        `the limit is ${L.field}. Lower densityResolution or gridSize, or use fewer gaussians.`,
    };
  }
  const steps = Math.min(o.trajectorySteps, T);
  const paths = 2 * o.trajectoryCount * steps * components;
  if (paths > L.paths) {
    return {
      prop: 'trajectoryCount',
      message:
        `trajectoryCount and trajectorySteps ask for 2 x ${o.trajectoryCount} paths x ${steps} steps x ${components} gaussians = ${paths} evaluations; ` +
        `the limit is ${L.paths}. Lower trajectoryCount or trajectorySteps, or use fewer gaussians.`,
    };
  }
  return null;
}

/** abar_t of the schedule prop, with 2 to 10000 steps; or the problem with it. */
export function resolveGuidanceSchedule(schedule: unknown): ScheduleAbar | { problem: PropProblem } {
  const { min, max } = GUIDANCE_FIELD_LIMITS.numTrainTimesteps;
  return resolveScheduleAbar(schedule, (count) =>
    count < min || count > max ? `schedule must have ${min} to ${max} training timesteps; got ${count}.` : null,
  );
}

/** Gaussians evaluated per point: those of p(x) and of the largest class. */
export function evaluatedComponents(data: ResolvedGuidanceFieldData): number {
  return data.mixture.joint.size + Math.max(...data.mixture.classes.map((c) => c.mixture.size));
}

type BaseResult =
  | { problem: PropProblem; base?: undefined; scheduleName?: undefined }
  | { problem: null; base: GuidanceFieldBase; scheduleName: string };

function resolveBase(
  o: GuidanceFieldOptions,
  data: ResolvedGuidanceFieldData | { problem: PropProblem },
  schedule: ScheduleAbar | { problem: PropProblem },
): BaseResult {
  if ('problem' in schedule) return { problem: schedule.problem };
  if ('problem' in data) return { problem: data.problem };
  const work = checkGuidanceFieldWork(o, evaluatedComponents(data), schedule.alphasCumprod.length);
  if (work) return { problem: work };
  try {
    return {
      problem: null,
      base: computeGuidanceFieldBase(data, schedule.alphasCumprod, o),
      scheduleName: schedule.name,
    };
  } catch (error) {
    return { problem: fieldComputeProblem('for this data and schedule', error) };
  }
}

/** Checks the view state against the base: t within the schedule, the class among the data's. */
function checkState(base: GuidanceFieldBase, s: GuidanceFieldState): PropProblem | null {
  const T = base.alphasCumprod.length;
  if (!(Number.isInteger(s.t) && s.t >= 0 && s.t < T))
    return { prop: 't', message: `t must be an integer from 0 to ${T - 1}; got ${s.t}.` };
  const C = base.data.mixture.classes.length;
  if (!(Number.isInteger(s.classIndex) && s.classIndex >= 0 && s.classIndex < C)) {
    return {
      prop: 'classIndex',
      message: `classIndex must be an integer from 0 to ${C - 1} (the data has ${C} classes); got ${s.classIndex}.`,
    };
  }
  return null;
}

/** A layer's value, or what it threw (the engine validates too; nothing here may reach the host). */
type Outcome<T> = { value: T; error?: undefined } | { error: unknown; value?: undefined };

function run<T>(f: () => T): Outcome<T> {
  try {
    return { value: f() };
  } catch (error) {
    return { error: error ?? 'unknown error' };
  }
}

/** The layers above the base, for one state; each thunk gives a layer's (possibly memoised) outcome. */
function layers(
  resolved: BaseResult,
  s: GuidanceFieldState,
  get: {
    frame: () => Outcome<GuidanceFieldFrame>;
    guided: (frame: GuidanceFieldFrame) => Outcome<GuidanceFieldGuided>;
    paths: () => Outcome<GuidanceFieldPaths | null>;
    reference: () => Outcome<GuidanceFieldPaths | null>;
  },
): GuidanceFieldModel {
  if (resolved.problem) return { problem: resolved.problem };
  const { base, scheduleName } = resolved;
  const stateProblem = checkState(base, s);
  if (stateProblem) return { problem: stateProblem };
  const failed = (what: string, error: unknown): GuidanceFieldModel => ({ problem: fieldComputeProblem(what, error) });
  const frame = get.frame();
  if (frame.error !== undefined) return failed(`at t = ${s.t}`, frame.error);
  const guided = get.guided(frame.value!);
  if (guided.error !== undefined) return failed(`at w = ${s.guidanceScale}`, guided.error);
  const paths = get.paths();
  if (paths.error !== undefined) return failed('for the flow paths', paths.error);
  const reference = get.reference();
  if (reference.error !== undefined) return failed('for the w = 1 paths', reference.error);
  const heads = paths.value ? pathHeads(paths.value, s.t) : new Float64Array(0);
  return {
    problem: null,
    ready: {
      base,
      frame: frame.value!,
      guided: guided.value!,
      paths: paths.value ?? null,
      reference: reference.value ?? null,
      heads,
      scheduleName,
    },
  };
}

const wantPaths = (base: GuidanceFieldBase, o: GuidanceFieldOptions) => base.canFlow && o.trajectoryCount > 0;

/** The whole model, computed from scratch (tests, servers, one-off pictures). */
export function computeGuidanceFieldModel(o: GuidanceFieldOptions, s: GuidanceFieldState): GuidanceFieldModel {
  const resolved = resolveBase(o, resolveGuidanceFieldData(o.data), resolveGuidanceSchedule(o.schedule));
  const base = resolved.base!;
  return layers(resolved, s, {
    frame: () => run(() => computeGuidanceFieldFrame(base, s.t, s.classIndex, o)),
    guided: (frame) => run(() => computeGuidanceFieldGuided(frame, s.guidanceScale, o.density)),
    paths: () =>
      run(() =>
        wantPaths(base, o) ? computeGuidanceFieldPaths(base, s.classIndex, s.guidanceScale, o.trajectorySteps) : null,
      ),
    reference: () =>
      run(() =>
        wantPaths(base, o) && o.reference ? computeGuidanceFieldPaths(base, s.classIndex, 1, o.trajectorySteps) : null,
      ),
  });
}

/**
 * The model of GuidanceField, memoised in layers: the base changes with the data, schedule, seed and path
 * count; the frame with t and the class; the guided picture with w; the paths with the class and w (not t).
 * Dragging t recomputes grids only; dragging w recomputes one weighted sum of grids and the paths.
 */
export function useGuidanceField(o: GuidanceFieldOptions, s: GuidanceFieldState): GuidanceFieldModel {
  // Object props compare by value: a new but equal inline object must not redo the work.
  const data = useMemoByValue(o.data, resolveGuidanceFieldData);
  const schedule = useMemoByValue(o.schedule, resolveGuidanceSchedule);
  const resolved = useMemo(
    () => resolveBase(o, data, schedule),
    [data, schedule, o.seed, o.trajectoryCount, o.trajectorySteps, o.gridSize, o.densityResolution, o.extent],
  );
  const base = resolved.base;
  const valid = base !== undefined && checkState(base, s) === null;
  // Each layer is computed only for a valid state (layers() reports an invalid one before reading them).
  const frame = useMemo(
    () => (valid ? run(() => computeGuidanceFieldFrame(base, s.t, s.classIndex, o)) : null),
    [valid, base, s.t, s.classIndex, o.gridSize, o.densityResolution],
  );
  const guided = useMemo(
    () => (frame?.value ? run(() => computeGuidanceFieldGuided(frame.value!, s.guidanceScale, o.density)) : null),
    [frame, s.guidanceScale, o.density],
  );
  const flows = valid && wantPaths(base, o);
  const paths = useMemo(
    () =>
      run(() => (flows ? computeGuidanceFieldPaths(base!, s.classIndex, s.guidanceScale, o.trajectorySteps) : null)),
    [flows, base, s.classIndex, s.guidanceScale, o.trajectorySteps],
  );
  const reference = useMemo(
    () =>
      run(() => (flows && o.reference ? computeGuidanceFieldPaths(base!, s.classIndex, 1, o.trajectorySteps) : null)),
    [flows, base, s.classIndex, o.trajectorySteps, o.reference],
  );
  return layers(resolved, s, {
    frame: () => frame!,
    guided: () => guided!,
    paths: () => paths,
    reference: () => reference,
  });
}
