/** Colours of the cells: a value's entry in a colour map's table (`colorLut`, theme/colorMaps.ts) and the text colour on it. */

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
