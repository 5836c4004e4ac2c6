import { scaleLinear } from '@visx/scale';
import { useMemo } from 'react';
import { themeVar } from '../../theme/theme';
import { type PropProblem, checkNumber, firstProblem } from '../shared/props/propChecks';
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

/** Checks the data: 1 to 5000 entries with finite coordinates and a character. */
function checkData(data: unknown): PropProblem | null {
  if (!Array.isArray(data)) return { prop: 'data', message: `data must be an array of { x, y, char, definition, radical }; got ${data === null ? 'null' : typeof data}.` };
  if (data.length === 0) return { prop: 'data', message: 'data must hold from 1 to 5000 glyphs; got none.' };
  if (data.length > DATASET_MAP_LIMITS.points) return { prop: 'data', message: `data must hold from 1 to 5000 glyphs; got ${data.length}.` };
  for (let i = 0; i < data.length; i++) {
    const e = data[i] as Partial<DatasetMapEntry> | null;
    const p = checkNumber(`data[${i}].x`, e?.x) ?? checkNumber(`data[${i}].y`, e?.y);
    if (p) return { prop: 'data', message: p.message };
    if (typeof e?.char !== 'string') return { prop: 'data', message: `data[${i}].char must be a string; got ${typeof e?.char}.` };
  }
  return null;
}

function checkRadicals(radicals: unknown): PropProblem | null {
  if (!Array.isArray(radicals) || radicals.length > DATASET_MAP_LIMITS.radicals) {
    return { prop: 'radicals', message: `radicals must be an array of at most 12 { radical, name, color }; got ${Array.isArray(radicals) ? `${radicals.length} entries` : typeof radicals}.` };
  }
  for (let i = 0; i < radicals.length; i++) {
    const r = radicals[i] as Partial<DatasetMapRadical> | null;
    const p = checkNumber(`radicals[${i}].radical`, r?.radical, { min: 0, integer: true });
    if (p) return { prop: 'radicals', message: p.message };
    if (typeof r?.name !== 'string' || typeof r?.color !== 'string') return { prop: 'radicals', message: `radicals[${i}] needs a name and a color (strings).` };
  }
  return null;
}

/** Validates the input: the first problem, or null. */
export function checkDatasetMapInput(input: DatasetMapInput): PropProblem | null {
  return firstProblem(
    checkNumber('width', input.width, DATASET_MAP_LIMITS.width),
    checkNumber('height', input.height, DATASET_MAP_LIMITS.height),
    checkNumber('pointRadius', input.pointRadius, DATASET_MAP_LIMITS.pointRadius),
    checkRadicals(input.radicals),
    checkData(input.data),
  );
}

/**
 * Places the glyphs in the plot box: one scale for both axes (a UMAP map has no units, but its distances
 * mean something, so the aspect is kept), y up as in a usual chart, the data centred.
 */
export function computeDatasetMap(input: DatasetMapInput): DatasetMapModel | { problem: PropProblem } {
  const problem = checkDatasetMapInput(input);
  if (problem) return { problem };
  const { data, radicals, width, height } = input;
  const innerW = width - 2 * PLOT_MARGIN;
  const innerH = height - 2 * PLOT_MARGIN;
  const fit = fitToSquare(data, 1);
  // The longer data side spans [-1, 1]; the shorter box side is fitted to [-1, 1] too.
  const unit = Math.min(innerW, innerH) / 2;
  const xScale = scaleLinear<number>({ domain: [-innerW / 2 / unit, innerW / 2 / unit], range: [PLOT_MARGIN, width - PLOT_MARGIN] });
  const yScale = scaleLinear<number>({ domain: [-innerH / 2 / unit, innerH / 2 / unit], range: [height - PLOT_MARGIN, PLOT_MARGIN] });
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
  return useMemo(() => computeDatasetMap({ data, radicals, width, height, pointRadius }), [data, radicals, width, height, pointRadius]);
}
