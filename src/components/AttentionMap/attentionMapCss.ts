import { themeVar as v } from '../../theme/theme';

/** AttentionMap's own rules: the word toolbar, the glyph panel and its canvas, the colour scale, the opacity slider. */
export const ATTENTION_MAP_CSS = `
.dk-attention-map-words { display: flex; flex-wrap: wrap; gap: ${v('space2')}; margin: ${v('space2')} 0; }
.dk-attention-map-share { margin-left: ${v('space2')}; font-size: ${v('textSm')}; color: ${v('muted')};
  font-variant-numeric: tabular-nums; font-weight: 400; }
.dk-attention-map-panel { margin: ${v('space2')} 0 ${v('space1')}; min-width: 0; }
.dk-attention-map-canvas { display: block; max-width: 100%; height: auto; background: ${v('surface')}; }
.dk-attention-map-scale { display: flex; align-items: center; gap: ${v('space2')}; }
.dk-attention-map-scale-bar { display: inline-block; flex: 0 1 160px; min-width: 40px; height: 8px;
  border-radius: 2px; }
.dk-attention-map-opacity { width: 120px; }
`;
