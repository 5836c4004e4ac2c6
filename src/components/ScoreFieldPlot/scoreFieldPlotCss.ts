import { themeVar as v } from '../../theme/theme';

/**
 * The rules of ScoreFieldPlot: its root (the plot, the readout and the controls stacked, at most its width), the
 * 3-D view (as wide as the container allows, in the plot's proportions) and the box that stands in for it while it
 * loads or where it cannot run. The plot itself is `PLANE_PLOT_CSS`'s. Selectors are one class deep, prefixed
 * `.dk-score-field-`.
 */
export const SCORE_FIELD_PLOT_CSS = `
.dk-score-field-plot { position: relative; display: inline-grid; grid-template-columns: minmax(0, 1fr);
  gap: ${v('space2')}; vertical-align: top; }
.dk-score-field-3d { width: 100%; touch-action: none; cursor: grab; border-radius: ${v('radius')}; }
.dk-score-field-3d:active { cursor: grabbing; }
.dk-score-field-fallback { display: grid; place-items: center; width: 100%; padding: ${v('space3')};
  text-align: center; color: ${v('muted')}; border: ${v('borderWidth')} dashed ${v('border')};
  border-radius: ${v('radius')}; }
`;
