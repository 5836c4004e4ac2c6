/**
 * Colours of the cells: a value's entry in a colour map's table (`colorLut`, theme/colorMaps.ts) and the text colour on
 * it.
 */

/** The LUT entry of value `v` shown over [lo, hi]: values outside clamp to the ends (colour only). */
export function colorIndex(v: number, lo: number, hi: number): number {
  const f = (v - lo) / (hi - lo);
  return f <= 0 || Number.isNaN(f) ? 0 : f >= 1 ? 255 : Math.round(f * 255);
}

/** Black or white text, whichever reads better on an RGB background (relative luminance threshold). */
export function textColorOn(lut: ArrayLike<number>, index: number): string {
  const r = lut[index * 3]!;
  const g = lut[index * 3 + 1]!;
  const b = lut[index * 3 + 2]!;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 140 ? '#000' : '#fff';
}

/**
 * The colour of pixel `i` of a several-channel image (planes [C, H, W] of `plane` values each): each channel's
 * share of [lo, hi] as a byte, red, green and blue (grey for two channels), and alpha (255 without an alpha
 * channel). Values outside the range clamp.
 */
export function pixelRgba(
  values: ArrayLike<number>,
  i: number,
  plane: number,
  channels: number,
  lo: number,
  hi: number,
): [number, number, number, number] {
  const byte = (c: number) => colorIndex(values[c * plane + i]!, lo, hi);
  const r = byte(0);
  const colour = channels >= 3;
  const alpha = channels === 2 || channels === 4 ? byte(channels - 1) : 255;
  return colour ? [r, byte(1), byte(2), alpha] : [r, r, r, alpha];
}
