import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { getGlyph, listGlyphs } from '../../data/glyphs';
import { createRng, noiseSchedule } from '../../engine';
import { noiseTo } from '../../engine/internal';
import { colorIndex } from './pixelColor';
import { pixelGridLayout } from './pixelGridLayout';
import { boxDownsample, checkPixelImage } from './pixelImage';
import { fromModelRange, resolveSource, toModelRange, usePixelGrid, type PixelGridInput } from './usePixelGrid';

function probe(input: PixelGridInput) {
  let out: ReturnType<typeof usePixelGrid> | undefined;
  function Probe() {
    out = usePixelGrid(input);
    return null;
  }
  renderToString(createElement(Probe));
  return out!;
}

const tiny = { width: 2, height: 2, data: [0, 0.25, 0.5, 1] };
// Shipped glyphs built on the water (85) and tree (75) radicals.
const WATER = listGlyphs().find((g) => g.radical === 85)!.char;
const TREE = listGlyphs().find((g) => g.radical === 75)!.char;

describe('range mapping', () => {
  it('maps [lo, hi] to [-1, 1] and back without clamping', () => {
    expect(Array.from(toModelRange([0, 0.25, 0.5, 1, 1.5], 0, 1))).toEqual([-1, -0.5, 0, 1, 2]);
    expect(Array.from(toModelRange([-1, 0, 1], -1, 1))).toEqual([-1, 0, 1]);
    expect(Array.from(fromModelRange([-1, 0, 1, 3], 0, 255))).toEqual([0, 127.5, 255, 510]);
  });
});

describe('usePixelGrid noising', () => {
  it('equals the engine noiseTo of the image mapped to [-1, 1], mapped back', () => {
    const t = 300;
    const { model } = probe({ image: tiny, t, schedule: 'linear', seed: 7 });
    const abar = noiseSchedule({ betaSchedule: 'linear' }).alphasCumprod;
    const x0 = new Float64Array([-1, -0.5, 0, 1]);
    const { noisy } = noiseTo(x0, t, abar, createRng(7));
    for (let i = 0; i < 4; i++) expect(model!.values[i]).toBeCloseTo((noisy[i]! + 1) / 2, 12);
    expect(model!.signalScale).toBeCloseTo(Math.sqrt(abar[t]!), 15);
    expect(model!.noiseStd).toBeCloseTo(Math.sqrt(1 - abar[t]!), 15);
    expect(Array.from(model!.clean)).toEqual([0, 0.25, 0.5, 1]);
  });

  it('uses the same noise at every t (x_t - sqrt(abar) x0 is proportional to sqrt(1 - abar))', () => {
    const a = probe({ image: tiny, t: 100, seed: 3, range: [-1, 1] }).model!;
    const b = probe({ image: tiny, t: 900, seed: 3, range: [-1, 1] }).model!;
    for (let i = 0; i < 4; i++) {
      const epsA = (a.values[i]! - a.signalScale * tiny.data[i]!) / a.noiseStd;
      const epsB = (b.values[i]! - b.signalScale * tiny.data[i]!) / b.noiseStd;
      expect(epsA).toBeCloseTo(epsB, 10);
    }
  });

  it('shows the clean image without t, and exact (unclamped) values at large t', () => {
    expect(Array.from(probe({ image: tiny }).model!.values)).toEqual([0, 0.25, 0.5, 1]);
    const noisy = probe({ image: { width: 16, height: 16, data: new Array(256).fill(0.5) }, t: 999, seed: 1 }).model!;
    // At t = 999 the values are mostly noise with std sqrt(1 - abar)/2 ~ 0.5 in [0, 1] units: some leave [0, 1].
    expect(Array.from(noisy.values).some((v) => v < 0 || v > 1)).toBe(true);
  });

  it('places a glyph (ink 1) in the display range', () => {
    const g = getGlyph(WATER)!;
    const m = probe({ glyph: WATER, range: [-1, 1] }).model!;
    const i = g.data.findIndex((v) => v === 1);
    expect(i).toBeGreaterThan(-1);
    expect(m.values[i]).toBe(1);
    expect(m.values[0]).toBe(-1);
    expect(m.description).toContain(`glyph ${WATER}`);
  });

  it('describes the noise in words', () => {
    const m = probe({ image: tiny, t: 500, schedule: 'squaredcos_cap_v2' }).model!;
    expect(m.description).toMatch(/timestep 500 of 1000 with the squaredcos_cap_v2 schedule \(seed 0\)/);
    expect(m.description).toMatch(/mapped to \[-1, 1\]/);
  });
});

describe('usePixelGrid bad props', () => {
  it.each([
    [
      { image: { width: 3, height: 2, data: [1, 2, 3] } },
      'image.data',
      /hold width x height = 3 x 2 = 6 values; got 3/,
    ],
    [{ image: { width: 0, height: 2, data: [] } }, 'image.width', /image.width must be an integer from 1 to 512/],
    [{ image: { width: 1, height: 2, data: [0, NaN] } }, 'image.data', /value 1 \(x 0, y 1\) is NaN/],
    [{ image: tiny, t: 1000 }, 't', /t must be an integer from 0 to 999; got 1000/],
    [{ image: tiny, t: -1 }, 't', /t must be an integer/],
    [{ image: tiny, t: 5, schedule: 'cosine' }, 'schedule', /beta_schedule must be one of/],
    [{ image: tiny, downsample: 3 }, 'downsample', /downsample must be an integer from 1 to 2/],
    [
      { image: { width: 4, height: 6, data: new Array(24).fill(0) }, downsample: 4 },
      'downsample',
      /must divide the image size 4 x 6/,
    ],
    [{ image: tiny, range: [1, 0] as const }, 'range', /lo < hi/],
    [{ glyph: '☃' }, 'glyph', /glyph must be one of the shipped characters/],
    [{ glyph: 'x', glyphSize: 64 }, 'glyphSize', /glyphSize must be one of/],
    [{ image: tiny, glyph: 0 }, 'glyph', /either image or glyph/],
    [{ image: tiny, seed: 1.5 }, 'seed', /seed must be an integer/],
  ] as const)('%o -> %s', (input, prop, message) => {
    const out = probe(input as PixelGridInput);
    expect(out.model).toBeNull();
    expect(out.problem!.prop).toBe(prop);
    expect(out.problem!.message).toMatch(message);
  });
});

describe('image helpers', () => {
  it('box-downsamples by the block mean', () => {
    // 4x2 -> 2x1 with factor 2: means of [1,2,5,6] and [3,4,7,8].
    const out = boxDownsample({ width: 4, height: 2, data: [1, 2, 3, 4, 5, 6, 7, 8] }, 2);
    expect(out.width).toBe(2);
    expect(out.height).toBe(1);
    expect(Array.from(out.data)).toEqual([3.5, 5.5]);
    expect(() => boxDownsample(tiny, 3)).toThrow(RangeError);
  });

  it('downsamples a glyph through the hook (128-style use)', () => {
    const src = resolveSource({ glyph: TREE, downsample: 4 });
    const g = getGlyph(TREE)!;
    expect(src.problem).toBeNull();
    if (src.problem) return;
    expect([src.width, src.height]).toEqual([8, 8]);
    let block = 0;
    for (let y = 0; y < 4; y++) for (let x = 4; x < 8; x++) block += g.data[y * 32 + x]!;
    expect(src.data[1]).toBeCloseTo(block / 16, 6);
  });

  it('checks images', () => {
    expect(checkPixelImage('image', tiny)).toBeNull();
    expect(checkPixelImage('image', null)!.message).toMatch(/must be an object/);
  });
});

describe('layout and colour', () => {
  it('uses SVG for small grids with large cells and canvas otherwise', () => {
    const base = { renderer: 'auto', showValues: 'auto' } as const;
    expect(pixelGridLayout({ ...base, width: 8, height: 8, size: 384 })).toEqual({
      cellSize: 48,
      renderer: 'svg',
      showValues: true,
    });
    expect(pixelGridLayout({ ...base, width: 32, height: 32, size: 512 })).toEqual({
      cellSize: 16,
      renderer: 'svg',
      showValues: false,
    });
    expect(pixelGridLayout({ ...base, width: 32, height: 32, size: 384 }).renderer).toBe('canvas');
    expect(pixelGridLayout({ ...base, width: 128, height: 128, size: 384 })).toEqual({
      cellSize: 3,
      renderer: 'canvas',
      showValues: false,
    });
    expect(pixelGridLayout({ ...base, width: 64, height: 64, size: 384, cellSize: 20 }).renderer).toBe('canvas');
    expect(pixelGridLayout({ width: 4, height: 4, size: 384, renderer: 'canvas', showValues: true }).showValues).toBe(
      true,
    );
    expect(pixelGridLayout({ ...base, width: 100, height: 100, size: 384, cellSize: 40 }).showValues).toBe(false);
  });

  it('clamps colours to the range ends', () => {
    expect(colorIndex(-3, 0, 1)).toBe(0);
    expect(colorIndex(0.5, 0, 1)).toBe(128);
    expect(colorIndex(7, 0, 1)).toBe(255);
    expect(colorIndex(0, -1, 1)).toBe(128);
  });
});
