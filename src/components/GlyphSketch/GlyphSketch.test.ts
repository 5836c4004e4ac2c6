import { describe, expect, it } from 'vitest';
import { getGlyph } from '../../data/glyphs';
import { checkGlyphSketchProps } from './GlyphSketch';
import { sketchSteps } from './describeGlyphSketch';
import { inkCount } from './sketchCells';
import { cellsKey, cellsOfKey, glyphCells, leftMask, roughWaterSketch } from './sketchPresets';
import { inkToModel, modelTakesSketches } from './useGlyphSketch';

const manifest = (image: Record<string, unknown>) => ({ manifest: { image } }) as never;

describe('GlyphSketch presets and maths', () => {
  it('keys cells to two hex digits each and back', () => {
    const cells = Float32Array.from({ length: 1024 }, (_, i) => (i % 7) / 6);
    const key = cellsKey(cells);
    expect(key).toHaveLength(2048);
    const back = cellsOfKey(key);
    for (let i = 0; i < cells.length; i++) expect(Math.abs(back[i]! - cells[i]!)).toBeLessThanOrEqual(0.5 / 255 + 1e-6);
  });

  it('masks the left third and draws the rough water radical there only', () => {
    const mask = leftMask();
    expect(inkCount(mask)).toBe(32 * 11);
    expect(mask[10]).toBe(1);
    expect(mask[11]).toBe(0);
    const water = roughWaterSketch();
    expect(inkCount(water)).toBeGreaterThan(20);
    for (let r = 0; r < 32; r++) for (let c = 11; c < 32; c++) expect(water[r * 32 + c]).toBe(0);
    expect(Array.from(glyphCells('泡'))).toEqual(Array.from(getGlyph('泡')!.data));
  });

  it('maps ink to the model range by its ink and background values', () => {
    const cells = Float32Array.from([0, 0.5, 1]);
    expect(Array.from(inkToModel(cells, manifest({ range: [-1, 1], channels: 1 })))).toEqual([-1, 0, 1]);
    expect(Array.from(inkToModel(cells, manifest({ range: [-1, 1], ink: -1, background: 1, channels: 1 })))).toEqual([
      1, 0, -1,
    ]);
    expect(modelTakesSketches(manifest({ width: 32, height: 32, channels: 1 }))).toBe(true);
    expect(modelTakesSketches(manifest({ width: 64, height: 64, channels: 3 }))).toBe(false);
  });

  it('counts the steps of a run as diffusers img2img does', () => {
    expect(sketchSteps('finish', 15, 0.6)).toBe(9);
    expect(sketchSteps('finish', 8, 0.6)).toBe(4);
    expect(sketchSteps('finish', 10, 0)).toBe(0);
    expect(sketchSteps('finish', 10, 1)).toBe(10);
    expect(sketchSteps('repaint', 10, 0.2)).toBe(10);
  });

  it('checks its props', () => {
    expect(checkGlyphSketchProps({}).problem).toBeNull();
    expect(checkGlyphSketchProps({ glyph: '泡' }).problem).toBeNull();
    expect(checkGlyphSketchProps({ glyph: '泡泡' }).problem?.prop).toBe('glyph');
    expect(checkGlyphSketchProps({ strength: 2 }).problem?.message).toMatch(/strength must be a number from 0 to 1/);
  });
});
