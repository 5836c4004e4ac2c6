/** A colour map: t in [0, 1] to [r, g, b] bytes. */
export type ColorMap = (t: number) => [number, number, number];

function clamp01(t: number): number {
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
}

/** Piecewise-linear interpolation between evenly spaced stops. */
function fromStops(stops: ReadonlyArray<readonly [number, number, number]>): ColorMap {
  return (t) => {
    const x = clamp01(t) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(x));
    const f = x - i;
    const a = stops[i]!;
    const b = stops[i + 1]!;
    return [
      Math.round(a[0] + (b[0] - a[0]) * f),
      Math.round(a[1] + (b[1] - a[1]) * f),
      Math.round(a[2] + (b[2] - a[2]) * f),
    ];
  };
}

/** Viridis (perceptually uniform, colour-blind safe), sampled at 9 stops. */
export const viridis: ColorMap = /* @__PURE__ */ fromStops([
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
]);

/** Black to white. */
export const greys: ColorMap = (t) => {
  const v = Math.round(clamp01(t) * 255);
  return [v, v, v];
};

/** Blue, white, red: for signed values centred on 0.5. */
export const diverging: ColorMap = /* @__PURE__ */ fromStops([
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
]);

/** The named colour maps that components accept. */
export const colorMaps = { viridis, greys, diverging } as const;
export type ColorMapName = keyof typeof colorMaps;

/** `rgb(r g b)` CSS string of a colour-map value. */
export function cssColor(map: ColorMap, t: number): string {
  const [r, g, b] = map(t);
  return `rgb(${r} ${g} ${b})`;
}

/** A colour map given as a name or as the function itself. */
export function resolveColorMap(map: ColorMap | ColorMapName): ColorMap {
  return typeof map === 'function' ? map : colorMaps[map];
}

/**
 * 256 colours of a map as [r, g, b] bytes back to back: entry i is the colour of i / 255. Bytes clamp, so a
 * custom map that strays outside [0, 255] still gives valid colours.
 */
export function colorLut(map: ColorMap | ColorMapName): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 3);
  const colorOf = resolveColorMap(map);
  for (let i = 0; i < 256; i++) lut.set(colorOf(i / 255), 3 * i);
  return lut;
}

/** sRGB bytes (a {@link colorLut}) in linear light, 0 to 1, as WebGL renderers such as three.js shade in. */
export function linearLut(lut: ArrayLike<number>): Float32Array {
  return Float32Array.from(lut, (b) => {
    const c = b / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}
