import { forwardRef, useMemo, useState, type HTMLAttributes, type PointerEvent } from 'react';
import { useGridCursor, type GridMove } from '../../hooks/useGridCursor';
import { colorLut, type ColorMapName } from '../../theme/colorMaps';
import { themeVar } from '../../theme/theme';
import { formatNumber } from '../shared/format/formatNumber';
import { checkNumber, checkOneOf, firstProblem } from '../shared/props/propChecks';
import { FigureCaption, FigureDescription, FigureRoot, InvalidFigure, TEXT_FIGURE_STYLE, useFigureIds } from '../shared/ui/FigureRoot';
import { visuallyHidden } from '../shared/ui/visuallyHidden';
import { PixelGridCanvas } from './PixelGridCanvas';
import { pixelGridLayout } from './pixelGridLayout';
import { PixelGridSvg } from './PixelGridSvg';
import { usePixelGrid, type PixelGridInput, type PixelGridModel } from './usePixelGrid';

/** Props of {@link PixelGrid}. */
export interface PixelGridProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'>, PixelGridInput {
  /** Colour map of the cells. */
  colorMap?: ColorMapName;
  /** Largest side of the grid in px (the cell size is chosen to fit). */
  size?: number;
  /** Cell size in px (overrides `size`). */
  cellSize?: number;
  /** `svg` (one element per cell), `canvas` (one image), or `auto` (SVG for at most 32 x 32 cells of >= 14 px). */
  renderer?: 'auto' | 'svg' | 'canvas';
  /** Write values in the cells: `auto` when cells are at least 30 px. */
  showValues?: 'auto' | boolean;
  /** Decimals of the written values. */
  digits?: number;
  /** Accessible name of the figure, also shown as its caption. */
  label?: string;
}

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
  const value = `value ${formatNumber(model.values[i]!, digits + 1)}`;
  const clean = model.t === null ? '' : `, clean value ${formatNumber(model.clean[i]!, digits + 1)}`;
  return `x ${cell.x}, y ${cell.y}: ${value}${clean}`;
}

/**
 * An image as a grid of pixel values, optionally noised to timestep t in closed form. The image is mapped
 * from `range` to [-1, 1] (the model's units), noised there as x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps,
 * and mapped back; values outside the range clamp in colour but are written exactly.
 */
export const PixelGrid = /* @__PURE__ */ forwardRef<HTMLDivElement, PixelGridProps>(function PixelGrid(
  {
    image,
    glyph,
    glyphSize = 32,
    range,
    downsample = 1,
    t = null,
    schedule = 'linear',
    seed = 0,
    colorMap = 'greys',
    size = 384,
    cellSize: cellSizeProp,
    renderer = 'auto',
    showValues = 'auto',
    digits = 2,
    label,
    ...host
  },
  ref,
) {
  const ids = useFigureIds();
  const result = usePixelGrid({ image, glyph, glyphSize, range, downsample, t, schedule, seed }, digits);
  const viewProblem = firstProblem(
    checkOneOf('colorMap', colorMap, ['greys', 'viridis', 'diverging']),
    checkNumber('size', size, { min: 8, max: 4096 }),
    cellSizeProp === undefined ? null : checkNumber('cellSize', cellSizeProp, { min: 1, max: 256 }),
    checkOneOf('renderer', renderer, ['auto', 'svg', 'canvas']),
    checkNumber('digits', digits, { min: 0, max: 6, integer: true }),
  );
  const lut = useMemo(() => colorLut(viewProblem ? 'greys' : colorMap), [colorMap, viewProblem]);
  const [hover, setHover] = useState<Cell | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const problem = result.problem ?? viewProblem;
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
  const root = { ...host, ref, ownClass: 'dk-pixel-grid', ownStyle: TEXT_FIGURE_STYLE, role: 'figure' };
  if (problem || !model) return <InvalidFigure {...root} aria-label={name} component="PixelGrid" problem={problem!} />;
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
  const rendererProps = { values: model.values, width: model.width, height: model.height, lo: model.range[0], hi: model.range[1], cellSize: cs, lut, showValues: layout.showValues, digits };
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
});

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
