import { colorMaps, type ColorMap, type ColorMapName } from '../../../theme/colorMaps';
import { cachedByObject } from './hostProps';
import { describeValue, errorText, type Checked } from './propChecks';

/** Where a colour-map function is tried before it is accepted. */
const PROBES = [0, 0.25, 0.5, 0.75, 1];

function isRgb(value: unknown): value is [number, number, number] {
  return Array.isArray(value) && value.length === 3 && value.every((c) => typeof c === 'number' && Number.isFinite(c));
}

const clampByte = (c: number) => Math.min(255, Math.max(0, Math.round(c)));

function checkFunctionMap(prop: string, fn: ColorMap): Checked<ColorMap> {
  for (const t of PROBES) {
    let out: unknown;
    try {
      out = fn(t);
    } catch (error) {
      return { problem: { prop, message: `${prop} threw at t = ${t}: ${errorText(error)}` } };
    }
    if (!isRgb(out)) {
      return {
        problem: {
          prop,
          message: `${prop} must return [r, g, b], three finite numbers from 0 to 255, for t in [0, 1]; at t = ${t} it returned ${describeValue(out)}.`,
        },
      };
    }
  }
  // Tried at a few points; every other call is guarded too: a bad value draws black, bytes are clamped.
  const safe: ColorMap = (t) => {
    try {
      const c: unknown = fn(t);
      if (isRgb(c)) return [clampByte(c[0]), clampByte(c[1]), clampByte(c[2])];
    } catch {
      // fall through
    }
    return [0, 0, 0];
  };
  return { value: safe };
}

const checkedFunctions = /* @__PURE__ */ cachedByObject((fn) => checkFunctionMap('colorMap', fn as ColorMap));

/**
 * Checks a colour-map prop: one of {@link colorMaps} by name, or a function from t in [0, 1] to [r, g, b]. A
 * function is tried at a few points and then wrapped, so a later call that throws or returns the wrong shape
 * draws black instead of breaking the figure; the same function gives the same wrapper.
 */
export function checkColorMapProp(prop: string, value: unknown): Checked<ColorMap> {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(colorMaps, value))
    return { value: colorMaps[value as ColorMapName] };
  if (typeof value === 'function')
    return prop === 'colorMap' ? checkedFunctions(value) : checkFunctionMap(prop, value as ColorMap);
  return {
    problem: {
      prop,
      message: `${prop} must be one of ${Object.keys(colorMaps)
        .map((n) => `'${n}'`)
        .join(', ')} or a function from [0, 1] to [r, g, b]; got ${describeValue(value)}.`,
    },
  };
}
