import { useMemo } from 'react';
import { getGlyph, glyphSizes, listGlyphs, type Glyph } from '../../data/glyphs';
import { addNoise, createRng, randn64, type NoiseSchedule } from '../../engine';
import { formatNumber } from '../shared/format/formatNumber';
import { checkNumber, describeValue, safeCheck, type Checked, type PropProblem } from '../shared/props/propChecks';
import { resolveSchedule, scheduleLabel } from '../shared/props/resolveSchedule';
import type { PixelGridProps } from './PixelGrid.props';
import {
  boxDownsample,
  MAX_ABS_VALUE,
  sanitizePixelImage,
  type PixelImage,
  type SanitizedPixelImage,
} from './pixelImage';

/** What the grid shows: an image or a shipped glyph, optionally downsampled and noised to timestep t (those props). */
export type PixelGridInput = Pick<
  PixelGridProps,
  'image' | 'glyph' | 'glyphSize' | 'range' | 'downsample' | 't' | 'schedule' | 'seed'
>;

/** The plain model the component draws. */
export interface PixelGridModel {
  width: number;
  height: number;
  /**
   * Channels per pixel: 1 grey (drawn with the colour map), 2 grey + alpha, 3 RGB, 4 RGBA. Values are planes [C, H, W].
   */
  channels: number;
  /** The display range. */
  range: [number, number];
  /** x_0 in display units. */
  clean: Float64Array;
  /** What is drawn, in display units: x_t when `t` is set, else x_0. */
  values: Float64Array;
  /** The timestep shown, or null for the clean image. */
  t: number | null;
  /** Number of training timesteps of the schedule. */
  steps: number;
  /** sqrt(abar_t) and sqrt(1 - abar_t) at t (1 and 0 without noise). */
  signalScale: number;
  noiseStd: number;
  /** The glyph shown, if any. */
  glyph: Glyph | null;
  /** A text description of the figure. */
  description: string;
}

/** Maps display units [lo, hi] to the model's [-1, 1]: x = 2 (v - lo) / (hi - lo) - 1. */
export function toModelRange(values: ArrayLike<number>, lo: number, hi: number): Float64Array {
  const scale = 2 / (hi - lo);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = (values[i]! - lo) * scale - 1;
  return out;
}

/** The inverse of {@link toModelRange}: v = lo + (x + 1) (hi - lo) / 2. No clamping: values outside stay exact. */
export function fromModelRange(values: ArrayLike<number>, lo: number, hi: number): Float64Array {
  const scale = (hi - lo) / 2;
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = lo + (values[i]! + 1) * scale;
  return out;
}

/** Checks a display range: two finite numbers lo < hi within +-MAX_ABS_VALUE, hi - lo not lost in rounding. */
export function checkRange(range: unknown): Checked<[number, number]> {
  return safeCheck('range', () => {
    const pair = Array.isArray(range) && range.length === 2 ? ([range[0], range[1]] as unknown[]) : null;
    const [lo, hi] = (pair ?? []) as [number, number];
    const ok =
      pair !== null &&
      pair.every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_ABS_VALUE) &&
      lo < hi &&
      hi - lo >= 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
    return ok
      ? { value: [lo, hi] }
      : {
          problem: {
            prop: 'range',
            message:
              `range must be two finite numbers [lo, hi] with lo < hi, e.g. [0, 1] or [-1, 1], both from -${MAX_ABS_VALUE} to ${MAX_ABS_VALUE} ` +
              `and hi - lo at least 1e-9 of their size; got ${pair ? `[${pair.map(describeValue).join(', ')}]` : describeValue(range)}.`,
          },
        };
  });
}

/** The longest glyph character accepted. */
const MAX_GLYPH_KEY_LENGTH = 16;

type SourceShape =
  | { problem: PropProblem }
  | {
      problem: null;
      image: SanitizedPixelImage | null;
      glyph: Glyph | null;
      range: [number, number];
      factor: number;
      width: number;
      height: number;
      channels: number;
    };

/**
 * The checks of the source, without building it: image or glyph (found), the range, the downsampling factor
 * against the size. The image's values are checked and copied once per image object (`sanitizePixelImage`).
 */
export function checkPixelSource(
  input: Pick<PixelGridInput, 'image' | 'glyph' | 'glyphSize' | 'range' | 'downsample'>,
): SourceShape {
  const range = checkRange(input.range ?? [0, 1]);
  if (range.problem) return { problem: range.problem };
  let image: SanitizedPixelImage | null = null;
  let glyph: Glyph | null = null;
  if (input.image !== undefined) {
    if (input.glyph !== undefined)
      return { problem: { prop: 'glyph', message: 'give either image or glyph, not both.' } };
    const checkedImage = sanitizePixelImage('image', input.image);
    if (checkedImage.problem) return { problem: checkedImage.problem };
    image = checkedImage.value;
  } else {
    const size: unknown = input.glyphSize ?? 32;
    const sizes = glyphSizes();
    if (!sizes.includes(size as number)) {
      return {
        problem: {
          prop: 'glyphSize',
          message: `glyphSize must be one of ${sizes.join(', ')} (the shipped sizes); got ${describeValue(size)}.`,
        },
      };
    }
    const key: unknown = input.glyph ?? 0;
    const found =
      (typeof key === 'string' && key.length <= MAX_GLYPH_KEY_LENGTH) || typeof key === 'number'
        ? getGlyph(key as string | number, { size: size as number })
        : undefined;
    if (!found) {
      const list = listGlyphs(size as number);
      return {
        problem: {
          prop: 'glyph',
          message: `glyph must be one of the shipped characters (${list.map((g) => g.char).join(' ')}) or an index from 0 to ${list.length - 1}; got ${describeValue(key)}.`,
        },
      };
    }
    glyph = found;
  }
  const width = image?.width ?? glyph!.width;
  const height = image?.height ?? glyph!.height;
  const factor: unknown = input.downsample ?? 1;
  const factorProblem = checkNumber('downsample', factor, { min: 1, max: Math.min(width, height), integer: true });
  if (factorProblem) return { problem: factorProblem };
  const f = factor as number;
  if (width % f !== 0 || height % f !== 0) {
    return {
      problem: { prop: 'downsample', message: `downsample must divide the image size ${width} x ${height}; got ${f}.` },
    };
  }
  return {
    problem: null,
    image,
    glyph,
    range: range.value,
    factor: f,
    width: width / f,
    height: height / f,
    channels: image?.channels ?? 1,
  };
}

type Source =
  | { problem: PropProblem; data?: undefined }
  | { problem: null; data: Float64Array; width: number; height: number; channels: number; glyph: Glyph | null };

/** The clean image in display units, after the glyph lookup and downsampling, or the problem. */
export function resolveSource(
  input: Pick<PixelGridInput, 'image' | 'glyph' | 'glyphSize' | 'range' | 'downsample'>,
): Source {
  const shape = checkPixelSource(input);
  if (shape.problem) return { problem: shape.problem };
  const [lo, hi] = shape.range;
  const { glyph, factor } = shape;
  // Glyph pixels are in [0, 1] (ink 1); they are placed in the display range, so [-1, 1] shows the model's units.
  const image: PixelImage = shape.image ?? {
    width: glyph!.width,
    height: glyph!.height,
    data: Float64Array.from(glyph!.data, (v) => lo + v * (hi - lo)),
  };
  const small = factor === 1 ? { ...image, data: Float64Array.from(image.data) } : boxDownsample(image, factor);
  return { problem: null, data: small.data, width: small.width, height: small.height, channels: shape.channels, glyph };
}

function describe(m: Omit<PixelGridModel, 'description'>, scheduleName: string, seed: number, digits: number): string {
  const f = (v: number) => formatNumber(v, digits);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of m.values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  const kind = ['', 'an image', 'a grey image with alpha', 'an RGB image', 'an RGBA image'][m.channels] ?? 'an image';
  const what = m.glyph ? `the glyph ${m.glyph.char} (“${m.glyph.definition}”)` : kind;
  const head = `A ${m.width} by ${m.height} pixel grid of ${what}, drawn over the range ${f(m.range[0])} to ${f(m.range[1])}.`;
  const noise =
    m.t === null
      ? ' No noise is added.'
      : ` Noised to timestep ${m.t} of ${m.steps} with the ${scheduleName} schedule (seed ${seed}): ` +
        `x_t = ${formatNumber(m.signalScale, 3)} x_0 + ${formatNumber(m.noiseStd, 3)} eps, computed on the image mapped to [-1, 1].`;
  return `${head}${noise} Values range from ${f(min)} to ${f(max)}, mean ${f(sum / m.values.length)}.`;
}

/**
 * Closed-form forward noising of the clean image (Ho et al. 2020, eq. 4), in the model's units:
 * x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps with x_0 mapped to [-1, 1]; the result is mapped back to the
 * display range. `x0` is the clean image already in [-1, 1] (see {@link toModelRange}); `eps` is drawn once
 * per seed and size, so dragging t shows the same noise growing.
 */
export function noisedValues(
  x0: Float64Array,
  eps: Float64Array,
  t: number,
  schedule: NoiseSchedule,
  lo: number,
  hi: number,
): Float64Array {
  return fromModelRange(addNoise(x0, eps, [t], schedule.alphasCumprod), lo, hi);
}

/** The model of a PixelGrid, memoised stage by stage (source, schedule, noise, noised values). */
export function usePixelGrid(
  input: PixelGridInput,
  digits = 2,
): { model: PixelGridModel; problem: null } | { model: null; problem: PropProblem } {
  const { image, glyph, glyphSize, downsample, t = null, schedule: scheduleSpec = 'linear', seed = 0 } = input;
  const lo = input.range?.[0];
  const hi = input.range?.[1];
  const source = useMemo(
    () =>
      resolveSource({
        image,
        glyph,
        glyphSize,
        downsample,
        range: input.range ? ([lo, hi] as [number, number]) : undefined,
      }),
    // The range is compared by value, so an inline [0, 1] does not recompute.
    [image, glyph, glyphSize, downsample, lo, hi, input.range === undefined],
  );
  const resolved = resolveSchedule('schedule', scheduleSpec);
  const seedProblem = checkNumber('seed', seed, {
    min: -Number.MAX_SAFE_INTEGER,
    max: Number.MAX_SAFE_INTEGER,
    integer: true,
  });
  const steps = resolved.schedule?.alphasCumprod.length ?? 0;
  const tProblem =
    t === null || !resolved.schedule ? null : checkNumber('t', t, { min: 0, max: steps - 1, integer: true });
  const problem = source.problem ?? resolved.problem ?? seedProblem ?? tProblem;
  const n = source.data?.length ?? 0;
  const eps = useMemo(() => (seedProblem || n === 0 ? null : randn64(createRng(seed), n)), [seed, n, seedProblem]);
  const schedule = resolved.schedule;
  const range: [number, number] = input.range ? [input.range[0], input.range[1]] : [0, 1];
  const x0 = useMemo(
    () => (source.data ? toModelRange(source.data, range[0], range[1]) : null),
    [source, range[0], range[1]],
  );
  const values = useMemo(() => {
    if (problem || !source.data || !x0 || !eps || !schedule) return null;
    return t === null ? source.data : noisedValues(x0, eps, t, schedule, range[0], range[1]);
  }, [problem, source, x0, eps, schedule, t, range[0], range[1]]);
  const model = useMemo(() => {
    if (problem || !values || !source.data || !schedule) return null;
    const abar = t === null ? 1 : schedule.alphasCumprod[t]!;
    const base = {
      width: source.width,
      height: source.height,
      channels: source.channels,
      range,
      clean: source.data,
      values,
      t,
      steps,
      signalScale: Math.sqrt(abar),
      noiseStd: Math.sqrt(1 - abar),
      glyph: source.glyph,
    };
    return { ...base, description: describe(base, scheduleLabel(scheduleSpec), seed, digits) };
  }, [problem, values, source, schedule, t, steps, seed, digits]);
  return problem || !model
    ? { model: null, problem: problem ?? { prop: 'image', message: 'nothing to draw.' } }
    : { model, problem: null };
}
