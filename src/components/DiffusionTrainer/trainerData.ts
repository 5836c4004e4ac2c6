import { type Mixture2d, type Mixture2dPresetName, createRng, mixture2dPreset, sampleMixture2d } from '../../engine';
import { MIXTURE2D_PRESET_LABELS, isMixture2dPresetName } from '../../engine/internal';
import { describeValue, type Checked } from '../shared/props/propChecks';

/**
 * The data a DiffusionTrainer learns: a preset mixture (its training set drawn from it, its exact score known)
 * or points the reader drew (the training set is the points themselves; no exact score).
 */

/** A preset's name, or points [[x, y], ...]. */
export type TrainerData = Mixture2dPresetName | ReadonlyArray<readonly [number, number]>;

/** The most points a reader can draw (or a host pass as `data`). */
export const MAX_DRAWN_POINTS = 2000;
/** Points that are drawn are kept within this square, [-4, 4]^2: the view of the figure. */
export const DRAW_EXTENT = 4;
/** Too few drawn points give the network nothing to learn; below this the figure asks for more. */
export const MIN_DRAWN_POINTS = 4;

/** Checks the `data` prop: a preset name, or at most {@link MAX_DRAWN_POINTS} finite points in [-4, 4]^2 (copied). */
export function sanitizeTrainerData(value: unknown): Checked<TrainerData> {
  if (typeof value === 'string') {
    return isMixture2dPresetName(value)
      ? { value }
      : {
          problem: {
            prop: 'data',
            message: `data must be a preset ('ring', 'two-blobs', 'two-moons', 'checker', 'spiral') or points [[x, y], ...]; got ${describeValue(value)}.`,
          },
        };
  }
  if (!Array.isArray(value))
    return {
      problem: {
        prop: 'data',
        message: `data must be a preset name or an array of [x, y] points; got ${describeValue(value)}.`,
      },
    };
  if (value.length > MAX_DRAWN_POINTS)
    return {
      problem: { prop: 'data', message: `data must hold at most ${MAX_DRAWN_POINTS} points; got ${value.length}.` },
    };
  const out: Array<readonly [number, number]> = [];
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    const ok =
      Array.isArray(p) &&
      p.length === 2 &&
      p.every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= DRAW_EXTENT);
    if (!ok)
      return {
        problem: {
          prop: `data[${i}]`,
          message: `data[${i}] must be two numbers [x, y] from -${DRAW_EXTENT} to ${DRAW_EXTENT}; got ${describeValue(p)}.`,
        },
      };
    out.push([p[0] as number, p[1] as number]);
  }
  return { value: out };
}

/** The data resolved for training. */
export interface ResolvedTrainerData {
  kind: 'preset' | 'points';
  /** The preset's name, or 'drawn'. */
  name: string;
  /** Words for it. */
  label: string;
  /** The training set, [x, y] pairs. */
  points: Float64Array;
  /** The exact distribution (presets only). */
  mixture: Mixture2d | null;
}

/** The training set of `data`: `count` draws of a preset (seeded), or the drawn points. */
export function resolveTrainerData(data: TrainerData, count: number, seed: number): ResolvedTrainerData {
  if (typeof data === 'string') {
    const mixture = mixture2dPreset(data);
    // A stream of its own, so the training set does not shift when the trainer's streams change.
    const rng = createRng(createRng(seed).nextUint32() ^ 0x5eed);
    return {
      kind: 'preset',
      name: data,
      label: MIXTURE2D_PRESET_LABELS[data],
      points: sampleMixture2d(mixture, count, rng),
      mixture,
    };
  }
  const points = new Float64Array(2 * data.length);
  data.forEach((p, i) => {
    points[2 * i] = p[0];
    points[2 * i + 1] = p[1];
  });
  return {
    kind: 'points',
    name: 'drawn',
    label: `${data.length} drawn point${data.length === 1 ? '' : 's'}`,
    points,
    mixture: null,
  };
}
