import { forwardRef, useId, useMemo, useState, type HTMLAttributes, type KeyboardEvent, type PointerEvent } from 'react';
import type { ColorMapName } from '../../theme/colorMaps';
import { themeVar } from '../../theme/theme';
import { FigureMessage } from '../shared/FigureMessage';
import { formatNumber } from '../shared/formatNumber';
import { checkNumber, checkOneOf, firstProblem } from '../shared/propChecks';
import type { ScheduleSpec } from '../shared/resolveSchedule';
import { visuallyHidden } from '../shared/visuallyHidden';
import { colorLut } from './pixelColor';
import { PixelGridCanvas } from './PixelGridCanvas';
import { pixelGridLayout } from './pixelGridLayout';
import { PixelGridSvg } from './PixelGridSvg';
import type { PixelImage } from './pixelImage';
import { usePixelGrid, type PixelGridModel } from './usePixelGrid';

/** Props of {@link PixelGrid}. */
export interface PixelGridProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** A greyscale image { data, width, height } (row-major, values in `range` units). */
  image?: PixelImage;
  /** A shipped real glyph, by character (e.g. '泡') or index; used when `image` is absent (default: the first). */
  glyph?: string | number;
  /** Size of the shipped glyph: 32, or 128 when large glyphs are shipped. */
  glyphSize?: number;
  /** Display range [lo, hi] of the values, e.g. [0, 1] or [-1, 1]. */
  range?: readonly [number, number];
  /** Box-average blocks of this many pixels a side (e.g. 4 shows a 128 x 128 image as 32 x 32). */
  downsample?: number;
  /** Timestep to noise to (an integer from 0 to T - 1); omit for the clean image. */
  t?: number | null;
  /** Noise schedule: a diffusers beta_schedule name, or a scheduler_config object. */
  schedule?: ScheduleSpec;
  /** Seed of the noise: the same seed gives the same noise at every t. */
  seed?: number;
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
    className,
    style,
    ...rest
  },
  ref,
) {
  const id = useId();
  const result = usePixelGrid({ image, glyph, glyphSize, range, downsample, t, schedule, seed }, digits);
  const viewProblem = firstProblem(
    checkOneOf('colorMap', colorMap, ['greys', 'viridis', 'diverging']),
    checkNumber('size', size, { min: 8, max: 4096 }),
    cellSizeProp === undefined ? null : checkNumber('cellSize', cellSizeProp, { min: 1, max: 256 }),
    checkOneOf('renderer', renderer, ['auto', 'svg', 'canvas']),
    checkNumber('digits', digits, { min: 0, max: 6, integer: true }),
  );
  const lut = useMemo(() => colorLut(viewProblem ? 'greys' : colorMap), [colorMap, viewProblem]);
  const [cursor, setCursor] = useState<Cell | null>(null);
  const [hover, setHover] = useState<Cell | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const problem = result.problem ?? viewProblem;
  const model = result.model;
  const name = label ?? (model?.glyph ? `Pixel grid of the glyph ${model.glyph.char}` : 'Pixel grid');
  const rootProps = {
    ...rest,
    ref,
    role: 'figure',
    className: ['dk-pixel-grid', className].filter(Boolean).join(' '),
    style: { color: themeVar('text'), fontFamily: themeVar('fontFamily'), ...style },
  };
  if (problem || !model) {
    return (
      <div {...rootProps} aria-label={name} data-state="error">
        <FigureMessage component="PixelGrid" problem={problem!} />
      </div>
    );
  }
  const layout = pixelGridLayout({ width: model.width, height: model.height, size, cellSize: cellSizeProp, renderer, showValues });
  const cs = layout.cellSize;
  const inGrid = (c: Cell) => c.x >= 0 && c.y >= 0 && c.x < model.width && c.y < model.height;
  const moveTo = (c: Cell) => {
    setCursor(c);
    setAnnouncement(cellText(model, c, digits));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const c = cursor ?? { x: 0, y: 0 };
    const last = { x: model.width - 1, y: model.height - 1 };
    const next: Cell | null =
      e.key === 'ArrowLeft' ? { x: c.x - 1, y: c.y }
      : e.key === 'ArrowRight' ? { x: c.x + 1, y: c.y }
      : e.key === 'ArrowUp' ? { x: c.x, y: c.y - 1 }
      : e.key === 'ArrowDown' ? { x: c.x, y: c.y + 1 }
      : e.key === 'Home' ? (e.ctrlKey ? { x: 0, y: 0 } : { x: 0, y: c.y })
      : e.key === 'End' ? (e.ctrlKey ? last : { x: last.x, y: c.y })
      : null;
    if (!next) return;
    e.preventDefault();
    moveTo({ x: Math.min(last.x, Math.max(0, next.x)), y: Math.min(last.y, Math.max(0, next.y)) });
  };
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
    <div
      {...rootProps}
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-desc`}
      data-state="ready"
      data-renderer={layout.renderer}
      data-t={model.t ?? undefined}
      data-width={model.width}
      data-height={model.height}
    >
      <div id={`${id}-label`} style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>
        {name}
        {model.t === null ? null : <span style={{ fontWeight: 400, color: themeVar('muted') }}>{`, t = ${model.t}`}</span>}
      </div>
      <p id={`${id}-desc`} style={visuallyHidden}>
        {model.description}
      </p>
      <div
        role="application"
        aria-roledescription="pixel grid"
        aria-label={`${model.width} by ${model.height} pixels; arrow keys move between cells, Home and End to the row ends`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!cursor) moveTo({ x: 0, y: 0 });
        }}
        onBlur={() => setCursor(null)}
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
    </div>
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
