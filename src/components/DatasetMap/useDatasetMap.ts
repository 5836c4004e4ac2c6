import { scaleLinear } from '@visx/scale';
import { useMemo } from 'react';
import { themeVar } from '../../theme/theme';
import { checkCssColor } from '../shared/props/cssColor';
import { cachedByObject, createCopyOnce } from '../shared/props/hostProps';
import {
  type Checked,
  type PropProblem,
  checkNumber,
  checkString,
  describeValue,
  firstProblem,
  safeCheck,
} from '../shared/props/propChecks';
import { type DatasetMapEntry, type DatasetMapRadical, fitToSquare } from './datasetMapData';

/** Limits of the figure's numeric props. */
export const DATASET_MAP_LIMITS = {
  width: { min: 160, max: 4096 },
  height: { min: 160, max: 4096 },
  pointRadius: { min: 1, max: 20 },
  points: 5000,
  radicals: 12,
} as const;

/** Colour of glyphs whose radical is not highlighted. */
export const OTHER_COLOR = themeVar('muted');

/** What the hook needs. */
export interface DatasetMapInput {
  data: readonly DatasetMapEntry[];
  radicals: readonly DatasetMapRadical[];
  width: number;
  height: number;
  pointRadius: number;
}

/** One glyph placed on the screen. */
export interface DatasetMapPlotPoint {
  index: number;
  entry: DatasetMapEntry;
  /** Position in CSS pixels inside the plot (y down). */
  px: number;
  py: number;
  color: string;
  /** The highlighted radical's name, or null for the grey 'other' glyphs. */
  radicalName: string | null;
}

/** A legend row: a highlighted radical and how many glyphs carry it. */
export interface DatasetMapLegendItem extends DatasetMapRadical {
  count: number;
}

/** The plain model the component draws. */
export interface DatasetMapModel {
  points: DatasetMapPlotPoint[];
  legend: DatasetMapLegendItem[];
  /** Glyphs of no highlighted radical. */
  otherCount: number;
}

/** Margin between the frame and the outermost points, in CSS pixels. */
export const PLOT_MARGIN = 14;

/** The longest glyph character, definition, radical name and pixel string accepted. */
const MAX_CHAR_LENGTH = 16;
const MAX_DEFINITION_LENGTH = 1000;
const MAX_NAME_LENGTH = 200;
/** Base64 of at most 256 x 256 grey bytes. */
const MAX_PIXELS_LENGTH = Math.ceil((256 * 256) / 3) * 4;
/** The largest magnitude of a map coordinate. */
const MAX_COORDINATE = 1e12;

/** The host's own entry of each sanitised copy: what `onSelect` hands back (with any fields of its own). */
const originals = /* @__PURE__ */ new WeakMap<DatasetMapEntry, DatasetMapEntry>();

/** The host's entry a sanitised entry was copied from (the entry itself when it is not a copy). */
export function originalEntry(entry: DatasetMapEntry): DatasetMapEntry {
  return originals.get(entry) ?? entry;
}

function readData(data: unknown): Checked<DatasetMapEntry[]> {
  if (!Array.isArray(data))
    return {
      problem: {
        prop: 'data',
        message: `data must be an array of { x, y, char, definition, radical }; got ${describeValue(data)}.`,
      },
    };
  if (data.length === 0)
    return { problem: { prop: 'data', message: 'data must hold from 1 to 5000 glyphs; got none.' } };
  if (data.length > DATASET_MAP_LIMITS.points)
    return { problem: { prop: 'data', message: `data must hold from 1 to 5000 glyphs; got ${data.length}.` } };
  const out: DatasetMapEntry[] = [];
  const bad = (message: string): Checked<DatasetMapEntry[]> => ({ problem: { prop: 'data', message } });
  for (let i = 0; i < data.length; i++) {
    const e = (typeof data[i] === 'object' && data[i] !== null ? data[i] : {}) as Partial<
      Record<keyof DatasetMapEntry, unknown>
    >;
    const { x, y, char, definition, radical, data: pixels } = e;
    const p = checkNumber(`data[${i}].x`, x) ?? checkNumber(`data[${i}].y`, y);
    if (p) return bad(p.message);
    if (Math.abs(x as number) > MAX_COORDINATE || Math.abs(y as number) > MAX_COORDINATE) {
      return bad(
        `data[${i}] must have x and y from -${MAX_COORDINATE} to ${MAX_COORDINATE}; got ${describeValue(x)}, ${describeValue(y)}.`,
      );
    }
    if (typeof char !== 'string') return bad(`data[${i}].char must be a string; got ${describeValue(char)}.`);
    const charProblem = checkString(`data[${i}].char`, char, { maxLength: MAX_CHAR_LENGTH, nonEmpty: true });
    if (charProblem) return bad(charProblem.message);
    const definitionProblem =
      definition === undefined
        ? null
        : checkString(`data[${i}].definition`, definition, { maxLength: MAX_DEFINITION_LENGTH });
    if (definitionProblem) return bad(definitionProblem.message);
    const radicalProblem =
      radical === undefined ? null : checkNumber(`data[${i}].radical`, radical, { min: 0, max: 1e6, integer: true });
    if (radicalProblem) return bad(radicalProblem.message);
    const pixelsProblem =
      pixels === undefined ? null : checkString(`data[${i}].data`, pixels, { maxLength: MAX_PIXELS_LENGTH });
    if (pixelsProblem) return bad(pixelsProblem.message);
    const entry: DatasetMapEntry = {
      x: x as number,
      y: y as number,
      char,
      definition: (definition as string | undefined) ?? '',
      radical: (radical as number | undefined) ?? 0,
    };
    if (pixels !== undefined) entry.data = pixels as string;
    originals.set(entry, data[i] as DatasetMapEntry);
    out.push(entry);
  }
  return { value: out };
}

const sanitizedData = /* @__PURE__ */ cachedByObject(readData);
/** The copies made here (data and radicals): checked already, so taken as they are. */
const copyOnce = /* @__PURE__ */ createCopyOnce();

/**
 * Checks the data (1 to 5000 glyphs with finite coordinates, a character, a definition, a radical, optional
 * pixels, each of a bounded size) and copies it; the same array gives the same copy. Never throws.
 */
export function sanitizeDatasetMapData(data: unknown): Checked<DatasetMapEntry[]> {
  return safeCheck('data', () => copyOnce(data, sanitizedData));
}

function readRadicals(radicals: unknown): Checked<DatasetMapRadical[]> {
  const max = DATASET_MAP_LIMITS.radicals;
  if (!Array.isArray(radicals) || radicals.length > max) {
    return {
      problem: {
        prop: 'radicals',
        message: `radicals must be an array of at most ${max} { radical, name, color }; got ${Array.isArray(radicals) ? `${radicals.length} entries` : describeValue(radicals)}.`,
      },
    };
  }
  const out: DatasetMapRadical[] = [];
  const bad = (message: string): Checked<DatasetMapRadical[]> => ({ problem: { prop: 'radicals', message } });
  for (let i = 0; i < radicals.length; i++) {
    const r = (typeof radicals[i] === 'object' && radicals[i] !== null ? radicals[i] : {}) as Partial<
      Record<keyof DatasetMapRadical, unknown>
    >;
    const { radical, name, color } = r;
    const p = checkNumber(`radicals[${i}].radical`, radical, { min: 0, integer: true });
    if (p) return bad(p.message);
    if (typeof name !== 'string' || typeof color !== 'string')
      return bad(`radicals[${i}] needs a name and a color (strings).`);
    const nameProblem = checkString(`radicals[${i}].name`, name, { maxLength: MAX_NAME_LENGTH });
    if (nameProblem) return bad(nameProblem.message);
    // The colour goes into inline styles: only a colour, never more CSS, from host data.
    const colorProblem = checkCssColor(`radicals[${i}].color`, color);
    if (colorProblem) return bad(colorProblem.message);
    const twin = out.findIndex((o) => o.radical === radical);
    if (twin >= 0)
      return bad(
        `radicals[${i}].radical repeats radicals[${twin}].radical (${radical as number}); each radical at most once.`,
      );
    out.push({ radical: radical as number, name, color });
  }
  return { value: out };
}

const sanitizedRadicals = /* @__PURE__ */ cachedByObject(readRadicals);

/** Checks the radicals (at most 12, each a radical number, a name and a CSS colour) and copies them. Never throws. */
export function sanitizeDatasetMapRadicals(radicals: unknown): Checked<DatasetMapRadical[]> {
  return safeCheck('radicals', () => copyOnce(radicals, sanitizedRadicals));
}

/** Validates the input: the first problem, or null. */
export function checkDatasetMapInput(input: DatasetMapInput): PropProblem | null {
  return firstProblem(
    checkNumber('width', input.width, DATASET_MAP_LIMITS.width),
    checkNumber('height', input.height, DATASET_MAP_LIMITS.height),
    checkNumber('pointRadius', input.pointRadius, DATASET_MAP_LIMITS.pointRadius),
    sanitizeDatasetMapRadicals(input.radicals).problem,
    sanitizeDatasetMapData(input.data).problem,
  );
}

/**
 * Places the glyphs in the plot box: one scale for both axes (a UMAP map has no units, but its distances
 * mean something, so the aspect is kept), y up as in a usual chart, the data centred.
 */
export function computeDatasetMap(input: DatasetMapInput): DatasetMapModel | { problem: PropProblem } {
  const problem = checkDatasetMapInput(input);
  if (problem) return { problem };
  const data = sanitizeDatasetMapData(input.data).value!;
  const radicals = sanitizeDatasetMapRadicals(input.radicals).value!;
  const { width, height } = input;
  const innerW = width - 2 * PLOT_MARGIN;
  const innerH = height - 2 * PLOT_MARGIN;
  const fit = fitToSquare(data, 1);
  // The longer data side spans [-1, 1]; the shorter box side is fitted to [-1, 1] too.
  const unit = Math.min(innerW, innerH) / 2;
  const xScale = scaleLinear<number>({
    domain: [-innerW / 2 / unit, innerW / 2 / unit],
    range: [PLOT_MARGIN, width - PLOT_MARGIN],
  });
  const yScale = scaleLinear<number>({
    domain: [-innerH / 2 / unit, innerH / 2 / unit],
    range: [height - PLOT_MARGIN, PLOT_MARGIN],
  });
  const byRadical = new Map(radicals.map((r) => [r.radical, r]));
  const counts = new Map<number, number>();
  const points = data.map((entry, index): DatasetMapPlotPoint => {
    const r = byRadical.get(entry.radical);
    if (r) counts.set(r.radical, (counts.get(r.radical) ?? 0) + 1);
    return {
      index,
      entry,
      px: xScale((entry.x - fit.cx) * fit.scale),
      py: yScale((entry.y - fit.cy) * fit.scale),
      color: r?.color ?? OTHER_COLOR,
      radicalName: r?.name ?? null,
    };
  });
  const legend = radicals.map((r) => ({ ...r, count: counts.get(r.radical) ?? 0 }));
  const highlighted = legend.reduce((s, l) => s + l.count, 0);
  return { points, legend, otherCount: data.length - highlighted };
}

/** The dataset map's model, memoised on its inputs. */
export function useDatasetMap(input: DatasetMapInput): DatasetMapModel | { problem: PropProblem } {
  const { data, radicals, width, height, pointRadius } = input;
  return useMemo(
    () => computeDatasetMap({ data, radicals, width, height, pointRadius }),
    [data, radicals, width, height, pointRadius],
  );
}
