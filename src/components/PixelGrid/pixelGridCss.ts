import { themeVar as v } from '../../theme/theme';

/**
 * PixelGrid's own rules: the box that measures the space (the grid's natural width, at most 100%), the grid's
 * surface and its cells (SVG or canvas, scaled with the surface), the cell marks and the tooltip; the timestep in
 * the caption.
 */
export const PIXEL_GRID_CSS = `
.dk-pixel-grid-t { font-weight: 400; color: ${v('muted')}; }
.dk-pixel-grid-frame { max-width: 100%; min-width: 0; }
.dk-pixel-grid-surface { position: relative; max-width: 100%; border: ${v('borderWidth')} solid ${v('border')};
  box-sizing: border-box; }
.dk-pixel-grid-cells { display: block; width: 100%; height: auto; image-rendering: pixelated; }
.dk-pixel-grid-mark { position: absolute; pointer-events: none; }
.dk-pixel-grid-cursor { outline: 3px solid ${v('accent')}; outline-offset: -1.5px; }
.dk-pixel-grid-hover { outline: 2px solid ${v('accent2')}; outline-offset: -1px; }
.dk-pixel-grid-tooltip { position: absolute; z-index: 1; pointer-events: none; background: ${v('surface')}; color: ${v('text')}; border: ${v('borderWidth')} solid ${v('border')};
  border-radius: ${v('radius')}; padding: ${v('space1')} ${v('space2')}; font-size: ${v('textSm')};
  font-variant-numeric: tabular-nums; }
`;
