import {
  MIXTURE2D_PRESETS,
  type Covariance2d,
  type Gaussian2dSpec,
  type Mixture2d,
  type Mixture2dPresetName,
  createMixture2d,
  mixture2dPreset,
} from '../../engine';
import {
  MIXTURE2D_PRESET_LABELS,
  type KdeBandwidth,
  isMixture2dPresetName,
  kdeBandwidth,
  kdeMixture2d,
} from '../../engine/internal';
import { formatSignificant } from '../shared/format/formatNumber';
import { cachedByObject, createCopyOnce } from '../shared/props/hostProps';
import {
  type Checked,
  type PropProblem,
  checkString,
  describeValue,
  errorText,
  isPlainObject,
  safeCheck,
} from '../shared/props/propChecks';

/** A mixture written out: its components, and optionally a label for captions. */
export interface ScoreFieldMixtureSpec {
  /** The gaussians (weights are normalised). */
  components: ReadonlyArray<Gaussian2dSpec>;
  /** A few words naming the data, used in the accessible description. */
  label?: string;
}

/** Points turned into a kernel density estimate (one isotropic gaussian per point). */
export interface ScoreFieldPointsSpec {
  /** The points [x, y]. */
  points: ReadonlyArray<readonly [number, number]>;
  /** 'scott' (default), 'silverman', or a bandwidth h > 0. */
  bandwidth?: KdeBandwidth;
  /** A few words naming the data. */
  label?: string;
}

/** What ScoreFieldPlot draws: a preset name, a mixture, or points (as a KDE, bare or with a bandwidth). */
export type ScoreFieldData =
  Mixture2dPresetName | ScoreFieldMixtureSpec | ScoreFieldPointsSpec | ReadonlyArray<readonly [number, number]>;

/** The data as a mixture, with words for it. */
export interface ResolvedScoreFieldData {
  mixture: Mixture2d;
  /** E.g. '8-gaussian ring' or 'kernel density estimate of 12 points (h = 0.31)'. */
  label: string;
  kind: 'preset' | 'mixture' | 'kde';
  /** The KDE bandwidth, when kind is 'kde'. */
  bandwidth?: number;
}

function problem(message: string): { problem: PropProblem } {
  return { problem: { prop: 'data', message } };
}

/** The most points (a KDE's gaussians) or mixture components of the data. */
export const MAX_DATA_COMPONENTS = 5000;
/** The largest magnitude of a coordinate or mean (the view's half-width is at most 1000). */
export const MAX_DATA_COORDINATE = 1e4;
/** Variances (the diagonal of a covariance, a bandwidth squared) accepted: narrower or wider ones leave float range. */
export const DATA_VARIANCE_RANGE = { min: 1e-8, max: 1e8 } as const;
/** The longest data label. */
export const MAX_DATA_LABEL_LENGTH = 200;

function dataProblem(message: string): { problem: PropProblem } {
  return { problem: { prop: 'data', message } };
}

function isList(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function finite(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}

function readPoints(points: unknown, where: string): Checked<Array<[number, number]>> {
  if (!isList(points)) return dataProblem(`${where} must be an array of points [x, y]; got ${describeValue(points)}.`);
  if (points.length > MAX_DATA_COMPONENTS)
    return dataProblem(`data points must hold at most ${MAX_DATA_COMPONENTS} points; got ${points.length}.`);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const x = isList(p) && p.length === 2 ? p[0] : undefined;
    const y = isList(p) && p.length === 2 ? p[1] : undefined;
    if (!finite(x, MAX_DATA_COORDINATE) || !finite(y, MAX_DATA_COORDINATE)) {
      return dataProblem(
        `${where}[${i}] must be two finite numbers [x, y] from -${MAX_DATA_COORDINATE} to ${MAX_DATA_COORDINATE}; got ${describeValue(p)}.`,
      );
    }
    out.push([x, y]);
  }
  return { value: out };
}

function readLabel(spec: Record<string, unknown>): Checked<string | undefined> {
  if (spec.label === undefined) return { value: undefined };
  const problem = checkString('data.label', spec.label, { maxLength: MAX_DATA_LABEL_LENGTH });
  return problem ? dataProblem(problem.message) : { value: spec.label as string };
}

function readCovariance(cov: unknown, where: string): Checked<Covariance2d | undefined> {
  if (cov === undefined) return { value: undefined };
  const { min, max } = DATA_VARIANCE_RANGE;
  if (typeof cov === 'number') {
    return Number.isFinite(cov) && cov >= min && cov <= max
      ? { value: cov }
      : dataProblem(`${where} must be a variance from ${min} to ${max}; got ${describeValue(cov)}.`);
  }
  const rows = isList(cov) && cov.length === 2 ? [cov[0], cov[1]] : null;
  const m = rows?.every((r) => isList(r) && r.length === 2)
    ? (rows as ArrayLike<unknown>[]).map((r) => [r[0], r[1]])
    : null;
  const ok =
    m !== null && m.flat().every((v) => finite(v, max)) && (m[0]![0] as number) >= min && (m[1]![1] as number) >= min;
  if (!ok)
    return dataProblem(
      `${where} must be a variance or a 2x2 matrix [[xx, xy], [xy, yy]] of finite numbers, xx and yy from ${min} to ${max}; got ${describeValue(cov)}.`,
    );
  return { value: m as unknown as Covariance2d };
}

/**
 * Checks and copies a list of gaussians { weight?, mean: [x, y], cov? } found at `at` in the data prop (e.g.
 * `data.components`), with the limits above; GuidanceField reads each class's components with it too.
 */
export function readComponents(
  components: unknown,
  at = 'data.components',
  max = MAX_DATA_COMPONENTS,
): Checked<Gaussian2dSpec[]> {
  if (!isList(components) || components.length === 0 || components.length > max) {
    return dataProblem(
      `${at} must be an array of 1 to ${max} gaussians { weight?, mean: [x, y], cov? }; got ${describeValue(components)}.`,
    );
  }
  const out: Gaussian2dSpec[] = [];
  for (let i = 0; i < components.length; i++) {
    const c = components[i];
    const where = `${at}[${i}]`;
    if (!isPlainObject(c))
      return dataProblem(`${where} must be an object { weight?, mean: [x, y], cov? }; got ${describeValue(c)}.`);
    const { weight, mean, cov } = c;
    if (weight !== undefined && !(finite(weight, 1e6) && weight >= 0))
      return dataProblem(`${where}.weight must be a number from 0 to 1000000; got ${describeValue(weight)}.`);
    const mx = isList(mean) && mean.length === 2 ? mean[0] : undefined;
    const my = isList(mean) && mean.length === 2 ? mean[1] : undefined;
    if (!finite(mx, MAX_DATA_COORDINATE) || !finite(my, MAX_DATA_COORDINATE)) {
      return dataProblem(
        `${where}.mean must be two finite numbers [x, y] from -${MAX_DATA_COORDINATE} to ${MAX_DATA_COORDINATE}; got ${describeValue(mean)}.`,
      );
    }
    const covariance = readCovariance(cov, `${where}.cov`);
    if (covariance.problem) return covariance;
    const spec: { weight?: number; mean: [number, number]; cov?: Covariance2d } = { mean: [mx, my] };
    if (weight !== undefined) spec.weight = weight as number;
    if (covariance.value !== undefined) spec.cov = covariance.value;
    out.push(spec);
  }
  return { value: out };
}

function readData(data: unknown): Checked<ScoreFieldData> {
  if (typeof data === 'string') {
    return isMixture2dPresetName(data)
      ? { value: data }
      : dataProblem(
          `data must be one of ${MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ')}, a mixture { components } or points; got ${describeValue(data)}.`,
        );
  }
  if (Array.isArray(data)) return readPoints(data, 'data');
  if (isPlainObject(data) && 'points' in data) {
    const points = readPoints(data.points, 'data.points');
    if (points.problem) return points;
    const label = readLabel(data);
    if (label.problem) return label;
    const bandwidth = data.bandwidth;
    const { min, max } = DATA_VARIANCE_RANGE;
    const h = Math.sqrt(min);
    const H = Math.sqrt(max);
    if (
      bandwidth !== undefined &&
      !(bandwidth === 'scott' || bandwidth === 'silverman' || (finite(bandwidth, H) && bandwidth >= h))
    ) {
      return dataProblem(
        `data.bandwidth must be 'scott', 'silverman' or a number from ${h} to ${H}; got ${describeValue(bandwidth)}.`,
      );
    }
    const spec: ScoreFieldPointsSpec = { points: points.value };
    if (bandwidth !== undefined) spec.bandwidth = bandwidth as KdeBandwidth;
    if (label.value !== undefined) spec.label = label.value;
    return { value: spec };
  }
  if (isPlainObject(data) && 'components' in data) {
    const components = readComponents(data.components);
    if (components.problem) return components;
    const label = readLabel(data);
    if (label.problem) return label;
    const spec: ScoreFieldMixtureSpec = { components: components.value };
    if (label.value !== undefined) spec.label = label.value;
    return { value: spec };
  }
  return dataProblem(
    `data must be a preset name (${MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ')}), a mixture { components } or points [[x, y], ...]; got ${describeValue(data)}.`,
  );
}

const sanitizedData = /* @__PURE__ */ cachedByObject(readData);
/** The copies made here: checked already, so taken as they are. */
const copyOnce = /* @__PURE__ */ createCopyOnce();

/**
 * Checks the `data` prop's shape and sizes (at most 5000 points or gaussians, coordinates within +-1e4,
 * variances and bandwidths within float range, labels short strings) and copies it; the same object gives
 * the same copy. Whether a covariance is positive definite is the engine's to say. Never throws.
 */
export function sanitizeScoreFieldData(data: unknown): Checked<ScoreFieldData> {
  return safeCheck('data', () => copyOnce(data, sanitizedData));
}

/** How many gaussians the (sanitised) data is made of: its points, its components, or the preset's. */
export function dataComponentCount(data: ScoreFieldData): number {
  if (typeof data === 'string') return isMixture2dPresetName(data) ? mixture2dPreset(data).size : 0;
  if (Array.isArray(data)) return data.length;
  if ('points' in data) return (data as ScoreFieldPointsSpec).points.length;
  return (data as ScoreFieldMixtureSpec).components.length;
}

/** Resolves the `data` prop, or says what is wrong with it (never throws). */
export function resolveScoreFieldData(data: unknown): ResolvedScoreFieldData | { problem: PropProblem } {
  const clean = sanitizeScoreFieldData(data);
  if (clean.problem) return { problem: clean.problem };
  return resolveClean(clean.value);
}

function resolveClean(data: ScoreFieldData): ResolvedScoreFieldData | { problem: PropProblem } {
  try {
    if (typeof data === 'string') {
      if (!isMixture2dPresetName(data)) {
        return problem(
          `data must be one of ${MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ')}, a mixture { components } or points; got '${data}'.`,
        );
      }
      return { mixture: mixture2dPreset(data), label: MIXTURE2D_PRESET_LABELS[data], kind: 'preset' };
    }
    if (Array.isArray(data)) return kde(data as ReadonlyArray<readonly [number, number]>, 'scott');
    if (data && typeof data === 'object' && 'points' in data) {
      const spec = data as ScoreFieldPointsSpec;
      return kde(spec.points, spec.bandwidth ?? 'scott', spec.label);
    }
    if (data && typeof data === 'object' && 'components' in data) {
      const spec = data as ScoreFieldMixtureSpec;
      const mixture = createMixture2d(spec.components);
      const n = mixture.size;
      return { mixture, label: spec.label ?? `mixture of ${n} gaussian${n === 1 ? '' : 's'}`, kind: 'mixture' };
    }
    return problem('data must be a preset name, a mixture { components } or points [[x, y], ...].');
  } catch (e) {
    return problem(`data is not a valid distribution: ${errorText(e)}`);
  }
}

function kde(
  points: ReadonlyArray<readonly [number, number]>,
  bandwidth: KdeBandwidth,
  label?: string,
): ResolvedScoreFieldData | { problem: PropProblem } {
  if (!Array.isArray(points) || points.length === 0) {
    return problem('data points must hold at least 1 point [x, y] (at least 2 for a bandwidth rule); got none.');
  }
  if (points.length > MAX_DATA_COMPONENTS)
    return problem(`data points must hold at most ${MAX_DATA_COMPONENTS} points; got ${points.length}.`);
  const h = kdeBandwidth(points, bandwidth);
  const n = points.length;
  const [hMin, hMax] = [Math.sqrt(DATA_VARIANCE_RANGE.min), Math.sqrt(DATA_VARIANCE_RANGE.max)];
  if (!(h >= hMin && h <= hMax)) {
    return problem(
      `data points give a KDE bandwidth h = ${formatSignificant(h)}, outside ${hMin} to ${hMax}: the points are too close together or too far apart; give a numeric bandwidth.`,
    );
  }
  return {
    mixture: kdeMixture2d(points, h),
    label: label ?? `kernel density estimate of ${n} point${n === 1 ? '' : 's'} (h = ${formatSignificant(h)})`,
    kind: 'kde',
    bandwidth: h,
  };
}
