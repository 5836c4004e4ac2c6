import { memo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { formatFixed } from '../shared/format/formatNumber';
import { colorIndex, pixelRgba, textColorOn } from './pixelColor';
import { valueFontSize } from './pixelGridLayout';
import type { PixelGridRendererProps } from './PixelGridSvg';

/**
 * Draws every pixel into an ImageData of width x height, then scales it up to the cells with smoothing off:
 * one putImageData and one drawImage per redraw, whatever the grid size.
 */
export interface CanvasScratch {
  /** A width x height canvas holding one pixel per cell. */
  small: HTMLCanvasElement | null;
  /** Its pixel buffer, reused between redraws. */
  image: ImageData | null;
}

export function drawPixelGrid(canvas: HTMLCanvasElement, props: PixelGridRendererProps, scratch: CanvasScratch): void {
  const { values, width, height, lo, hi, cellSize, lut, showValues, digits } = props;
  const dpr = typeof window !== 'undefined' ? Math.min(3, window.devicePixelRatio || 1) : 1;
  const cssW = width * cellSize;
  const cssH = height * cellSize;
  if (canvas.width !== Math.round(cssW * dpr)) canvas.width = Math.round(cssW * dpr);
  if (canvas.height !== Math.round(cssH * dpr)) canvas.height = Math.round(cssH * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const small = (scratch.small ??= canvas.ownerDocument.createElement('canvas'));
  if (small.width !== width) small.width = width;
  if (small.height !== height) small.height = height;
  const sctx = small.getContext('2d');
  if (!sctx) return;
  if (!scratch.image || scratch.image.width !== width || scratch.image.height !== height)
    scratch.image = sctx.createImageData(width, height);
  const img = scratch.image;
  const px = img.data;
  const channels = props.channels ?? 1;
  for (let i = 0, n = width * height; i < n; i++) {
    if (channels > 1) {
      // Several channels: the pixel's own colour; alpha lets the page show through, as the image would.
      px.set(pixelRgba(values, i, n, channels, lo, hi), i * 4);
      continue;
    }
    const k = colorIndex(values[i]!, lo, hi) * 3;
    px[i * 4] = lut[k]!;
    px[i * 4 + 1] = lut[k + 1]!;
    px[i * 4 + 2] = lut[k + 2]!;
    px[i * 4 + 3] = 255;
  }
  sctx.putImageData(img, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
  if (showValues && channels === 1) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = `${valueFontSize(cellSize, digits)}px system-ui, sans-serif`;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = values[y * width + x]!;
        ctx.fillStyle = textColorOn(lut, colorIndex(v, lo, hi));
        ctx.fillText(formatFixed(v, digits), (x + 0.5) * cellSize, (y + 0.5) * cellSize);
      }
    }
  }
}

/** The canvas renderer: for large grids or small cells. Drawn in a layout effect, so never on the server. */
export const PixelGridCanvas = /* @__PURE__ */ memo(function PixelGridCanvas(props: PixelGridRendererProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<CanvasScratch>({ small: null, image: null });
  useIsomorphicLayoutEffect(() => {
    if (canvasRef.current) drawPixelGrid(canvasRef.current, props, scratch.current);
  });
  const { width, height, cellSize } = props;
  return (
    <canvas
      ref={canvasRef}
      width={width * cellSize}
      height={height * cellSize}
      aria-hidden="true"
      data-part="cells"
      className="dk-pixel-grid-cells"
    />
  );
});
