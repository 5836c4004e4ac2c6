import { cachedByObject, createCopyOnce } from '../shared/props/hostProps';
import {
  checkNumber,
  describeValue,
  firstProblem,
  safeCheck,
  type Checked,
  type PropProblem,
} from '../shared/props/propChecks';

/**
 * An image: `width * height` values a channel, row-major (index = y * width + x). Several channels are planes
 * one after another, [channels, height, width], as a model's tensors hold them: 1 grey, 2 grey + alpha,
 * 3 RGB, 4 RGBA.
 */
export interface PixelImage {
  /** The values, row by row, plane by plane. */
  data: ArrayLike<number>;
  /** Number of columns. */
  width: number;
  /** Number of rows. */
  height: number;
  /** Channels per pixel, 1 to 4 (default 1). */
  channels?: number;
}

/** The largest side accepted for an image (before downsampling). */
export const MAX_IMAGE_SIDE = 512;
/** The largest magnitude of a value (and of the range's ends): beyond it, mapping and noising leave float range. */
export const MAX_ABS_VALUE = 1e12;

/** An image after {@link sanitizePixelImage}: its values copied to float64. */
export interface SanitizedPixelImage {
  data: Float64Array;
  width: number;
  height: number;
  channels: number;
}

function readImage(prop: string, image: unknown): Checked<SanitizedPixelImage> {
  if (typeof image !== 'object' || image === null || Array.isArray(image)) {
    return {
      problem: { prop, message: `${prop} must be an object { data, width, height }; got ${describeValue(image)}.` },
    };
  }
  const { data, width, height, channels = 1 } = image as Partial<Record<keyof PixelImage, unknown>>;
  const sizeProblem = firstProblem(
    checkNumber(`${prop}.width`, width, { min: 1, max: MAX_IMAGE_SIDE, integer: true }),
    checkNumber(`${prop}.height`, height, { min: 1, max: MAX_IMAGE_SIDE, integer: true }),
    checkNumber(`${prop}.channels`, channels, { min: 1, max: 4, integer: true }),
  );
  if (sizeProblem) return { problem: sizeProblem };
  const w = width as number;
  const h = height as number;
  const isList = Array.isArray(data) || (ArrayBuffer.isView(data) && !(data instanceof DataView));
  if (!isList) {
    return {
      problem: {
        prop: `${prop}.data`,
        message: `${prop}.data must be an array of numbers (channels x width x height of them); got ${describeValue(data)}.`,
      },
    };
  }
  const list = data as ArrayLike<unknown>;
  const c = channels as number;
  const n = c * w * h;
  if (list.length !== n) {
    const what = c === 1 ? `width x height = ${w} x ${h}` : `channels x width x height = ${c} x ${w} x ${h}`;
    return {
      problem: {
        prop: `${prop}.data`,
        message: `${prop}.data must hold ${what} = ${n} values; got ${describeValue(list.length)}.`,
      },
    };
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return {
        problem: {
          prop: `${prop}.data`,
          message: `${prop}.data must hold finite numbers; value ${i} (x ${i % w}, y ${Math.floor(i / w)}) is ${describeValue(v)}.`,
        },
      };
    }
    if (Math.abs(v) > MAX_ABS_VALUE) {
      return {
        problem: {
          prop: `${prop}.data`,
          message: `${prop}.data must hold numbers from -${MAX_ABS_VALUE} to ${MAX_ABS_VALUE}; value ${i} (x ${i % w}, y ${Math.floor(i / w)}) is ${v}.`,
        },
      };
    }
    out[i] = v;
  }
  return { value: { data: out, width: w, height: h, channels: c } };
}

const sanitizedImages = /* @__PURE__ */ cachedByObject((image) => readImage('image', image));
/** The copies made here: checked already, so taken as they are. */
const copyOnce = /* @__PURE__ */ createCopyOnce();

/**
 * Checks an image prop (sizes, data length before any value is read, finite values of a bounded size) and
 * copies it: the figure draws the copy. The same image object gives the same copy (checked once).
 */
export function sanitizePixelImage(prop: string, image: unknown): Checked<SanitizedPixelImage> {
  return safeCheck(prop, () =>
    copyOnce(image, (value) => (prop === 'image' ? sanitizedImages(value) : readImage(prop, value))),
  );
}

/** The first problem of an image prop (sizes, data length, non-finite values), or null. */
export function checkPixelImage(prop: string, image: unknown): PropProblem | null {
  return sanitizePixelImage(prop, image).problem ?? null;
}

/**
 * Box downsampling by an integer `factor`: each output pixel is the mean of a factor x factor block, channel
 * by channel (the training pipeline makes its 32x32 glyphs from 128x128 renders the same way).
 */
export function boxDownsample(
  image: PixelImage,
  factor: number,
): { data: Float64Array; width: number; height: number; channels: number } {
  const { data, width, height } = image;
  const channels = image.channels ?? 1;
  if (!Number.isInteger(factor) || factor < 1 || width % factor !== 0 || height % factor !== 0) {
    throw new RangeError(`factor must be a positive integer dividing ${width} and ${height}; got ${String(factor)}.`);
  }
  const w = width / factor;
  const h = height / factor;
  const out = new Float64Array(channels * w * h);
  const area = factor * factor;
  for (let c = 0; c < channels; c++) {
    const from = c * width * height;
    const to = c * w * h;
    for (let y = 0; y < height; y++) {
      const row = to + Math.floor(y / factor) * w;
      for (let x = 0; x < width; x++) out[row + Math.floor(x / factor)]! += data[from + y * width + x]!;
    }
  }
  for (let i = 0; i < out.length; i++) out[i]! /= area;
  return { data: out, width: w, height: h, channels };
}
