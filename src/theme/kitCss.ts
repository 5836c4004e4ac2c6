import { ATTENTION_MAP_CSS } from '../components/AttentionMap/attentionMapCss';
import { CHART_CSS } from '../components/shared/ui/chartCss';
import { DATASET_MAP_CSS } from '../components/DatasetMap/datasetMapCss';
import { DENOISE_ANIMATOR_CSS } from '../components/DenoiseAnimator/denoiseAnimatorCss';
import { DIFFUSION_TRAINER_CSS } from '../components/DiffusionTrainer/diffusionTrainerCss';
import { GAUSSIAN_SAMPLER_CSS } from '../components/GaussianSampler/gaussianSamplerCss';
import { GLYPH_SKETCH_CSS } from '../components/GlyphSketch/glyphSketchCss';
import { GUIDANCE_FIELD_CSS } from '../components/GuidanceField/guidanceFieldCss';
import { LATENT_WALK_CSS } from '../components/LatentWalk/latentWalkCss';
import { MODEL_FIGURE_CSS } from '../components/shared/ui/modelFigureCss';
import { NOISE_SCHEDULE_CHART_CSS } from '../components/NoiseScheduleChart/noiseScheduleChartCss';
import { PIXEL_GRID_CSS } from '../components/PixelGrid/pixelGridCss';
import { PLANE_PLOT_CSS } from '../components/shared/ui/planePlotCss';
import { PROMPT_GENERATOR_CSS } from '../components/PromptGenerator/promptGeneratorCss';
import { SAMPLER_RACE_CSS } from '../components/SamplerRace/samplerRaceCss';
import { SCORE_FIELD_PLOT_CSS } from '../components/ScoreFieldPlot/scoreFieldPlotCss';
import { themeVar as v } from './theme';

/**
 * The kit's stylesheet: the colour scheme a figure follows, and the look of its parts (controls, rows, captions,
 * readouts, panels), all from the tokens. The figures adopt it into their document themselves
 * ({@link useKitStyles}); it is also shipped as `diffusion-kit/styles.css` for pages that render on the server and
 * want the look from the first paint. Selectors are one class deep, so a host rule of higher specificity wins.
 */

/** Colour scheme: the nearest `data-theme` (Docusaurus, Starlight, ThemeScope), else the reader's preference. */
const scheme = `
[data-theme='dark'] { --dk-color-scheme: dark; }
[data-theme='light'] { --dk-color-scheme: light; }
.dk-figure { color-scheme: var(--dk-color-scheme, light dark); color: ${v('text')}; font-family: ${v('fontFamily')};
  font-size: ${v('textMd')}; line-height: ${v('lineHeight')}; max-width: 100%; min-width: 0; box-sizing: border-box; }
.dk-figure *, .dk-figure *::before, .dk-figure *::after { box-sizing: border-box; }
.dk-figure :focus-visible, .dk-button:focus-visible, .dk-select:focus-visible, .dk-number:focus-visible,
.dk-text-field:focus-visible, .dk-slider:focus-visible, .dk-toggle:focus-visible {
  outline: ${v('focusRingWidth')} solid ${v('focusRing')}; outline-offset: 2px; }
.dk-figure svg, .dk-figure canvas { max-width: 100%; }
`;

/** Layout parts: a row of controls that wraps, a label with its control, a titled panel, captions and readouts. */
const layout = `
.dk-title { font-size: ${v('textLg')}; font-weight: 600; margin: 0 0 ${v('space1')}; }
.dk-caption { font-size: ${v('textSm')}; color: ${v('muted')}; margin: ${v('space2')} 0 0; max-width: 70ch; }
.dk-readout { font-size: ${v('textSm')}; color: ${v('muted')}; font-variant-numeric: tabular-nums; }
.dk-controls { display: flex; flex-wrap: wrap; align-items: center; gap: ${v('space2')} ${v('space3')};
  margin: ${v('space2')} 0; min-width: 0; }
.dk-field { display: inline-flex; flex-wrap: wrap; align-items: center; gap: ${v('space1')} ${v('space2')};
  min-width: 0; max-width: 100%; }
.dk-field > label, .dk-field-label { color: ${v('text')}; }
.dk-panel { border: ${v('borderWidth')} solid ${v('border')}; border-radius: ${v('radius')};
  padding: ${v('space2')} ${v('space3')}; margin: ${v('space2')} 0 0; min-width: 0; max-width: 100%; }
.dk-panel > legend { font-size: ${v('textSm')}; color: ${v('muted')}; padding: 0 ${v('space1')}; }
.dk-message { border: ${v('borderWidth')} solid ${v('error')}; background: ${v('errorBackground')}; color: ${v('error')};
  border-radius: ${v('radius')}; padding: ${v('space2')} ${v('space3')}; font-family: ${v('fontFamily')};
  font-size: ${v('textMd')}; overflow-wrap: anywhere; }
.dk-message-action { margin-top: ${v('space2')}; }
.dk-stack { display: grid; gap: ${v('space2')}; min-width: 0; }
.dk-visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

/** Buttons, selects, number and text fields: one box, from the tokens. */
const boxes = `
.dk-button, .dk-select, .dk-number, .dk-text-field {
  font: inherit; font-size: ${v('textMd')}; line-height: 1.2; color: ${v('text')}; background: ${v('background')};
  border: ${v('borderWidth')} solid ${v('border')}; border-radius: ${v('radius')};
  min-height: ${v('controlHeight')}; padding: 0 ${v('space3')}; margin: 0; max-width: 100%; }
.dk-button { background: ${v('surface')}; cursor: pointer; white-space: nowrap; }
.dk-button:hover:not(:disabled) { border-color: ${v('muted')}; }
.dk-button[data-variant='primary'] { background: ${v('background')}; border-color: ${v('accent')}; color: ${v('accent')};
  font-weight: 600; }
.dk-button[aria-pressed='true'] { border-color: ${v('accent')}; box-shadow: inset 0 0 0 1px ${v('accent')}; }
.dk-button:disabled, .dk-select:disabled, .dk-number:disabled, .dk-text-field:disabled, .dk-slider:disabled,
.dk-toggle:disabled { opacity: 0.5; cursor: not-allowed; }
.dk-select { appearance: none; padding-right: calc(${v('space3')} + 14px); cursor: pointer;
  background-image: linear-gradient(45deg, transparent 50%, currentColor 50%),
    linear-gradient(135deg, currentColor 50%, transparent 50%);
  background-position: calc(100% - 15px) 55%, calc(100% - 10px) 55%;
  background-size: 5px 5px; background-repeat: no-repeat; }
.dk-select option { background: ${v('background')}; color: ${v('text')}; }
.dk-number { width: 7.5em; padding-right: ${v('space1')}; font-variant-numeric: tabular-nums; }
.dk-text-field { min-width: 0; }
.dk-text-field::placeholder { color: ${v('muted')}; }
`;

/** The slider: a thin track, a round thumb; 24 px tall, so the whole row is its target. */
const slider = `
.dk-slider { appearance: none; background: transparent; height: 24px; margin: 0; min-width: 80px; max-width: 100%;
  cursor: pointer; accent-color: ${v('accent')}; }
.dk-slider::-webkit-slider-runnable-track { height: 4px; border-radius: 2px; background: ${v('border')}; }
.dk-slider::-webkit-slider-thumb { appearance: none; width: 16px; height: 16px; margin-top: -6px; border-radius: 50%;
  background: ${v('accent')}; border: 2px solid ${v('background')}; box-shadow: 0 0 0 1px ${v('accent')}; }
.dk-slider::-moz-range-track { height: 4px; border-radius: 2px; background: ${v('border')}; }
.dk-slider::-moz-range-progress { height: 4px; border-radius: 2px; background: ${v('accent')}; }
.dk-slider::-moz-range-thumb { width: 12px; height: 12px; border-radius: 50%; background: ${v('accent')};
  border: 2px solid ${v('background')}; }
.dk-slider:focus-visible { outline-offset: 0; }
`;

/** The toggle (a checkbox drawn as a switch) and the segmented choice (radios drawn as one bar). */
const choices = `
.dk-toggle-label { display: inline-flex; align-items: center; gap: ${v('space2')}; min-height: 24px;
  cursor: pointer; }
.dk-toggle { appearance: none; position: relative; flex: none; width: 36px; height: 20px; margin: 0;
  border-radius: 10px; background: ${v('border')}; cursor: pointer; transition: background-color 0.15s; }
.dk-toggle::before { content: ''; position: absolute; top: 2px; left: 2px; width: 16px; height: 16px;
  border-radius: 50%; background: ${v('background')}; transition: transform 0.15s; }
.dk-toggle:checked { background: ${v('accent')}; }
.dk-toggle:checked::before { transform: translateX(16px); }
.dk-segmented { display: inline-flex; flex-wrap: wrap; gap: 2px; padding: 2px; margin: 0; min-width: 0;
  border: ${v('borderWidth')} solid ${v('border')}; border-radius: ${v('radius')}; }
.dk-segmented > legend { float: left; margin-right: ${v('space2')}; padding: 0; align-self: center; }
.dk-segment { position: relative; display: inline-flex; align-items: center; min-height: 24px;
  padding: 0 ${v('space3')}; border-radius: calc(${v('radius')} - 2px); cursor: pointer; color: ${v('muted')}; }
.dk-segment > input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; pointer-events: none; }
.dk-segment:has(> input:checked) { background: ${v('surface')}; color: ${v('text')};
  box-shadow: inset 0 0 0 1px ${v('border')}; }
.dk-segment:has(> input:focus-visible) { outline: ${v('focusRingWidth')} solid ${v('focusRing')}; }
.dk-segment:has(> input:disabled) { opacity: 0.5; cursor: not-allowed; }
@media (prefers-reduced-motion: reduce) { .dk-toggle, .dk-toggle::before { transition: none; } }
`;

/** The figures' and shared parts' own rules, in the order they were added. */
const FIGURE_CSS = [
  CHART_CSS,
  PLANE_PLOT_CSS,
  MODEL_FIGURE_CSS,
  ATTENTION_MAP_CSS,
  DATASET_MAP_CSS,
  DENOISE_ANIMATOR_CSS,
  DIFFUSION_TRAINER_CSS,
  GAUSSIAN_SAMPLER_CSS,
  GLYPH_SKETCH_CSS,
  GUIDANCE_FIELD_CSS,
  LATENT_WALK_CSS,
  NOISE_SCHEDULE_CHART_CSS,
  PIXEL_GRID_CSS,
  PROMPT_GENERATOR_CSS,
  SAMPLER_RACE_CSS,
  SCORE_FIELD_PLOT_CSS,
];

/** The whole stylesheet. */
export const KIT_CSS =
  [scheme, layout, boxes, slider, choices].join('').trim() +
  '\n' +
  // Each figure's own rules, after the shared ones (prefixed .dk-<figure>-).
  FIGURE_CSS.map((css) => css.trim()).join('\n') +
  '\n';
