import { themeVar as v } from '../../theme/theme';

/**
 * DenoiseAnimator's own rules: its grids' panels (one, or three side by side, each as wide as its grid and shrinking
 * with the figure, its flex basis set inline from the grid; a title on two lines moves no grid down) and its note.
 */
export const DENOISE_ANIMATOR_CSS = `
.dk-denoise-animator-panels { display: flex; flex-wrap: wrap; gap: ${v('space4')}; margin: ${v('space2')} 0;
  min-width: 0; }
.dk-denoise-animator-panel { flex: 0 1 auto; min-width: 0; display: flex; flex-direction: column;
  justify-content: flex-end; }
.dk-denoise-animator-note { font-size: ${v('textSm')}; border-left: 3px solid ${v('accent2')};
  padding-left: ${v('space2')}; margin: ${v('space1')} 0; }
`;
