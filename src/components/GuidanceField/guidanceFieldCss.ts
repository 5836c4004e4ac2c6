import { themeVar as v } from '../../theme/theme';

/**
 * The rules of GuidanceField's root: the plot, its readout, the legend and the controls stacked, at most the plot's
 * width. The plot itself is `PLANE_PLOT_CSS`'s. Selectors are one class deep, prefixed `.dk-guidance-field`.
 */
export const GUIDANCE_FIELD_CSS = `
.dk-guidance-field { position: relative; display: inline-grid; grid-template-columns: minmax(0, 1fr);
  gap: ${v('space2')}; vertical-align: top; }
.dk-guidance-field > .dk-caption { margin: 0; }
`;
