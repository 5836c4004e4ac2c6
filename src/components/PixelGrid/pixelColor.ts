import { colorMaps, type ColorMapName } from '../../theme/colorMaps';

/** 256 RGB entries of a colour map: entry i is the colour of (i / 255). Built once per map. */
export function colorLut(name: ColorMapName): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  const map = colorMaps[name];
  for (let i = 0; i < 256; i++) lut.set(map(i / 255), i * 3);
  return lut;
}

/** The LUT entry of value `v` shown over [lo, hi]: values outside clamp to the ends (colour only). */
export function colorIndex(v: number, lo: number, hi: number): number {
  const f = (v - lo) / (hi - lo);
  return f <= 0 || Number.isNaN(f) ? 0 : f >= 1 ? 255 : Math.round(f * 255);
}

/** Black or white text, whichever reads better on an RGB background (relative luminance threshold). */
export function textColorOn(lut: Uint8Array, index: number): string {
  const r = lut[index * 3]!;
  const g = lut[index * 3 + 1]!;
  const b = lut[index * 3 + 2]!;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 140 ? '#000' : '#fff';
}
