import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLYPH_RECORDS } from '../../data/glyphs.generated';
import { DATASET_MAP_RADICALS, datasetMapEntries, datasetMapPoints, entryPixels, fitToSquare } from './datasetMapData';
import { describeDatasetMap } from './describeDatasetMap';
import { directionOfKey } from '../../hooks/useGridCursor';
import { nearestInDirection, nearestPoint } from './nearestInDirection';
import { type DatasetMapModel, computeDatasetMap } from './useDatasetMap';

const shipped = JSON.parse(readFileSync(new URL('../../../assets/data/glyphs.json', import.meta.url), 'utf8')) as {
  glyphs: Array<{ char: string; definition: string; radical: number }>;
};

const base = { radicals: DATASET_MAP_RADICALS, width: 480, height: 480, pointRadius: 4 };
const entry = (x: number, y: number, radical = 0, char = 'a') => ({ x, y, char, definition: `def ${char}`, radical });

describe('the generated dataset map', () => {
  const entries = datasetMapEntries();

  it('holds every shipped glyph of glyphs.json, in order, with its definition and radical', () => {
    expect(entries).toHaveLength(400);
    expect(entries).toHaveLength(shipped.glyphs.length);
    entries.forEach((e, i) => {
      expect(e.char).toBe(shipped.glyphs[i]!.char);
      expect(e.definition).toBe(shipped.glyphs[i]!.definition);
      expect(e.radical).toBe(Number(shipped.glyphs[i]!.radical));
    });
  });

  it('has finite coordinates rounded to 4 decimals', () => {
    for (const e of entries) {
      for (const v of [e.x, e.y]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(v * 1e4 - Math.round(v * 1e4))).toBeLessThan(1e-6);
      }
    }
  });

  it('carries 32 x 32 pixels equal to those of the glyph module (same atlas, decoded by the other script)', () => {
    const others = GLYPH_RECORDS.filter((r) => r.size === 32);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) {
      const e = entries.find((x) => x.char === r.char)!;
      expect(e.data).toBe(r.data);
      const px = entryPixels(e)!;
      expect(px.size).toBe(32);
      expect(px.bytes.length).toBe(1024);
      expect(Math.max(...px.bytes)).toBeGreaterThan(200); // there is ink
    }
  });

  it('puts look-alike glyphs close: map neighbours differ less in pixels than random pairs do', () => {
    const pixels = entries.map((e) => entryPixels(e)!.bytes);
    const pixelDistance = (a: number, b: number) => {
      let s = 0;
      for (let k = 0; k < 1024; k++) s += (pixels[a]![k]! - pixels[b]![k]!) ** 2;
      return Math.sqrt(s);
    };
    let neighbours = 0;
    let shifted = 0;
    for (let i = 0; i < entries.length; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < entries.length; j++) {
        const d = j === i ? Infinity : Math.hypot(entries[i]!.x - entries[j]!.x, entries[i]!.y - entries[j]!.y);
        if (d < bestD) [best, bestD] = [j, d];
      }
      neighbours += pixelDistance(i, best);
      shifted += pixelDistance(i, (i + 200) % entries.length); // an unrelated glyph
    }
    expect(neighbours / entries.length).toBeLessThan(0.85 * (shifted / entries.length));
  });

  it('gathers each test radical: its glyphs are closer to each other than glyphs are on average', () => {
    const spread = (list: readonly { x: number; y: number }[]) => {
      const mx = list.reduce((s, p) => s + p.x, 0) / list.length;
      const my = list.reduce((s, p) => s + p.y, 0) / list.length;
      return Math.sqrt(list.reduce((s, p) => s + (p.x - mx) ** 2 + (p.y - my) ** 2, 0) / list.length);
    };
    const all = spread(entries);
    const tighter = DATASET_MAP_RADICALS.filter(
      (r) => spread(entries.filter((e) => e.radical === r.radical)) < 0.8 * all,
    );
    expect(tighter.length).toBeGreaterThanOrEqual(4);
  });
});

describe('datasetMapPoints', () => {
  it('centres the map and scales its longer side to span [-2, 2]', () => {
    const pts = datasetMapPoints();
    expect(pts).toHaveLength(400);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    expect(Math.max(spanX, spanY)).toBeCloseTo(4, 10);
    expect(Math.max(...xs) + Math.min(...xs)).toBeCloseTo(0, 10);
    expect(Math.max(...ys) + Math.min(...ys)).toBeCloseTo(0, 10);
    // The aspect is kept: spans are in the ratio of the raw map's spans.
    const entries = datasetMapEntries();
    const rawX = Math.max(...entries.map((e) => e.x)) - Math.min(...entries.map((e) => e.x));
    const rawY = Math.max(...entries.map((e) => e.y)) - Math.min(...entries.map((e) => e.y));
    expect(spanX / spanY).toBeCloseTo(rawX / rawY, 10);
  });

  it('keeps a radical subset in its place on the whole map', () => {
    const all = datasetMapPoints();
    const water = datasetMapPoints({ radicals: [85] });
    const indices = datasetMapEntries().flatMap((e, i) => (e.radical === 85 ? [i] : []));
    expect(water).toHaveLength(indices.length);
    expect(water).toEqual(indices.map((i) => all[i]));
  });

  it('fitToSquare: hand-computed centre and scale', () => {
    // x spans 0..4, y spans 0..2: centre (2, 1), the longer side 4 maps to 2 * half = 4.
    expect(
      fitToSquare(
        [
          { x: 0, y: 0 },
          { x: 4, y: 2 },
        ],
        2,
      ),
    ).toEqual({ cx: 2, cy: 1, scale: 1 });
    expect(
      fitToSquare(
        [
          { x: -1, y: 5 },
          { x: 1, y: 9 },
        ],
        1,
      ),
    ).toEqual({ cx: 0, cy: 7, scale: 0.5 });
    // A single point: no span, scale 1.
    expect(fitToSquare([{ x: 3, y: 3 }], 2)).toEqual({ cx: 3, cy: 3, scale: 1 });
  });
});

describe('keyboard navigation', () => {
  // Screen coordinates, y down. 0 is the origin.
  const pts = [
    { px: 0, py: 0 },
    { px: 10, py: 0 }, // 1: right, distance 10
    { px: 5, py: 8 }, // 2: below-right, distance 9.43: nearer, but outside the right cone (8 > 5)
    { px: 3, py: -20 }, // 3: far above
  ];

  it('moves to the nearest point inside the 90-degree cone of the key', () => {
    expect(nearestInDirection(pts, 0, 'right')).toBe(1);
    expect(nearestInDirection(pts, 0, 'down')).toBe(2); // along 8, across 5: in the cone
    expect(nearestInDirection(pts, 0, 'up')).toBe(3);
    expect(nearestInDirection(pts, 0, 'left')).toBeNull();
    // From (10, 0) leftwards: point 2 is nearer (along 5, across 8) but outside the cone; point 0 (along 10) is in it.
    expect(nearestInDirection(pts, 1, 'left')).toBe(0);
  });

  it('falls back to the nearest point on that side when the cone is empty', () => {
    expect(
      nearestInDirection(
        [
          { px: 0, py: 0 },
          { px: 2, py: 10 },
          { px: 1, py: -30 },
        ],
        0,
        'right',
      ),
    ).toBe(1);
  });

  it('maps arrow keys to directions and ignores other keys', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter'].map(directionOfKey)).toEqual([
      'left',
      'right',
      'up',
      'down',
      null,
    ]);
  });

  it('nearestPoint picks within a radius', () => {
    expect(nearestPoint(pts, 9, 1, 5)).toBe(1);
    expect(nearestPoint(pts, 50, 50, 5)).toBeNull();
    expect(nearestPoint(pts, 50, 50)).toBe(2);
  });
});

describe('computeDatasetMap', () => {
  it('places points with one scale for both axes, y up, centred (hand-computed)', () => {
    // Box 400 x 200, margin 14: inner 372 x 172, so 172 / 2 = 86 px per unit around the centre (200, 100).
    // Data (0, 0) and (4, 2) fit to (-1, -0.5) and (1, 0.5); y grows upwards.
    const model = computeDatasetMap({
      ...base,
      width: 400,
      height: 200,
      data: [entry(0, 0), entry(4, 2)],
    }) as DatasetMapModel;
    expect(model.points[0]!.px).toBeCloseTo(200 - 86, 9);
    expect(model.points[0]!.py).toBeCloseTo(100 + 43, 9);
    expect(model.points[1]!.px).toBeCloseTo(200 + 86, 9);
    expect(model.points[1]!.py).toBeCloseTo(100 - 43, 9);
  });

  it('colours the highlighted radicals, greys the rest and counts both', () => {
    const data = [entry(0, 0, 85), entry(1, 0, 85), entry(2, 0, 86), entry(3, 0, 30), entry(4, 0, 0)];
    const model = computeDatasetMap({ ...base, data }) as DatasetMapModel;
    expect(model.points.map((p) => p.radicalName)).toEqual(['water', 'water', 'fire', null, null]);
    expect(model.points[0]!.color).toContain('--dk-radical-85');
    expect(model.points[3]!.color).toContain('--dk-muted');
    expect(model.legend.find((l) => l.radical === 85)!.count).toBe(2);
    expect(model.legend.find((l) => l.radical === 167)!.count).toBe(0);
    expect(model.otherCount).toBe(2);
  });

  it('the shipped map: 24 glyphs of each test radical, 256 others', () => {
    const model = computeDatasetMap({ ...base, data: datasetMapEntries() }) as DatasetMapModel;
    expect(model.legend.map((l) => [l.radical, l.count])).toEqual([
      [167, 24],
      [85, 24],
      [75, 24],
      [140, 24],
      [149, 24],
      [86, 24],
    ]);
    expect(model.otherCount).toBe(400 - 6 * 24);
    for (const p of model.points) {
      expect(p.px).toBeGreaterThanOrEqual(14 - 1e-9);
      expect(p.px).toBeLessThanOrEqual(480 - 14 + 1e-9);
      expect(p.py).toBeGreaterThanOrEqual(14 - 1e-9);
      expect(p.py).toBeLessThanOrEqual(480 - 14 + 1e-9);
    }
    expect(describeDatasetMap(model)).toMatch(
      /^Scatter plot of 400 glyphs placed by UMAP.*metal \(radical 167\): 24.*256 others in grey/,
    );
  });

  it('names the bad prop and the accepted range', () => {
    const problem = (input: Partial<Parameters<typeof computeDatasetMap>[0]>) =>
      (computeDatasetMap({ ...base, data: [entry(0, 0)], ...input }) as { problem: { prop: string; message: string } })
        .problem;
    expect(problem({ width: Number.NaN })).toEqual({
      prop: 'width',
      message: 'width must be a number from 160 to 4096; got NaN.',
    });
    expect(problem({ height: 1e7 }).message).toBe('height must be a number from 160 to 4096; got 10000000.');
    expect(problem({ pointRadius: 0 }).prop).toBe('pointRadius');
    expect(problem({ data: [] })).toEqual({ prop: 'data', message: 'data must hold from 1 to 5000 glyphs; got none.' });
    expect(problem({ data: [entry(0, 0), entry(Number.NaN, 1)] }).message).toBe(
      'data[1].x must be a finite number; got NaN.',
    );
    expect(problem({ data: Array.from({ length: 5001 }, () => entry(0, 0)) }).message).toContain('got 5001');
    expect(problem({ radicals: [{ radical: -1, name: 'x', color: 'red' }] }).message).toBe(
      'radicals[0].radical must be an integer at least 0; got -1.',
    );
  });
});
