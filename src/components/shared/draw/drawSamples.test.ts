import { describe, expect, it } from 'vitest';
import { gridLayout, gridPixelSize, paintSampleGrid, parseCssColor } from './drawSamples';

describe('gridLayout', () => {
  it('is as square as possible and never taller than wide', () => {
    expect(gridLayout(16)).toEqual({ columns: 4, rows: 4 });
    expect(gridLayout(5)).toEqual({ columns: 3, rows: 2 });
    expect(gridLayout(2)).toEqual({ columns: 2, rows: 1 });
    expect(gridLayout(1)).toEqual({ columns: 1, rows: 1 });
    expect(gridLayout(6, 6)).toEqual({ columns: 6, rows: 1 });
    expect(gridLayout(3, 10)).toEqual({ columns: 3, rows: 1 });
  });

  it('sizes the grid with gaps between cells only', () => {
    // 4 columns of 10 px + 3 gaps of 2 px = 46
    expect(gridPixelSize(16, 10, 2)).toEqual({ width: 46, height: 46 });
    expect(gridPixelSize(5, 8, 1)).toEqual({ width: 26, height: 17 });
  });
});

describe('paintSampleGrid', () => {
  const paper = [255, 255, 255] as const;
  const ink = [0, 0, 0] as const;
  const gap = [10, 20, 30] as const;
  // Two 2x2 one-channel images: [0, 255; 51, 255] and [255, 0; 0, 0].
  const bytes = new Uint8Array([0, 255, 51, 255, 255, 0, 0, 0]);
  const shape = { count: 2, channels: 1, width: 2, height: 2 };
  const out = paintSampleGrid(bytes, shape, { cellPx: 4, gapPx: 1, paper, ink, gap });
  const px = (x: number, y: number) => Array.from(out.data.slice((y * out.width + x) * 4, (y * out.width + x) * 4 + 4));

  it('lays the cells out side by side with a gap', () => {
    expect(out.width).toBe(9);
    expect(out.height).toBe(4);
    expect(px(4, 0)).toEqual([10, 20, 30, 255]);
    expect(px(4, 3)).toEqual([10, 20, 30, 255]);
  });

  it('scales each image pixel to a 2x2 block and blends paper to ink', () => {
    expect(px(0, 0)).toEqual([255, 255, 255, 255]); // byte 0: paper
    expect(px(1, 1)).toEqual([255, 255, 255, 255]);
    expect(px(2, 0)).toEqual([0, 0, 0, 255]); // byte 255: ink
    expect(px(3, 1)).toEqual([0, 0, 0, 255]);
    expect(px(0, 2)).toEqual([204, 204, 204, 255]); // byte 51: 255 - 0.2 * 255
    expect(px(5, 0)).toEqual([0, 0, 0, 255]); // second image, top-left = 255
    expect(px(7, 0)).toEqual([255, 255, 255, 255]);
  });

  it('leaves unused cells in the gap colour', () => {
    const three = paintSampleGrid(
      new Uint8Array(3 * 4),
      { ...shape, count: 3 },
      { cellPx: 2, gapPx: 0, paper, ink, gap },
    );
    // 2 columns x 2 rows of 2 px; the fourth cell (bottom right) is unused.
    expect(three.width).toBe(4);
    const at = (x: number, y: number) => Array.from(three.data.slice((y * 4 + x) * 4, (y * 4 + x) * 4 + 3));
    expect(at(3, 3)).toEqual([10, 20, 30]);
    expect(at(1, 3)).toEqual([255, 255, 255]);
  });
});

describe('parseCssColor', () => {
  it('reads hex and rgb() notations', () => {
    expect(parseCssColor('#fff')).toEqual([255, 255, 255]);
    expect(parseCssColor('#1b1f24')).toEqual([27, 31, 36]);
    expect(parseCssColor('#1B1F24cc')).toEqual([27, 31, 36]);
    expect(parseCssColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseCssColor(' rgba(10 20 30 / 0.5)')).toEqual([10, 20, 30]);
    expect(parseCssColor('hsl(0 0% 0%)')).toBeNull();
  });
});

describe('paintSampleGrid in colour', () => {
  const paper = [250, 250, 250] as const;
  const opts = { cellPx: 1, gapPx: 0, paper, ink: [0, 0, 0] as const, gap: [0, 0, 0] as const };
  const px = (out: { data: Uint8ClampedArray }, i: number) => Array.from(out.data.slice(i * 4, i * 4 + 4));
  // Batches of 1 x 1 images, one cell of 1 px each, side by side: [image][channel].

  it('paints RGB bytes as they are', () => {
    const out = paintSampleGrid(
      new Uint8Array([255, 0, 10, /* image 2 */ 0, 255, 20]),
      { count: 2, channels: 3, width: 1, height: 1 },
      opts,
    );
    expect([px(out, 0), px(out, 1)]).toEqual([
      [255, 0, 10, 255],
      [0, 255, 20, 255],
    ]);
  });

  it('blends RGBA over the paper colour by alpha', () => {
    // Opaque red, transparent (paper), black at alpha 0.2.
    const bytes = new Uint8Array([255, 0, 0, 255, /* */ 9, 9, 9, 0, /* */ 0, 0, 0, 51]);
    const out = paintSampleGrid(bytes, { count: 3, channels: 4, width: 1, height: 1 }, opts);
    expect([px(out, 0), px(out, 1), px(out, 2)]).toEqual([
      [255, 0, 0, 255],
      [250, 250, 250, 255],
      [200, 200, 200, 255],
    ]);
  });

  it('blends grey + alpha over the paper colour too', () => {
    const out = paintSampleGrid(
      new Uint8Array([255, 255, /* */ 255, 0]),
      { count: 2, channels: 2, width: 1, height: 1 },
      opts,
    );
    expect([px(out, 0), px(out, 1)]).toEqual([
      [0, 0, 0, 255],
      [250, 250, 250, 255],
    ]);
  });
});
