import { themeVar as v } from '../../theme/theme';

/**
 * NoiseScheduleChart's own rules: the legend; the small multiples, wrapping, each at most as wide as the figure; a
 * panel's title and tooltip; the timestep slider's row; the table of values at t, scrolling sideways on a narrow page.
 */
export const NOISE_SCHEDULE_CHART_CSS = `
.dk-noise-schedule-legend { display: flex; flex-wrap: wrap; gap: ${v('space1')} ${v('space4')}; list-style: none;
  margin: ${v('space1')} 0 ${v('space2')}; padding: 0; font-size: ${v('textSm')}; }
.dk-noise-schedule-legend > li { display: inline-flex; align-items: center; gap: ${v('space2')}; min-width: 0; }
.dk-noise-schedule-swatch { flex: none; vertical-align: middle; }
.dk-noise-schedule-panels { display: flex; flex-wrap: wrap; gap: ${v('space3')}; min-width: 0; }
.dk-noise-schedule-panel { position: relative; margin: 0; max-width: 100%; min-width: 0; }
.dk-noise-schedule-panel > svg { touch-action: pan-y; }
.dk-noise-schedule-panel-title { font-size: ${v('textSm')}; font-weight: 600; margin: 0 0 ${v('space1')};
  padding-left: ${v('space1')}; }
.dk-noise-schedule-crosshair { stroke: ${v('text')}; stroke-width: 1; stroke-opacity: 0.6; }
.dk-noise-schedule-dot { stroke: ${v('background')}; stroke-width: 1; }
.dk-noise-schedule-tooltip { position: absolute; top: ${v('space5')}; pointer-events: none;
  background: ${v('surface')}; border: ${v('borderWidth')} solid ${v('border')}; border-radius: ${v('radius')};
  padding: ${v('space1')} ${v('space2')}; font-size: ${v('textXs')}; line-height: 1.4;
  font-variant-numeric: tabular-nums; }
.dk-noise-schedule-tooltip-t { font-weight: 600; }
.dk-noise-schedule-tooltip-value { white-space: nowrap; }
.dk-field.dk-noise-schedule-time { flex: 0 1 auto; flex-wrap: nowrap; white-space: nowrap; }
.dk-noise-schedule-time > .dk-slider { flex: 0 1 auto; min-width: 80px; }
.dk-noise-schedule-time > output { min-width: 3ch; }
.dk-noise-schedule-readout-scroll { overflow-x: auto; max-width: 100%; margin-top: ${v('space1')}; }
.dk-noise-schedule-readout { border-collapse: collapse; font-size: ${v('textSm')}; font-variant-numeric: tabular-nums; }
.dk-noise-schedule-readout th, .dk-noise-schedule-readout td { padding: 0 ${v('space3')} ${v('space1')} 0;
  text-align: right; vertical-align: bottom; }
.dk-noise-schedule-readout td { white-space: nowrap; }
.dk-noise-schedule-readout th { color: ${v('muted')}; font-weight: 500; max-width: 16em; }
.dk-noise-schedule-readout th:first-child { text-align: left; white-space: nowrap; }
`;
