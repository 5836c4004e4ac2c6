import { themeVar as v } from '../../theme/theme';

/**
 * The rules of DatasetMap: its root (title, map, legend and selection stacked, at most the map's width), the map (an
 * SVG scaled to the container's width, its proportions kept) with its focus ring, the tooltip, the legend and the
 * glyph canvas. Selectors are one or two classes deep, prefixed `.dk-dataset-map-` (the legend's rows are two deep so
 * that a host's rule for bare `li` elements does not restyle them).
 */
export const DATASET_MAP_CSS = `
.dk-dataset-map { position: relative; display: inline-grid; grid-template-columns: minmax(0, 1fr);
  gap: ${v('space2')}; vertical-align: top; }
.dk-dataset-map > .dk-title { margin: 0; }
.dk-dataset-map-frame { position: relative; width: 100%; min-width: 0; }
.dk-dataset-map-plot { display: block; width: 100%; height: auto; background: ${v('background')};
  border-radius: ${v('radius')}; touch-action: manipulation; }
.dk-dataset-map-plot:focus { outline: ${v('focusRingWidth')} solid ${v('focusRing')}; outline-offset: 2px; }
.dk-dataset-map-tooltip { position: absolute; display: flex; align-items: flex-start; gap: ${v('space3')};
  padding: ${v('space2')}; background: ${v('surface')}; color: ${v('text')};
  border: ${v('borderWidth')} solid ${v('border')}; border-radius: ${v('radius')};
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.15); pointer-events: none; font-size: ${v('textSm')}; line-height: 1.35; }
.dk-dataset-map-tooltip-text { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.dk-dataset-map-char { font-size: calc(1.5 * ${v('textLg')}); line-height: 1.1; }
.dk-dataset-map-radical { color: ${v('muted')}; margin-top: 2px; }
.dk-dataset-map-glyph { display: block; flex: none; image-rendering: pixelated; }
.dk-dataset-map-legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: ${v('space1')} ${v('space3')}; font-size: ${v('textSm')}; min-width: 0; }
.dk-dataset-map .dk-dataset-map-item { display: inline-flex; align-items: center; gap: ${v('space1')}; margin: 0;
  padding: 0; color: ${v('text')}; }
.dk-dataset-map-count { color: ${v('muted')}; }
.dk-dataset-map-swatch { display: inline-block; flex: none; width: 10px; height: 10px; border-radius: 50%; }
.dk-dataset-map-swatch[data-faded] { opacity: 0.5; }
.dk-dataset-map-tooltip .dk-dataset-map-swatch { width: 8px; height: 8px; margin-right: ${v('space1')}; }
.dk-dataset-map-selection { margin: 0; }
`;
