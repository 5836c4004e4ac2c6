import { themeVar as v } from '../../theme/theme';

/**
 * GaussianSampler's own rules: the chart and the table of estimates side by side, wrapping under each other on a
 * narrow page; the table; the legend; the parameters' values in their labels.
 */
export const GAUSSIAN_SAMPLER_CSS = `
.dk-gaussian-sampler-body { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${v('space3')} ${v('space5')};
  min-width: 0; }
.dk-gaussian-sampler-chart { flex: 0 1 auto; }
.dk-gaussian-sampler-readout { border-collapse: collapse; font-size: ${v('textSm')}; font-variant-numeric: tabular-nums;
  margin-top: ${v('space2')}; }
.dk-gaussian-sampler-readout th, .dk-gaussian-sampler-readout td { padding: 0 ${v('space3')} ${v('space1')} 0;
  text-align: right; white-space: nowrap; }
.dk-gaussian-sampler-readout th { color: ${v('muted')}; font-weight: 500; }
.dk-gaussian-sampler-readout th:first-child { text-align: left; }
.dk-gaussian-sampler-readout abbr { text-decoration: underline dotted; cursor: help; }
.dk-gaussian-sampler-legend { display: flex; flex-wrap: wrap; gap: ${v('space1')} ${v('space4')}; list-style: none;
  margin: ${v('space2')} 0 0; padding: 0; font-size: ${v('textSm')}; }
.dk-gaussian-sampler-legend > li { display: inline-flex; align-items: center; gap: ${v('space2')}; }
.dk-gaussian-sampler-legend svg { flex: none; }
.dk-gaussian-sampler-params .dk-slider { flex: 1 1 80px; max-width: 160px; }
.dk-gaussian-sampler-value { display: inline-block; min-width: 3.5em; color: ${v('muted')};
  font-variant-numeric: tabular-nums; }
`;
