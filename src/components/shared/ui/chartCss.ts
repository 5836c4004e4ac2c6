import { themeVar as v } from '../../../theme/theme';

/**
 * The rules of the charts drawn with `ChartFrame` and `ChartAxis` (GaussianSampler, NoiseScheduleChart): the SVG never
 * wider than its box, its height following its aspect, axis labels allowed past its edge; the box that sizes it; the
 * axes in the muted colour.
 */
export const CHART_CSS = `
.dk-chart { display: block; max-width: 100%; height: auto; overflow: visible; }
.dk-chart-box { max-width: 100%; min-width: 0; }
.dk-chart-axes { color: ${v('muted')}; }
`;
