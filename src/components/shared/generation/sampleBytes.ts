/**
 * Model outputs as display bytes. A frame of 16 glyphs holds 3 x 16 x 1024 float32 values (196 KB); kept
 * as bytes it is 48 KB, so a 1000-step animation fits in memory. Each byte is a position on the figure's
 * colour ramp: 0 = paper (the manifest's `background`), 255 = full ink (the manifest's `ink`).
 */

/** The pixel convention of a model's images (a manifest's `image` section). */
export interface ImageConvention {
  /** Number of channels per pixel. */
  channels: number;
  /** [low, high] of the pixel range. */
  range: readonly [number, number];
  /** The value of a full stroke. */
  ink: number;
  /** The value of empty paper. */
  background: number;
}

/** How many standard deviations of predicted noise the ramp spans on each side of 0. */
export const NOISE_SPAN = 3;

function toByte(fraction: number): number {
  if (!(fraction > 0)) return 0; // also NaN
  if (fraction >= 1) return 255;
  return Math.round(fraction * 255);
}

/**
 * Image values to bytes. One channel: fraction of ink f = (v - background) / (ink - background), so the
 * ramp runs paper -> ink whichever sign the model uses for ink. Three channels (colour models): the
 * fraction of the pixel range (v - low) / (high - low) per channel. Values outside clamp.
 */
export function imageToBytes(values: ArrayLike<number>, image: ImageConvention): Uint8Array {
  const out = new Uint8Array(values.length);
  const colour = image.channels === 3;
  const from = colour ? image.range[0] : image.background;
  const to = colour ? image.range[1] : image.ink;
  const scale = 1 / (to - from);
  for (let i = 0; i < values.length; i++) out[i] = toByte((values[i]! - from) * scale);
  return out;
}

/** Predicted noise (about N(0, 1)) to bytes: 0 sits mid-ramp, +-NOISE_SPAN at the ends. */
export function noiseToBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toByte(0.5 + values[i]! / (2 * NOISE_SPAN));
  return out;
}
