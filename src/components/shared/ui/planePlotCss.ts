import { themeVar as v } from '../../../theme/theme';

/**
 * The rules of {@link PlanePlot} and the parts the 2-D field figures (ScoreFieldPlot, GuidanceField) build around
 * it: the plot (a canvas under an SVG of axes, both placed inside a box as wide as the container allows), the
 * sliders that stretch along their row and their readouts. Selectors are one or two classes deep, prefixed
 * `.dk-plane-`.
 */
export const PLANE_PLOT_CSS = `
.dk-plane-plot { position: relative; width: 100%; min-width: 0; }
.dk-plane-canvas { position: absolute; display: block; cursor: crosshair; touch-action: none; }
.dk-plane-axes { position: absolute; left: 0; top: 0; display: block; overflow: visible; pointer-events: none; }
.dk-plane-axes text { font-size: ${v('textXs')}; }
.dk-plane-slider { flex: 1 1 160px; }
.dk-plane-output { min-width: 18ch; }
`;
