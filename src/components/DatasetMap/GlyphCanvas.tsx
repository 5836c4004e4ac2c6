import { useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { useThemeVersion } from '../../theme/useThemeVersion';
import { drawSampleGrid } from '../shared/draw/drawSamples';

/** Props of {@link GlyphCanvas}. */
export interface GlyphCanvasProps {
  /** size x size grey bytes, ink = 255. */
  bytes: Uint8Array;
  size: number;
  /** Side in CSS pixels. */
  display: number;
}

/**
 * One glyph drawn crisp on a canvas, ink in the theme's text colour on its background (drawn in an effect: SSR-safe).
 */
export function GlyphCanvas({ bytes, size, display }: GlyphCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const themeVersion = useThemeVersion(); // ink and paper come from the theme: a switch redraws
  useIsomorphicLayoutEffect(() => {
    if (ref.current)
      drawSampleGrid(
        ref.current,
        bytes,
        { count: 1, channels: 1, width: size, height: size },
        { cellSize: display, gap: 0 },
      );
  }, [bytes, size, display, themeVersion]);
  return (
    <canvas
      ref={ref}
      data-part="glyph"
      aria-hidden="true"
      className="dk-dataset-map-glyph"
      style={{ width: display, height: display }}
    />
  );
}
