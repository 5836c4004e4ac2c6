import { forwardRef, useMemo, useState, type PointerEvent } from 'react';
import { useGridCursor, type GridMove } from '../../hooks/useGridCursor';
import { colorLut, type ColorMapName } from '../../theme/colorMaps';
import { themeVar } from '../../theme/theme';
import { formatNumber } from '../shared/format/formatNumber';
import { checkLabel, labelText, safeRef, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { checked, checkNumber, describeValue, PropValidator } from '../shared/props/propChecks';
import { resolveSchedule, sanitizeScheduleSpec, type SanitizedScheduleSpec } from '../shared/props/resolveSchedule';
import { FigureCaption, FigureDescription, FigureRoot, InvalidFigure, TEXT_FIGURE_STYLE, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { visuallyHidden } from '../shared/ui/visuallyHidden';
import { PixelGridCanvas } from './PixelGridCanvas';
import { MAX_VALUE_CELLS, pixelGridLayout } from './pixelGridLayout';
import { MAX_IMAGE_SIDE, sanitizePixelImage, type SanitizedPixelImage } from './pixelImage';
import { PixelGridSvg } from './PixelGridSvg';
import { checkPixelSource, checkRange, usePixelGrid, type PixelGridInput, type PixelGridModel } from './usePixelGrid';

/** Props of {@link PixelGrid}. */
export interface PixelGridProps extends FigureHostProps, PixelGridInput {
  /**
   * Colour map of the cells: 'greys', 'viridis' or 'diverging'.
   * @default 'greys'
   */
  colorMap?: ColorMapName;
  /**
   * Largest side of the grid in px (8 to 4096; the cell size is chosen to fit).
   * @default 384
   */
  size?: number;
  /**
   * Cell size in px (1 to 256; overrides `size`); the grid's side is at most 4096 px.
   * @default the largest that fits `size`: floor(size / the grid's larger side), at least 1
   */
  cellSize?: number;
  /**
   * `svg` (one element per cell, for at most 64 x 64 = 4096 cells), `canvas` (one image), or `auto` (SVG for
   * at most 32 x 32 cells of >= 14 px).
   * @default 'auto'
   */
  renderer?: 'auto' | 'svg' | 'canvas';
  /**
   * Write values in the cells: `auto` when cells are at least 30 px and at most 64 x 64; `true` when cells are at least 8 px and at most 64 x 64.
   * @default 'auto'
   */
  showValues?: 'auto' | boolean;
  /**
   * Decimals of the written values (0 to 6).
   * @default 2
   */
  digits?: number;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default a caption naming the glyph (`Pixel grid of the glyph 泡`), or `Pixel grid` for an image
   */
  label?: FigureLabel;
}

/** The most cells `renderer="svg"` draws (one element each, two with values). */
export const MAX_SVG_CELLS = 64 * 64;
/** The largest side of the drawn grid in CSS pixels. */
export const MAX_GRID_PX = 4096;

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'image', 'glyph', 'glyphSize', 'range', 'downsample', 't', 'schedule', 'seed', 'colorMap', 'size', 'cellSize', 'renderer', 'showValues', 'digits', 'label',
]);

const SEED_RANGE = { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true } as const;
/** How the keyboard readout names a pixel's values, by channel count. */
const CHANNEL_NAMES: Readonly<Record<number, string>> = { 2: 'grey, alpha', 3: 'red, green, blue', 4: 'red, green, blue, alpha' };

/**
 * The validation layer of {@link PixelGrid}, run before anything else: every prop checked on a sanitised
 * copy (the image's values copied once per image object), `t` against the schedule, and the work the
 * layout asks for (SVG cells, the grid's size in pixels); the host's attributes sanitised for the root.
 */
export function checkPixelGridProps(props: PixelGridProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const image = v.read<SanitizedPixelImage | undefined>('image', undefined, (x) => sanitizePixelImage('image', x));
  const glyph = v.read<string | number | undefined>('glyph', undefined, (x) =>
    (typeof x === 'string' && x.length <= 16) || typeof x === 'number'
      ? { value: x }
      : { problem: { prop: 'glyph', message: `glyph must be a shipped character or an index; got ${describeValue(x)}.` } },
  );
  const glyphSize = v.number('glyphSize', 32, { min: 1, max: MAX_IMAGE_SIDE, integer: true });
  const range = v.read<[number, number] | undefined>('range', undefined, checkRange);
  const downsample = v.number('downsample', 1, { min: 1, max: MAX_IMAGE_SIDE, integer: true });
  const t = v.read<number | null>('t', null, (x) => (x === null ? { value: null } : checked(checkNumber('t', x, { min: 0, integer: true }), x as number)));
  const schedule = v.read<SanitizedScheduleSpec>('schedule', 'linear', (x) => sanitizeScheduleSpec('schedule', x));
  const seed = v.number('seed', 0, SEED_RANGE);
  const colorMap = v.oneOf<ColorMapName>('colorMap', 'greys', ['greys', 'viridis', 'diverging']);
  const size = v.number('size', 384, { min: 8, max: 4096 });
  const cellSize = v.optionalNumber('cellSize', { min: 1, max: 256 });
  const renderer = v.oneOf('renderer', 'auto', ['auto', 'svg', 'canvas'] as const);
  const showValues = v.read<'auto' | boolean>('showValues', 'auto', (x) =>
    x === 'auto' || typeof x === 'boolean' ? { value: x } : { problem: { prop: 'showValues', message: `showValues must be 'auto', true or false; got ${describeValue(x)}.` } },
  );
  const digits = v.number('digits', 2, { min: 0, max: 6, integer: true });
  const label = v.read<FigureLabel | undefined>('label', undefined, (x) => checkLabel('label', x));
  // What the props ask for together: a source that exists, t within the schedule, a layout of bounded size.
  const source = v.problem ? null : checkPixelSource({ image, glyph, glyphSize, range, downsample });
  if (source?.problem) v.report(source.problem);
  if (!v.problem) {
    const resolved = resolveSchedule('schedule', schedule);
    v.report(resolved.problem);
    const steps = resolved.schedule?.alphasCumprod.length ?? 0;
    if (t !== null && steps > 0) v.report(checkNumber('t', t, { min: 0, max: steps - 1, integer: true }));
  }
  if (source && !source.problem && !v.problem) {
    const layout = pixelGridLayout({ width: source.width, height: source.height, size, cellSize, renderer, showValues });
    const cells = source.width * source.height;
    if (layout.renderer === 'svg' && cells > MAX_SVG_CELLS) {
      v.report({
        prop: 'renderer',
        message: `renderer 'svg' draws at most ${MAX_SVG_CELLS} cells (64 x 64); this grid has ${source.width} x ${source.height} = ${cells}. Use 'canvas' or 'auto'.`,
      });
    }
    if (showValues === true && cells > MAX_VALUE_CELLS) {
      v.report({
        prop: 'showValues',
        message: `showValues writes values in at most ${MAX_VALUE_CELLS} cells (64 x 64); this grid has ${source.width} x ${source.height} = ${cells}. Use 'auto' or false, or a smaller image.`,
      });
    }
    const side = Math.max(source.width, source.height) * layout.cellSize;
    if (side > MAX_GRID_PX) {
      v.report({ prop: 'cellSize', message: `cellSize x the grid's side must be at most ${MAX_GRID_PX} px; got ${layout.cellSize} x ${Math.max(source.width, source.height)} = ${side}.` });
    }
  }
  const settings = { image, glyph, glyphSize, range, downsample, t, schedule: schedule as PixelGridInput['schedule'], seed, colorMap, size, cellSize, renderer, showValues, digits, label };
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type PixelGridSettings = ReturnType<typeof checkPixelGridProps>['settings'];

type Cell = { x: number; y: number };

/** Where a key moves the cell cursor (from the top-left cell when there is none), clamped to the grid. */
function moveCell(from: Cell | null, move: GridMove, width: number, height: number): Cell {
  const c = from ?? { x: 0, y: 0 };
  const last = { x: width - 1, y: height - 1 };
  const next =
    move.type === 'step' ? { x: c.x + move.dx, y: c.y + move.dy }
    : move.type === 'home' ? (move.whole ? { x: 0, y: 0 } : { x: 0, y: c.y })
    : move.whole ? last : { x: last.x, y: c.y };
  return { x: Math.min(last.x, Math.max(0, next.x)), y: Math.min(last.y, Math.max(0, next.y)) };
}

function cellText(model: PixelGridModel, cell: Cell, digits: number): string {
  const i = cell.y * model.width + cell.x;
  const plane = model.width * model.height;
  // Several channels: every channel's value of the pixel, in plane order (e.g. red, green, blue).
  const read = (values: Float64Array) =>
    Array.from({ length: model.channels }, (_, c) => formatNumber(values[c * plane + i]!, digits + 1)).join(', ');
  const value = `${model.channels === 1 ? 'value' : CHANNEL_NAMES[model.channels]} ${read(model.values)}`;
  const clean = model.t === null ? '' : `, clean ${model.channels === 1 ? 'value' : 'values'} ${read(model.clean)}`;
  return `x ${cell.x}, y ${cell.y}: ${value}${clean}`;
}

/**
 * An image as a grid of pixel values, optionally noised to timestep t in closed form. The image is mapped
 * from `range` to [-1, 1] (the model's units), noised there as x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps,
 * and mapped back; values outside the range clamp in colour but are written exactly.
 */
export const PixelGrid = /* @__PURE__ */ forwardRef<HTMLDivElement, PixelGridProps>(function PixelGrid(props, ref) {
  const { settings, host, problem } = checkPixelGridProps(props);
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-pixel-grid', ownStyle: TEXT_FIGURE_STYLE, role: 'figure' };
  if (problem) return <InvalidFigure {...root} aria-label={labelText(settings.label) ?? 'Pixel grid'} component="PixelGrid" problem={problem} />;
  return <PixelGridFigure root={root} settings={settings} />;
});

/** The figure itself, rendered only with valid props. */
function PixelGridFigure({ root, settings }: { root: FigureRootBase; settings: PixelGridSettings }) {
  const { image, glyph, glyphSize, range, downsample, t, schedule, seed, colorMap, size, cellSize: cellSizeProp, renderer, showValues, digits, label } = settings;
  const ids = useFigureIds();
  const result = usePixelGrid({ image, glyph, glyphSize, range, downsample, t, schedule, seed }, digits);
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);
  const [hover, setHover] = useState<Cell | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const problem = result.problem;
  const model = result.model;
  // The keyboard's cell cursor, its cell announced as it moves (the pointer's cell is `hover`).
  const keyboard = useGridCursor<Cell>({
    move: (from, move) => (model ? moveCell(from, move, model.width, model.height) : null),
    ends: true,
    start: () => ({ x: 0, y: 0 }),
    onMove(cell) {
      if (model) setAnnouncement(cellText(model, cell, digits));
    },
  });
  const name = label ?? (model?.glyph ? `Pixel grid of the glyph ${model.glyph.char}` : 'Pixel grid');
  if (problem || !model) return <InvalidFigure {...root} aria-label={labelText(name)} component="PixelGrid" problem={problem!} />;
  const layout = pixelGridLayout({ width: model.width, height: model.height, size, cellSize: cellSizeProp, renderer, showValues });
  const cs = layout.cellSize;
  const cursor = keyboard.cursor;
  const inGrid = (c: Cell) => c.x >= 0 && c.y >= 0 && c.x < model.width && c.y < model.height;
  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const c = { x: Math.floor((e.clientX - box.left) / cs), y: Math.floor((e.clientY - box.top) / cs) };
    if (!inGrid(c)) return setHover(null);
    if (!hover || hover.x !== c.x || hover.y !== c.y) {
      setHover(c);
      setAnnouncement(cellText(model, c, digits));
    }
  };
  const active = hover ?? cursor;
  const rendererProps = { values: model.values, width: model.width, height: model.height, channels: model.channels, lo: model.range[0], hi: model.range[1], cellSize: cs, lut, showValues: layout.showValues, digits };
  const gridW = model.width * cs;
  const gridH = model.height * cs;
  return (
    <FigureRoot {...root} {...ids.aria} state="ready" data-renderer={layout.renderer} data-t={model.t ?? undefined} data-width={model.width} data-height={model.height}>
      <FigureCaption id={ids.label}>
        {name}
        {model.t === null ? null : <span style={{ fontWeight: 400, color: themeVar('muted') }}>{`, t = ${model.t}`}</span>}
      </FigureCaption>
      <FigureDescription id={ids.description}>{model.description}</FigureDescription>
      <div
        role="application"
        aria-roledescription="pixel grid"
        aria-label={`${model.width} by ${model.height} pixels; arrow keys move between cells, Home and End to the row ends`}
        tabIndex={0}
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
        onBlur={keyboard.onBlur}
        onPointerMove={onPointer}
        onPointerLeave={() => setHover(null)}
        data-part="surface"
        style={{ position: 'relative', width: gridW, height: gridH, outline: 'none', border: `1px solid ${themeVar('border')}`, boxSizing: 'content-box' }}
      >
        {layout.renderer === 'svg' ? <PixelGridSvg {...rendererProps} /> : <PixelGridCanvas {...rendererProps} />}
        {cursor ? <CellMark cell={cursor} cellSize={cs} color={themeVar('accent')} width={3} /> : null}
        {hover ? <CellMark cell={hover} cellSize={cs} color={themeVar('accent2')} width={2} /> : null}
        {active ? (
          <div
            aria-hidden="true"
            data-part="tooltip"
            style={{
              position: 'absolute',
              left: active.x * cs + cs + 6 > gridW - 150 ? undefined : active.x * cs + cs + 6,
              right: active.x * cs + cs + 6 > gridW - 150 ? gridW - active.x * cs + 6 : undefined,
              top: Math.min(active.y * cs, Math.max(0, gridH - 40)),
              background: themeVar('surface'),
              color: themeVar('text'),
              border: `1px solid ${themeVar('border')}`,
              borderRadius: 4,
              padding: '3px 6px',
              fontSize: 12,
              fontVariantNumeric: 'tabular-nums',
              whiteSpace: 'nowrap',
              pointerEvents: 'none',
            }}
          >
            {cellText(model, active, digits)}
          </div>
        ) : null}
      </div>
      <div aria-live="polite" style={visuallyHidden} data-part="live">
        {announcement}
      </div>
    </FigureRoot>
  );
}

function CellMark({ cell, cellSize, color, width }: { cell: Cell; cellSize: number; color: string; width: number }) {
  return (
    <div
      aria-hidden="true"
      style={{
        position: 'absolute',
        left: cell.x * cellSize - width / 2,
        top: cell.y * cellSize - width / 2,
        width: cellSize + width,
        height: cellSize + width,
        boxSizing: 'border-box',
        border: `${width}px solid ${color}`,
        pointerEvents: 'none',
      }}
    />
  );
}
