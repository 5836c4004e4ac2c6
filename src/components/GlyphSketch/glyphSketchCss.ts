import { themeVar as v } from '../../theme/theme';

/**
 * GlyphSketch's own rules: the pad and its toolbar side by side (the toolbar wraps under a narrow pad), the pad's
 * square frame (as wide as it is given, up to its `maxWidth`), its canvas scaled with the frame, the keyboard
 * cursor, and the 2 px focus ring of the pad itself.
 */
export const GLYPH_SKETCH_CSS = `
.dk-glyph-sketch-editor { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${v('space2')} ${v('space3')};
  max-width: 100%; min-width: 0; }
.dk-glyph-sketch-pad { position: relative; flex: 1 1 240px; width: 100%; min-width: 0; box-sizing: border-box;
  border: ${v('borderWidth')} solid ${v('border')}; background: ${v('background')}; touch-action: none;
  user-select: none; -webkit-user-select: none; cursor: crosshair; }
.dk-glyph-sketch-pad:focus-visible { outline: ${v('focusRingWidth')} solid ${v('focusRing')}; outline-offset: 2px; }
.dk-glyph-sketch-pad[aria-disabled='true'] { opacity: 0.5; cursor: not-allowed; }
.dk-glyph-sketch-canvas { display: block; width: 100%; height: auto; aspect-ratio: 1; }
.dk-glyph-sketch-cursor { position: absolute; pointer-events: none; box-sizing: border-box;
  outline: 2px solid ${v('accent')}; outline-offset: -1px; }
.dk-glyph-sketch-toolbar { display: flex; flex-direction: column; align-items: flex-start; gap: ${v('space2')};
  flex: 0 1 auto; min-width: 0; max-width: 100%; }
.dk-glyph-sketch-toolbar .dk-select { max-width: 100%; }
.dk-glyph-sketch-body { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${v('space3')}; margin: ${v('space2')} 0;
  min-width: 0; }
.dk-glyph-sketch-body > .dk-glyph-sketch-editor { flex: 0 1 640px; }
.dk-glyph-sketch-results { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${v('space3')};
  flex: 1 1 260px; min-width: 0; }
.dk-glyph-sketch-results > .dk-panel { flex: 0 1 auto; min-width: 0; max-width: 100%; }
.dk-glyph-sketch-strength input { flex: 1 1 140px; max-width: 280px; }
`;
