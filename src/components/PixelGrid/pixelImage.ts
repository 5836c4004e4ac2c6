import { checkNumber, firstProblem, type PropProblem } from '../shared/props/propChecks';

/** A greyscale image: `width * height` values, row-major (index = y * width + x). */
export interface PixelImage {
  /** The values, row by row. */
  data: ArrayLike<number>;
  /** Number of columns. */
  width: number;
  /** Number of rows. */
  height: number;
}

/** The largest side accepted for an image (before downsampling). */
export const MAX_IMAGE_SIDE = 1024;

/** The first problem of an image prop (sizes, data length, non-finite values), or null. */
export function checkPixelImage(prop: string, image: unknown): PropProblem | null {
  if (typeof image !== 'object' || image === null) {
    return { prop, message: `${prop} must be an object { data, width, height }; got ${image === null ? 'null' : typeof image}.` };
  }
  const { data, width, height } = image as Partial<PixelImage>;
  const sizeProblem = firstProblem(
    checkNumber(`${prop}.width`, width, { min: 1, max: MAX_IMAGE_SIDE, integer: true }),
    checkNumber(`${prop}.height`, height, { min: 1, max: MAX_IMAGE_SIDE, integer: true }),
  );
  if (sizeProblem) return sizeProblem;
  if (!data || typeof (data as ArrayLike<number>).length !== 'number') {
    return { prop: `${prop}.data`, message: `${prop}.data must be an array of numbers (width x height of them).` };
  }
  const n = width! * height!;
  if (data.length !== n) {
    return {
      prop: `${prop}.data`,
      message: `${prop}.data must hold width x height = ${width} x ${height} = ${n} values; got ${data.length}.`,
    };
  }
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return { prop: `${prop}.data`, message: `${prop}.data must hold finite numbers; value ${i} (x ${i % width!}, y ${Math.floor(i / width!)}) is ${String(v)}.` };
    }
  }
  return null;
}

/**
 * Box downsampling by an integer `factor`: each output pixel is the mean of a factor x factor block
 * (the training pipeline makes its 32x32 glyphs from 128x128 renders the same way).
 */
export function boxDownsample(image: PixelImage, factor: number): { data: Float64Array; width: number; height: number } {
  const { data, width, height } = image;
  if (!Number.isInteger(factor) || factor < 1 || width % factor !== 0 || height % factor !== 0) {
    throw new RangeError(`factor must be a positive integer dividing ${width} and ${height}; got ${String(factor)}.`);
  }
  const w = width / factor;
  const h = height / factor;
  const out = new Float64Array(w * h);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / factor) * w;
    for (let x = 0; x < width; x++) out[row + Math.floor(x / factor)]! += data[y * width + x]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= area;
  return { data: out, width: w, height: h };
}
