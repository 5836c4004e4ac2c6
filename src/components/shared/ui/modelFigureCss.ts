import { themeVar as v } from '../../../theme/theme';

/**
 * The rules of the parts the model figures share (DenoiseAnimator, AttentionMap, SamplerRace, PromptGenerator): the
 * status row with its Start notice, model status and progress bar, the step scrubber, the sample grid and its
 * enlarged view. Selectors are one or two classes deep, prefixed `.dk-model-`.
 */
export const MODEL_FIGURE_CSS = `
.dk-model-status-row { display: flex; flex-wrap: wrap; align-items: baseline; gap: ${v('space1')} ${v('space3')};
  font-size: ${v('textSm')}; min-width: 0; }
.dk-model-status { font-variant-numeric: tabular-nums; max-width: 100%; }
.dk-model-start { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: ${v('space1')} ${v('space2')};
  color: ${v('muted')}; min-width: 0; }
.dk-model-info { color: ${v('muted')}; }
.dk-model-info > abbr { text-decoration: underline dotted; cursor: help; }
.dk-model-progress { display: flex; flex-wrap: wrap; align-items: center; gap: ${v('space1')} ${v('space2')};
  margin: ${v('space1')} 0; font-size: ${v('textSm')}; color: ${v('muted')}; font-variant-numeric: tabular-nums;
  min-width: 0; }
.dk-model-progress > progress { flex: 1 1 120px; max-width: 240px; min-width: 0; height: 8px;
  accent-color: ${v('accent')}; }
.dk-model-scrubber { flex: 1 1 240px; flex-wrap: nowrap; max-width: 100%; }
.dk-model-scrubber > .dk-slider { flex: 1 1 120px; max-width: 360px; touch-action: pan-y; }
.dk-model-scrubber > .dk-readout { white-space: nowrap; }
.dk-model-grid { max-width: 100%; min-width: 0; }
.dk-model-grid-frame { position: relative; max-width: 100%; }
.dk-model-grid-canvas { display: block; max-width: 100%; height: auto; image-rendering: pixelated;
  background: ${v('surface')}; }
.dk-model-grid-canvas[tabindex] { cursor: zoom-in; }
.dk-model-grid-cursor { position: absolute; pointer-events: none; box-sizing: border-box;
  border: 2px solid ${v('accent')}; }
.dk-model-panel-title { font-size: ${v('textSm')}; color: ${v('muted')}; margin: 0 0 ${v('space1')}; }
.dk-model-zoom { padding: ${v('space3')}; border: ${v('borderWidth')} solid ${v('border')}; border-radius: ${v('radius')};
  background: ${v('background')}; color: ${v('text')}; max-width: calc(100vw - 2 * ${v('space4')}); }
.dk-model-zoom::backdrop { background: rgb(0 0 0 / 0.4); }
.dk-model-zoom-body { display: grid; gap: ${v('space2')}; justify-items: center; }
.dk-model-zoom-title { font-size: ${v('textMd')}; font-weight: 600; }
.dk-model-zoom-canvas { display: block; max-width: 80vw; height: auto; image-rendering: pixelated; }
`;
