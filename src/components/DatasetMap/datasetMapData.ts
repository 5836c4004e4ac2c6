import { DATASET_MAP_RECORDS } from '../../data/datasetMap.generated';

/** One glyph on the map: where UMAP put it, what it is, and its pixels. */
export interface DatasetMapEntry {
  /** Map coordinates (any units: the figure fits them to its box). */
  x: number;
  y: number;
  /** The character, e.g. '泳'. */
  char: string;
  /** Its Unihan English definition (the model's prompt for it). */
  definition: string;
  /** Kangxi radical number; 0 when unknown. */
  radical: number;
  /** Optional pixels: base64 of size x size grey bytes, row-major, ink = 255. */
  data?: string;
}

/** A radical the map colours, with the word for it and its colour (any CSS colour). */
export interface DatasetMapRadical {
  radical: number;
  name: string;
  color: string;
}

/**
 * The six radicals of the model's radical test (`training/evaluate.py`), each coloured through a CSS custom
 * property so a page can restyle them: `--dk-radical-<number>`. Water, fire and grass follow the theme's
 * accents (so they switch with the dark theme); metal, tree and speech are mid-tones that read on both.
 */
export const DATASET_MAP_RADICALS: readonly DatasetMapRadical[] = [
  { radical: 167, name: 'metal', color: 'var(--dk-radical-167, #c28a00)' },
  { radical: 85, name: 'water', color: 'var(--dk-radical-85, var(--dk-accent, #2f6fde))' },
  { radical: 75, name: 'tree', color: 'var(--dk-radical-75, #9c6b30)' },
  { radical: 140, name: 'grass', color: 'var(--dk-radical-140, var(--dk-accent3, #2b8a3e))' },
  { radical: 149, name: 'speech', color: 'var(--dk-radical-149, #8e5cc4)' },
  { radical: 86, name: 'fire', color: 'var(--dk-radical-86, var(--dk-accent2, #d9480f))' },
];

/** The 400 real glyphs shipped with the kit, placed by a UMAP of their pixels computed at build time. */
export function datasetMapEntries(): readonly DatasetMapEntry[] {
  return DATASET_MAP_RECORDS;
}

/** Centre and scale that fit a set of points so that its longer side spans [-half, half], aspect kept. */
export function fitToSquare(
  points: ReadonlyArray<{ x: number; y: number }>,
  half: number,
): { cx: number; cy: number; scale: number } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  const span = Math.max(x1 - x0, y1 - y0);
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, scale: span > 0 ? (2 * half) / span : 1 };
}

/** Options of {@link datasetMapPoints}. */
export interface DatasetMapPointsOptions {
  /** Keep only glyphs of these radicals (default: all 400). */
  radicals?: readonly number[];
  /** Half-width of the square the map is fitted into (default 2: the longer side spans [-2, 2]). */
  half?: number;
}

/**
 * The dataset map as plain [x, y] points, centred and scaled so the longer side spans [-2, 2]: ready to be
 * the `data` of ScoreFieldPlot, which takes points as a kernel density estimate. The fit is computed over all
 * 400 glyphs, so a radical's subset keeps its place on the map.
 */
export function datasetMapPoints(options: DatasetMapPointsOptions = {}): Array<[number, number]> {
  const all = datasetMapEntries();
  const { cx, cy, scale } = fitToSquare(all, options.half ?? 2);
  const keep = options.radicals ? new Set(options.radicals) : null;
  return all.filter((e) => !keep || keep.has(e.radical)).map((e) => [(e.x - cx) * scale, (e.y - cy) * scale]);
}

const pixelCache = new Map<string, Uint8Array | null>();

/** The entry's pixels as bytes (decoded once), or null when it has none or they are not a square image. */
export function entryPixels(entry: DatasetMapEntry): { bytes: Uint8Array; size: number } | null {
  if (!entry.data) return null;
  let bytes = pixelCache.get(entry.data);
  if (bytes === undefined) {
    try {
      const binary = atob(entry.data);
      bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    } catch {
      bytes = null;
    }
    pixelCache.set(entry.data, bytes);
  }
  if (!bytes) return null;
  const size = Math.round(Math.sqrt(bytes.length));
  return size > 0 && size * size === bytes.length ? { bytes, size } : null;
}
