import {
  MIXTURE2D_PRESETS,
  MIXTURE2D_PRESET_LABELS,
  type Gaussian2dSpec,
  type KdeBandwidth,
  type Mixture2d,
  type Mixture2dPresetName,
  createMixture2d,
  isMixture2dPresetName,
  kdeBandwidth,
  kdeMixture2d,
  mixture2dPreset,
} from '../../engine';
import { formatSignificant } from '../shared/format/formatNumber';
import type { PropProblem } from '../shared/props/propChecks';

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
export type ScoreFieldData = Mixture2dPresetName | ScoreFieldMixtureSpec | ScoreFieldPointsSpec | ReadonlyArray<readonly [number, number]>;

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

/** Resolves the `data` prop, or says what is wrong with it (never throws). */
export function resolveScoreFieldData(data: unknown): ResolvedScoreFieldData | { problem: PropProblem } {
  try {
    if (typeof data === 'string') {
      if (!isMixture2dPresetName(data)) {
        return problem(`data must be one of ${MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ')}, a mixture { components } or points; got '${data}'.`);
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
    return problem(`data must be a preset name (${MIXTURE2D_PRESETS.map((p) => `'${p}'`).join(', ')}), a mixture { components } or points [[x, y], ...]; got ${data === null ? 'null' : typeof data}.`);
  } catch (e) {
    return problem(`data is not a valid distribution: ${(e as Error).message}`);
  }
}

function kde(points: ReadonlyArray<readonly [number, number]>, bandwidth: KdeBandwidth, label?: string): ResolvedScoreFieldData | { problem: PropProblem } {
  if (!Array.isArray(points) || points.length === 0) {
    return problem('data points must hold at least 1 point [x, y] (at least 2 for a bandwidth rule); got none.');
  }
  if (points.length > 5000) return problem(`data points must hold at most 5000 points; got ${points.length}.`);
  const h = kdeBandwidth(points, bandwidth);
  const n = points.length;
  return {
    mixture: kdeMixture2d(points, h),
    label: label ?? `kernel density estimate of ${n} point${n === 1 ? '' : 's'} (h = ${formatSignificant(h)})`,
    kind: 'kde',
    bandwidth: h,
  };
}
