import { listGlyphs } from '../../data/glyphs';
import { BETA_SCHEDULES } from '../../engine';
import type { ColorMapName } from '../../theme/colorMaps';
import { optionalLabelField } from '../shared/props/commonFields';
import { choiceProp, customProp, numberProp } from '../shared/props/figureSchema';
import { checked, checkNumber, describeValue, type Checked } from '../shared/props/propChecks';
import { sanitizeScheduleSpec, type ScheduleSpec } from '../shared/props/resolveSchedule';
import { MAX_IMAGE_SIDE, sanitizePixelImage, type PixelImage, type SanitizedPixelImage } from './pixelImage';
import { checkRange } from './usePixelGrid';

export type { ColorMapName, PixelImage, ScheduleSpec };

/** The most cells `renderer="svg"` draws (one element each, two with values). */
export const MAX_SVG_CELLS = 64 * 64;
/** The largest side of the drawn grid in CSS pixels. */
export const MAX_GRID_PX = 4096;

/** The shipped 32 x 32 glyphs' characters: the choices Storybook's control offers. */
const glyphChars = () => listGlyphs().map((g) => g.char);

/**
 * The props of PixelGrid, in the order they are checked; then (see `checkPixelGridProps`) the source they name
 * together, `t` against the schedule and the work the layout asks for.
 */
export const pixelGridSchema = {
  image: /* @__PURE__ */ customProp<PixelImage, SanitizedPixelImage | undefined>({
    doc: 'An image { data, width, height, channels? } (row-major planes, values in `range` units): grey, grey + alpha, RGB or RGBA.',
    type: 'PixelImage',
    default: undefined,
    accepts: `an image of at most ${MAX_IMAGE_SIDE} x ${MAX_IMAGE_SIDE} pixels with 1 to 4 channels of finite values`,
    control: false,
    check: (x) => sanitizePixelImage('image', x),
  }),
  glyph: /* @__PURE__ */ customProp<string | number, string | number | undefined>({
    doc: "A shipped real glyph, by character (e.g. '泡') or index; used when `image` is absent.",
    type: 'string | number',
    default: undefined,
    defaultText: '0',
    accepts: 'a shipped character or an index',
    control: 'select',
    options: /* @__PURE__ */ glyphChars(),
    check: (x) =>
      (typeof x === 'string' && x.length <= 16) || typeof x === 'number'
        ? { value: x }
        : {
            problem: {
              prop: 'glyph',
              message: `glyph must be a shipped character or an index; got ${describeValue(x)}.`,
            },
          },
  }),
  glyphSize: /* @__PURE__ */ numberProp({
    doc: 'Size of the shipped glyph: 32, or 128 when large glyphs are shipped.',
    default: 32,
    min: 1,
    max: MAX_IMAGE_SIDE,
    integer: true,
  }),
  range: /* @__PURE__ */ customProp<readonly [number, number], [number, number] | undefined>({
    doc: "Display range [lo, hi] of the values, e.g. [0, 1] or [-1, 1]: lo is drawn as the colour map's start, hi as its end.",
    type: 'readonly [number, number]',
    default: undefined,
    defaultText: '[0, 1]',
    check: checkRange,
  }),
  downsample: /* @__PURE__ */ numberProp({
    doc: 'Box-average blocks of this many pixels a side, an integer dividing the size (e.g. 4 shows a 128 x 128 image as 32 x 32).',
    default: 1,
    min: 1,
    max: MAX_IMAGE_SIDE,
    integer: true,
  }),
  t: /* @__PURE__ */ customProp<number | null, number | null>({
    doc: 'Timestep to noise to; omit (or null) for the clean image.',
    type: 'number | null',
    default: null,
    accepts: "an integer from 0 to T - 1 (the schedule's last timestep)",
    control: 'range',
    range: { min: 0, max: 999, integer: true },
    check: (x) => (x === null ? { value: null } : checked(checkNumber('t', x, { min: 0, integer: true }), x as number)),
  }),
  schedule: /* @__PURE__ */ customProp<ScheduleSpec>({
    doc: 'Noise schedule of `t`: a diffusers beta_schedule name, or a scheduler_config object.',
    type: 'ScheduleSpec',
    default: 'linear',
    defaultText: "'linear'",
    control: 'select',
    options: BETA_SCHEDULES,
    check: (x) => sanitizeScheduleSpec('schedule', x) as Checked<ScheduleSpec>,
  }),
  seed: /* @__PURE__ */ numberProp({
    doc: 'Seed of the noise eps: the same seed gives the same noise at every t.',
    default: 0,
    min: -Number.MAX_SAFE_INTEGER,
    max: Number.MAX_SAFE_INTEGER,
    integer: true,
  }),
  colorMap: /* @__PURE__ */ choiceProp<ColorMapName>({
    doc: "Colour map of the cells: 'greys', 'viridis' or 'diverging'.",
    type: 'ColorMapName',
    options: ['greys', 'viridis', 'diverging'],
    default: 'greys',
  }),
  size: /* @__PURE__ */ numberProp({
    doc: 'Largest side of the grid in px (the cell size is chosen to fit).',
    default: 384,
    min: 8,
    max: 4096,
  }),
  cellSize: /* @__PURE__ */ numberProp({
    doc: `Cell size in px (overrides \`size\`); the grid's side is at most ${MAX_GRID_PX} px.`,
    default: undefined,
    defaultText: "the largest that fits `size`: floor(size / the grid's larger side), at least 1",
    min: 1,
    max: 256,
  }),
  renderer: /* @__PURE__ */ choiceProp({
    doc:
      '`svg` (one element per cell, for at most 64 x 64 = 4096 cells), `canvas` (one image), or `auto` (SVG for at most ' +
      '32 x 32 cells of >= 14 px).',
    options: ['auto', 'svg', 'canvas'] as const,
    default: 'auto',
  }),
  showValues: /* @__PURE__ */ customProp<'auto' | boolean>({
    doc: 'Write values in the cells: `auto` when cells are at least 30 px and at most 64 x 64; `true` when cells are at least 8 px and at most 64 x 64.',
    type: "'auto' | boolean",
    default: 'auto',
    defaultText: "'auto'",
    accepts: "'auto', true or false",
    check: (x) =>
      x === 'auto' || typeof x === 'boolean'
        ? { value: x }
        : {
            problem: {
              prop: 'showValues',
              message: `showValues must be 'auto', true or false; got ${describeValue(x)}.`,
            },
          },
  }),
  digits: /* @__PURE__ */ numberProp({
    doc: 'Decimals of the written values.',
    default: 2,
    min: 0,
    max: 6,
    integer: true,
  }),
  label: /* @__PURE__ */ optionalLabelField(
    'a caption naming the glyph (`Pixel grid of the glyph 泡`), or `Pixel grid` for an image',
  ),
};
