import { paintSampleGrid, themeRgb } from '../shared/draw/drawSamples';
import { paintAttentionOverlay } from './paintAttention';
import type { AttentionFrame } from './useAttentionMap';
import type { AttentionBase } from './describeAttention';

/** Options of {@link drawAttentionGrid}. */
export interface AttentionDrawOptions {
  /** Which glyphs lie under the heatmap. */
  base: AttentionBase;
  /** The word whose heatmap is laid over them, or -1 for none. */
  word: number;
  /** Side of a cell in CSS pixels. */
  cellSize: number;
  /** Space between cells in CSS pixels. */
  gap: number;
  /** Number of columns (default: as square as possible). */
  columns?: number;
  /** The colour map's 256 colours (`colorLut`). */
  lut: ArrayLike<number>;
  /** Opacity of the heatmap, 0 to 1. */
  opacity: number;
  /** Multiplier of the stored values (1: the word's own maximum at the top of the scale). */
  gain: number;
}

/**
 * Draws one step: the glyph grid in the theme's ink and paper, the word's cross-attention heatmap blended
 * over it, sized for the screen's pixel ratio.
 */
export function drawAttentionGrid(
  canvas: HTMLCanvasElement,
  frame: AttentionFrame,
  options: AttentionDrawOptions,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? Math.min(devicePixelRatio, 3) : 1;
  const cellPx = Math.max(1, Math.round(options.cellSize * ratio));
  const gapPx = Math.round(options.gap * ratio);
  const paper = themeRgb(canvas, ctx, 'background', [255, 255, 255]);
  const ink = themeRgb(canvas, ctx, 'text', [0, 0, 0]);
  const gap = themeRgb(canvas, ctx, 'border', [200, 200, 200]);
  const { columns } = options;
  const image = paintSampleGrid(frame[options.base], frame, { cellPx, gapPx, paper, ink, gap, columns });
  if (frame.attention && options.word >= 0) {
    paintAttentionOverlay(image.data, image.width, frame.attention, {
      word: options.word,
      cellPx,
      gapPx,
      columns,
      lut: options.lut,
      opacity: options.opacity,
      gain: options.gain,
    });
  }
  if (canvas.width !== image.width) canvas.width = image.width;
  if (canvas.height !== image.height) canvas.height = image.height;
  ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
}
