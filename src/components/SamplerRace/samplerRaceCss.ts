import { themeVar as v } from '../../theme/theme';

/**
 * SamplerRace's own rules: the lanes share the figure's width (as many to a row as fit at 136 px each, stretched to
 * fill it), each lane's grid fills its lane, and the lanes of a row line up their name, images and readouts (a
 * subgrid: a name on two lines moves no grid down); the chart takes the width it is given; the table of its numbers.
 */
export const SAMPLER_RACE_CSS = `
.dk-sampler-race-steps { min-width: 2ch; }
.dk-sampler-race-lanes { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 136px), 1fr));
  gap: ${v('space3')} ${v('space4')}; list-style: none; padding: 0; margin: ${v('space3')} 0; }
.dk-sampler-race-lane { display: grid; gap: ${v('space1')}; align-content: start; min-width: 0; }
@supports (grid-template-rows: subgrid) {
  .dk-sampler-race-lane { grid-row: span 3; grid-template-rows: subgrid; row-gap: ${v('space1')}; }
}
.dk-sampler-race-lane-name { display: flex; align-items: baseline; align-self: end; gap: ${v('space2')}; font-weight: 600;
  overflow-wrap: anywhere; }
.dk-sampler-race-lane-name > svg { flex: none; }
.dk-sampler-race-lane-detail { font-weight: 400; color: ${v('muted')}; }
.dk-sampler-race-chart-panel { margin: ${v('space4')} 0 0; min-width: 0; }
.dk-sampler-race-chart-title { font-weight: 600; margin: 0 0 ${v('space1')}; }
.dk-sampler-race-chart { min-width: 0; max-width: 100%; }
.dk-sampler-race-chart > svg { display: block; max-width: 100%; height: auto; }
.dk-sampler-race-numbers { font-size: ${v('textSm')}; margin: ${v('space2')} 0 0; }
.dk-sampler-race-numbers > summary { cursor: pointer; color: ${v('muted')}; }
.dk-sampler-race-table-scroll { overflow-x: auto; max-width: 100%; }
.dk-sampler-race-table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: ${v('space1')}; }
.dk-sampler-race-table > caption { text-align: left; caption-side: top; color: ${v('muted')};
  padding-bottom: ${v('space1')}; }
.dk-sampler-race-table th, .dk-sampler-race-table td { padding: 2px ${v('space2')}; text-align: right;
  border-bottom: ${v('borderWidth')} solid ${v('grid')}; white-space: nowrap; }
.dk-sampler-race-table th:first-child { text-align: left; }
.dk-sampler-race-table tbody th { font-weight: 400; }
`;
