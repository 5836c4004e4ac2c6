import { useMemo, useState, type PointerEvent } from 'react';
import { useGridCursor, type GridMove } from '../../hooks/useGridCursor';
import { colorLut } from '../../theme/colorMaps';
import { themeVar } from '../../theme/theme';
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
  TEXT_FIGURE_STYLE,
  type FigureRootBase,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { visuallyHidden } from '../shared/ui/visuallyHidden';
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
    style: TEXT_FIGURE_STYLE,
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
  const layout = pixelGridLayout({
    width: model.width,
    height: model.height,
    size,
    cellSize: cellSizeProp,
    renderer,
    showValues,
  });
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
  const gridH = model.height * cs;
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
        {model.t === null ? null : (
          <span style={{ fontWeight: 400, color: themeVar('muted') }}>{`, t = ${model.t}`}</span>
        )}
      </FigureCaption>
      <FigureDescription id={ids.description}>{model.description}</FigureDescription>
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
        onPointerLeave={() => setHover(null)}
        data-part="surface"
        style={{
          position: 'relative',
          width: gridW,
          height: gridH,
          outline: 'none',
          border: `1px solid ${themeVar('border')}`,
          boxSizing: 'content-box',
        }}
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
