import { useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../../hooks/useIsomorphicLayoutEffect';
import { themeVar } from '../../../theme/theme';
import { clearSampleGrid, drawSampleGrid, gridPixelSize, type BatchShape } from '../draw/drawSamples';

/** Props of {@link SampleGridCanvas}. */
export interface SampleGridCanvasProps {
  /** Display bytes of a batch (see `sampleBytes.ts`), or null for an empty grid. */
  bytes: Uint8Array | null;
  /** The batch's shape. */
  shape: BatchShape;
  /** Side of one image in CSS pixels. */
  cellSize: number;
  /** Space between images in CSS pixels. */
  gap?: number;
  /** Accessible name of the picture. */
  label: string;
}

/** A canvas showing a batch of images as a grid, redrawn when its bytes change (one immutable buffer each time). */
export function SampleGridCanvas({ bytes, shape, cellSize, gap = 2, label }: SampleGridCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const size = gridPixelSize(shape.count, cellSize, gap);
  useIsomorphicLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (bytes) drawSampleGrid(canvas, bytes, shape, { cellSize, gap });
    else clearSampleGrid(canvas);
    // The shape's fields, not its object identity, decide a redraw.
  }, [bytes, cellSize, gap, shape.count, shape.channels, shape.width, shape.height]);
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      width={size.width}
      height={size.height}
      style={{ width: size.width, height: size.height, display: 'block', imageRendering: 'pixelated', background: themeVar('surface') }}
    />
  );
}
