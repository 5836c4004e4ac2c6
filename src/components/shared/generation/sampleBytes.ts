/**
 * Model outputs as display bytes. A frame of 16 glyphs holds 3 x 16 x 1024 float32 values (196 KB); kept
 * as bytes it is 48 KB, so a 1000-step animation fits in memory. Each byte of a one-channel image is a position
 * on the figure's colour ramp: 0 = paper (the manifest's `background`), 255 = full ink (the manifest's `ink`);
 * colour channels (RGB, RGBA) and alpha hold their share of the pixel range.
 */

/** The pixel convention of a model's images (a manifest's `image` section). */
export interface ImageConvention {
  /** Number of channels per pixel. */
  channels: number;
  /** [low, high] of the pixel range. */
  range: readonly [number, number];
  /** The value of a full stroke (one- and two-channel images); absent: the top of `range`. */
  ink?: number;
  /** The value of empty paper; absent: the bottom of `range`. */
  background?: number;
  /** Image width and height: needed only to tell the alpha plane of a two-channel (grey + alpha) image. */
  width?: number;
  height?: number;
}

/** How many standard deviations of predicted noise the ramp spans on each side of 0. */
export const NOISE_SPAN = 3;

function toByte(fraction: number): number {
  if (!(fraction > 0)) return 0; // also NaN
  if (fraction >= 1) return 255;
  return Math.round(fraction * 255);
}

/**
 * Image values to bytes, laid out as the values ([count, channels, height, width]). One channel (and the grey
 * plane of grey + alpha): fraction of ink f = (v - background) / (ink - background), so the ramp runs
 * paper -> ink whichever sign the model uses for ink (without ink/background: low -> high of the range). Three
 * or four channels (RGB, RGBA), and alpha: the fraction of the pixel range (v - low) / (high - low) per channel.
 * Values outside clamp.
 */
export function imageToBytes(values: ArrayLike<number>, image: ImageConvention): Uint8Array {
  const out = new Uint8Array(values.length);
  const [low, high] = image.range;
  const rangeScale = 1 / (high - low);
  const grey = image.channels <= 2;
  const from = grey ? (image.background ?? low) : low;
  const to = grey ? (image.ink ?? high) : high;
  const scale = 1 / (to - from);
  for (let i = 0; i < values.length; i++) out[i] = toByte((values[i]! - from) * scale);
  // Grey + alpha: the alpha planes take the range mapping (with ink/background they took the ramp above).
  const plane = (image.width ?? 0) * (image.height ?? 0);
  if (image.channels === 2 && plane > 0 && (from !== low || to !== high)) {
    for (let start = plane; start < values.length; start += 2 * plane) {
      for (let i = start; i < Math.min(start + plane, values.length); i++)
        out[i] = toByte((values[i]! - low) * rangeScale);
    }
  }
  return out;
}

/** Predicted noise (about N(0, 1)) to bytes: 0 sits mid-ramp, +-NOISE_SPAN at the ends. */
export function noiseToBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toByte(0.5 + values[i]! / (2 * NOISE_SPAN));
  return out;
}
