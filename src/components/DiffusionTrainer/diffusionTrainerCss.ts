import { themeVar as v } from '../../theme/theme';

/**
 * DiffusionTrainer's own rules: the readout, the rows of square panels and charts (each at most its natural width,
 * shrinking with a narrow page, aspect kept), their titles and legends, and the drawing pad (a touch surface: no
 * panning or zooming while the reader draws).
 */
export const DIFFUSION_TRAINER_CSS = `
.dk-diffusion-trainer-readout { margin: ${v('space2')} 0 0; }
.dk-diffusion-trainer-panels { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${v('space3')} ${v('space4')};
  margin: ${v('space3')} 0 0; min-width: 0; }
.dk-diffusion-trainer-panel { display: grid; gap: ${v('space1')}; flex: 0 1 auto; max-width: 100%; min-width: 0; }
.dk-diffusion-trainer-title { font-size: ${v('textSm')}; font-weight: 600; margin: 0; }
.dk-diffusion-trainer-plot { display: block; width: 100%; height: auto; }
.dk-diffusion-trainer-pad { cursor: crosshair; touch-action: none; user-select: none; -webkit-user-select: none; }
.dk-diffusion-trainer-tick { font-size: ${v('textXs')}; fill: ${v('muted')}; font-variant-numeric: tabular-nums; }
.dk-diffusion-trainer-note { font-size: ${v('textSm')}; fill: ${v('muted')}; }
.dk-diffusion-trainer-legend { display: flex; flex-wrap: wrap; gap: ${v('space1')} ${v('space3')};
  font-size: ${v('textSm')}; color: ${v('muted')}; }
.dk-diffusion-trainer-key { display: inline-flex; align-items: center; gap: ${v('space1')}; }
.dk-diffusion-trainer-t .dk-slider { width: 160px; flex: 1 1 auto; }
`;
