import { gridLayout } from '../shared/draw/drawSamples';
import type { StoredAttention } from './attentionMaps';

/** Options of {@link paintAttentionOverlay}. */
export interface OverlayOptions {
  /** The word whose maps are painted (index into `stored.words`). */
  word: number;
  /** Side of a cell in device pixels, as the glyph grid was painted. */
  cellPx: number;
  /** Space between cells in device pixels. */
  gapPx: number;
  /** Number of columns (default: as square as possible, as the glyph grid). */
  columns?: number;
  /** 256 colours of the colour map, [r, g, b] bytes back to back (`colorLut`). */
  lut: ArrayLike<number>;
  /** Opacity of the heatmap over the glyphs, 0 (glyphs only) to 1 (heatmap only). */
  opacity: number;
  /** Multiplies the stored values (which are fractions of the word's maximum) before the colour map: 1 by default. */
  gain?: number;
}

/**
 * Blends a word's heatmaps over a painted glyph grid (RGBA bytes, `paintSampleGrid`'s layout), in place.
 * Each cell gets its image's r x r map, upsampled bilinearly to the cell (sample centres aligned:
 * u = (x + 0.5) r / cellPx - 0.5), coloured by the map and mixed as out = glyph (1 - opacity) + colour opacity.
 * Gaps stay as they are.
 */
export function paintAttentionOverlay(
  pixels: Uint8ClampedArray,
  imageWidth: number,
  stored: StoredAttention,
  options: OverlayOptions,
): void {
  const { word, cellPx, gapPx, lut } = options;
  const a = Math.min(1, Math.max(0, Number.isFinite(options.opacity) ? options.opacity : 0));
  const gain = options.gain ?? 1;
  if (a === 0 || word < 0 || word >= stored.words.length) return;
  const { count, resolution: r, bytes } = stored;
  const { columns } = gridLayout(count, options.columns);
  const plane = r * r;
  // Bilinear weights of each cell column (and row): the two source samples and the weight of the second.
  const i0 = new Int32Array(cellPx);
  const i1 = new Int32Array(cellPx);
  const f = new Float32Array(cellPx);
  for (let x = 0; x < cellPx; x++) {
    const u = Math.min(r - 1, Math.max(0, ((x + 0.5) * r) / cellPx - 0.5));
    i0[x] = Math.floor(u);
    i1[x] = Math.min(r - 1, i0[x]! + 1);
    f[x] = u - i0[x]!;
  }
  const b = 1 - a;
  for (let n = 0; n < count; n++) {
    const left = (n % columns) * (cellPx + gapPx);
    const top = Math.floor(n / columns) * (cellPx + gapPx);
    const base = (word * count + n) * plane;
    for (let y = 0; y < cellPx; y++) {
      const r0 = base + i0[y]! * r;
      const r1 = base + i1[y]! * r;
      const fy = f[y]!;
      let o = ((top + y) * imageWidth + left) * 4;
      for (let x = 0; x < cellPx; x++, o += 4) {
        const fx = f[x]!;
        const top0 = bytes[r0 + i0[x]!]! * (1 - fx) + bytes[r0 + i1[x]!]! * fx;
        const bottom = bytes[r1 + i0[x]!]! * (1 - fx) + bytes[r1 + i1[x]!]! * fx;
        const v = Math.min(255, Math.max(0, Math.round((top0 * (1 - fy) + bottom * fy) * gain)));
        const c = 3 * v;
        pixels[o] = pixels[o]! * b + lut[c]! * a;
        pixels[o + 1] = pixels[o + 1]! * b + lut[c + 1]! * a;
        pixels[o + 2] = pixels[o + 2]! * b + lut[c + 2]! * a;
      }
    }
  }
}
