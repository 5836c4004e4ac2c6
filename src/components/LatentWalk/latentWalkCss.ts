import { themeVar as v } from '../../theme/theme';

/** LatentWalk's own rules: the strip with its end labels, marker and change bars; the enlarged point. */
export const LATENT_WALK_CSS = `
.dk-latent-walk-strip { margin: ${v('space2')} 0; min-width: 0; }
.dk-latent-walk-ends { display: flex; justify-content: space-between; gap: ${v('space2')}; font-size: ${v('textSm')};
  color: ${v('muted')}; max-width: 100%; }
.dk-latent-walk-canvas-box { position: relative; max-width: 100%; }
.dk-latent-walk-canvas { display: block; max-width: 100%; height: auto; background: ${v('surface')}; cursor: pointer; }
.dk-latent-walk-marker { position: absolute; top: -2px; bottom: -2px; box-sizing: border-box;
  border: 2px solid ${v('accent')}; border-radius: 2px; pointer-events: none; }
.dk-latent-walk-bars { display: block; max-width: 100%; height: 28px; }
.dk-latent-walk-bar { fill: ${v('muted')}; }
.dk-latent-walk-bar-largest { fill: ${v('accent')}; }
.dk-latent-walk-detail { display: flex; flex-wrap: wrap; align-items: center; gap: ${v('space3')}; margin: ${v('space2')} 0; }
.dk-latent-walk-detail-canvas { display: block; width: 128px; height: 128px; background: ${v('surface')}; }
.dk-latent-walk-detail .dk-readout { flex: 1 1 200px; margin: 0; }
.dk-latent-walk-position input { flex: 1 1 160px; max-width: 360px; }
`;
