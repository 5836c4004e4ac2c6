import { useMemo, useState, type CSSProperties, type PointerEvent } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth';
import { useGridCursor, type GridMove } from '../../hooks/useGridCursor';
import { colorLut } from '../../theme/colorMaps';
import { lightTheme, themeVar } from '../../theme/theme';
import { fitCellSize } from '../shared/draw/fitCellSize';
import { formatNumber } from '../shared/format/formatNumber';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { labelText } from '../shared/props/hostProps';
import { checkNumber, type PropProblem } from '../shared/props/propChecks';
import { resolveSchedule } from '../shared/props/resolveSchedule';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  FigureCaption,
  FigureDescription,
  FigureRoot,
  InvalidFigure,
  type FigureRootBase,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import type { PixelGridProps } from './PixelGrid.props';
import { MAX_GRID_PX, MAX_SVG_CELLS, pixelGridSchema } from './PixelGrid.schema';
import { PixelGridCanvas } from './PixelGridCanvas';
import { MAX_VALUE_CELLS, pixelGridLayout } from './pixelGridLayout';
import { PixelGridSvg } from './PixelGridSvg';
import { checkPixelSource, usePixelGrid, type PixelGridModel } from './usePixelGrid';

export type { PixelGridProps };
export { MAX_GRID_PX, MAX_SVG_CELLS };

/** How the keyboard readout names a pixel's values, by channel count. */
const CHANNEL_NAMES: Readonly<Record<number, string>> = {
  2: 'grey, alpha',
  3: 'red, green, blue',
  4: 'red, green, blue, alpha',
};

type PixelGridSettings = SchemaSettings<typeof pixelGridSchema>;

/**
 * What the props ask for together: a source that exists, `t` within the schedule, a layout of bounded size (SVG
 * cells, cells with values, the grid's size in pixels). An invalid prop has its default here, and its own problem is
 * the one shown (the first reported).
 */
function checkTogether(settings: PixelGridSettings, report: (problem: PropProblem | null) => void) {
  const { image, glyph, glyphSize, range, downsample, t, schedule, size, cellSize, renderer, showValues } = settings;
  const source = checkPixelSource({ image, glyph, glyphSize, range, downsample });
  if (source.problem) return report(source.problem);
  const resolved = resolveSchedule('schedule', schedule);
  if (resolved.problem) return report(resolved.problem);
  const steps = resolved.schedule?.alphasCumprod.length ?? 0;
  const tProblem = t !== null && steps > 0 ? checkNumber('t', t, { min: 0, max: steps - 1, integer: true }) : null;
  if (tProblem) return report(tProblem);
  const layout = pixelGridLayout({ width: source.width, height: source.height, size, cellSize, renderer, showValues });
  const cells = source.width * source.height;
  if (layout.renderer === 'svg' && cells > MAX_SVG_CELLS) {
    report({
      prop: 'renderer',
      message: `renderer 'svg' draws at most ${MAX_SVG_CELLS} cells (64 x 64); this grid has ${source.width} x ${source.height} = ${cells}. Use 'canvas' or 'auto'.`,
    });
  }
  if (showValues === true && cells > MAX_VALUE_CELLS) {
    report({
      prop: 'showValues',
      message: `showValues writes values in at most ${MAX_VALUE_CELLS} cells (64 x 64); this grid has ${source.width} x ${source.height} = ${cells}. Use 'auto' or false, or a smaller image.`,
    });
  }
  const side = Math.max(source.width, source.height) * layout.cellSize;
  if (side > MAX_GRID_PX) {
    report({
      prop: 'cellSize',
      message: `cellSize x the grid's side must be at most ${MAX_GRID_PX} px; got ${layout.cellSize} x ${Math.max(source.width, source.height)} = ${side}.`,
    });
  }
}

/**
 * The validation layer of {@link PixelGrid}: every prop checked on a sanitised copy (see its schema; the image's
 * values copied once per image object), then what they ask for together (`checkTogether`).
 */
export function checkPixelGridProps(props: PixelGridProps) {
  return checkFigureProps(pixelGridSchema, props, checkTogether);
}

type Cell = { x: number; y: number };

/** Where a key moves the cell cursor (from the top-left cell when there is none), clamped to the grid. */
function moveCell(from: Cell | null, move: GridMove, width: number, height: number): Cell {
  const c = from ?? { x: 0, y: 0 };
  const last = { x: width - 1, y: height - 1 };
  const next =
    move.type === 'step'
      ? { x: c.x + move.dx, y: c.y + move.dy }
      : move.type === 'home'
        ? move.whole
          ? { x: 0, y: 0 }
          : { x: 0, y: c.y }
        : move.whole
          ? last
          : { x: last.x, y: c.y };
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
export const PixelGrid = /* @__PURE__ */ checkedFigure(
  {
    component: 'PixelGrid',
    ownClass: 'dk-pixel-grid',
    check: checkPixelGridProps,
    fallbackName: 'Pixel grid',
  },
  PixelGridFigure,
);

/** The figure itself, rendered only with valid props. */
function PixelGridFigure({ root, settings }: { root: FigureRootBase; settings: PixelGridSettings }) {
  const {
    image,
    glyph,
    glyphSize,
    range,
    downsample,
    t,
    schedule,
    seed,
    colorMap,
    size,
    cellSize: cellSizeProp,
    renderer,
    showValues,
    digits,
    label,
  } = settings;
  const ids = useFigureIds();
  const result = usePixelGrid({ image, glyph, glyphSize, range, downsample, t, schedule, seed }, digits);
  const lut = useMemo(() => colorLut(colorMap), [colorMap]);
  const [hover, setHover] = useState<Cell | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The space the grid has: the width of its frame, which is the grid's natural width at most (null until measured).
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const space = useElementWidth(frame);
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
  if (problem || !model)
    return <InvalidFigure {...root} aria-label={labelText(name)} component="PixelGrid" problem={problem!} />;
  // The grid as the props ask for it, then with cells as large as the space allows, at most that (whole pixels, so
  // the canvas stays crisp): SVG or canvas, and values or none, as for cells of that size.
  const natural = pixelGridLayout({
    width: model.width,
    height: model.height,
    size,
    cellSize: cellSizeProp,
    renderer,
    showValues,
  });
  const fitted = fitCellSize(space === null ? null : space - 2 * BORDER, {
    count: model.width * model.height,
    columns: model.width,
    gap: 0,
    max: natural.cellSize,
    min: 1,
  });
  const layout =
    fitted === natural.cellSize
      ? natural
      : pixelGridLayout({ width: model.width, height: model.height, size, cellSize: fitted, renderer, showValues });
  const cs = layout.cellSize;
  const cursor = keyboard.cursor;
  const inGrid = (c: Cell) => c.x >= 0 && c.y >= 0 && c.x < model.width && c.y < model.height;
  const cellAt = (e: PointerEvent<HTMLDivElement>): Cell | null => {
    // In cells, from the drawn cells' box: right however CSS scales the grid.
    const box = e.currentTarget.querySelector('[data-part="cells"]')?.getBoundingClientRect();
    if (!box || !(box.width > 0) || !(box.height > 0)) return null;
    const c = {
      x: Math.floor(((e.clientX - box.left) / box.width) * model.width),
      y: Math.floor(((e.clientY - box.top) / box.height) * model.height),
    };
    return inGrid(c) ? c : null;
  };
  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const c = cellAt(e);
    if (!c) return setHover(null);
    if (!hover || hover.x !== c.x || hover.y !== c.y) {
      setHover(c);
      setAnnouncement(cellText(model, c, digits));
    }
  };
  const active = hover ?? cursor;
  const rendererProps = {
    values: model.values,
    width: model.width,
    height: model.height,
    channels: model.channels,
    lo: model.range[0],
    hi: model.range[1],
    cellSize: cs,
    lut,
    showValues: layout.showValues,
    digits,
  };
  const gridW = model.width * cs;
  return (
    <FigureRoot
      {...root}
      {...ids.aria}
      state="ready"
      data-renderer={layout.renderer}
      data-t={model.t ?? undefined}
      data-width={model.width}
      data-height={model.height}
    >
      <FigureCaption id={ids.label}>
        {name}
        {model.t === null ? null : <span className="dk-pixel-grid-t">{`, t = ${model.t}`}</span>}
      </FigureCaption>
      <FigureDescription id={ids.description}>{model.description}</FigureDescription>
      {/* The frame has the grid's natural width (at most 100%): it measures the space, whatever the cells' size. */}
      <div
        ref={setFrame}
        className="dk-pixel-grid-frame"
        style={{ width: model.width * natural.cellSize + 2 * BORDER }}
      >
        {/* A keyboard grid: arrow keys move the cell cursor, as its label says. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
        <div
          role="application"
          aria-roledescription="pixel grid"
          aria-label={`${model.width} by ${model.height} pixels; arrow keys move between cells, Home and End to the row ends`}
          // The grid is operated from the keyboard, so it takes focus.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          onKeyDown={keyboard.onKeyDown}
          onFocus={keyboard.onFocus}
          onBlur={keyboard.onBlur}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          // A mouse leaving clears the cell; a touch keeps the cell it tapped (its pointer leaves as it lifts).
          onPointerLeave={(e) => (e.pointerType === 'touch' ? undefined : setHover(null))}
          onPointerCancel={() => setHover(null)}
          data-part="surface"
          className="dk-pixel-grid-surface"
          style={{ width: gridW + 2 * BORDER }}
        >
          {layout.renderer === 'svg' ? <PixelGridSvg {...rendererProps} /> : <PixelGridCanvas {...rendererProps} />}
          {cursor ? <CellMark cell={cursor} grid={model} kind="cursor" /> : null}
          {hover ? <CellMark cell={hover} grid={model} kind="hover" /> : null}
          {active ? (
            <div
              aria-hidden="true"
              data-part="tooltip"
              className="dk-pixel-grid-tooltip"
              style={tooltipPlace(active, model)}
            >
              {cellText(model, active, digits)}
            </div>
          ) : null}
        </div>
      </div>
      <div aria-live="polite" className="dk-visually-hidden" data-part="live">
        {announcement}
      </div>
    </FigureRoot>
  );
}

/** The surface's border (px): the theme's default borderWidth. */
const BORDER = parseFloat(lightTheme.borderWidth);

/** The space between a cell and its tooltip. */
const GAP = themeVar('space2');

/** `part` of `whole` as a CSS percentage. */
function percent(part: number, whole: number): string {
  return `${(100 * part) / whole}%`;
}

/**
 * Where the tooltip of a cell goes: beside the cell on the side with more room, level with it from the top (upper
 * half) or the bottom (lower half); in shares of the grid, so it stays by its cell however the grid is scaled. Its
 * width is what is left on that side (it wraps there), so it never leaves the grid sideways.
 */
function tooltipPlace(cell: Cell, { width: w, height: h }: { width: number; height: number }): CSSProperties {
  const side =
    2 * cell.x + 1 > w
      ? { right: `calc(${percent(w - cell.x, w)} + ${GAP})` }
      : { left: `calc(${percent(cell.x + 1, w)} + ${GAP})` };
  const level = 2 * cell.y + 1 > h ? { bottom: percent(h - cell.y - 1, h) } : { top: percent(cell.y, h) };
  return { ...side, ...level };
}

/**
 * The frame of a cell (the keyboard's cursor or the pointer's cell): the cell's box, in shares of the grid, so it
 * stays on its cell however the grid is scaled; CSS draws its outline across the cell's edge.
 */
function CellMark({
  cell,
  grid,
  kind,
}: {
  cell: Cell;
  grid: { width: number; height: number };
  kind: 'cursor' | 'hover';
}) {
  return (
    <div
      aria-hidden="true"
      className={`dk-pixel-grid-mark dk-pixel-grid-${kind}`}
      style={{
        left: percent(cell.x, grid.width),
        top: percent(cell.y, grid.height),
        width: percent(1, grid.width),
        height: percent(1, grid.height),
      }}
    />
  );
}
