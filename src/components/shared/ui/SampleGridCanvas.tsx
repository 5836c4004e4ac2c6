import { useEffect, useId, useMemo, useRef, useState, type MouseEvent, type Ref } from 'react';
import { mergeRefs } from '../../../hooks/mergeRefs';
import { useElementWidth } from '../../../hooks/useElementWidth';
import { useGridCursor, type GridMove } from '../../../hooks/useGridCursor';
import { useIsomorphicLayoutEffect } from '../../../hooks/useIsomorphicLayoutEffect';
import { useThemeVersion } from '../../../theme/useThemeVersion';
import { clearSampleGrid, drawSampleGrid, gridLayout, gridPixelSize, type BatchShape } from '../draw/drawSamples';
import { fitCellSize } from '../draw/fitCellSize';
import { SampleZoomDialog } from './SampleZoomDialog';

/** Props of {@link SampleGridCanvas}. */
export interface SampleGridCanvasProps {
  /** Display bytes of a batch (see `sampleBytes.ts`), or null for an empty grid. */
  bytes: Uint8Array | null;
  /** The batch's shape. */
  shape: BatchShape;
  /** Side of one image in CSS pixels: the largest wanted; the grid shrinks it to fit a narrower space. */
  cellSize: number;
  /** Space between images in CSS pixels. */
  gap?: number;
  /** Accessible name of the picture. */
  label: string;
  /** The canvas element, for a caller that reads it back (e.g. to save it as a PNG). */
  canvasRef?: Ref<HTMLCanvasElement>;
  /** The canvas's `data-layer` attribute: which of a figure's grids it is, for tests and styles. */
  layer?: string;
}

/** The cell an arrow, Home or End moves to from `from` in a grid of `count` cells, `columns` wide. */
export function moveInGrid(from: number | null, move: GridMove, count: number, columns: number): number {
  if (from === null) return 0;
  if (move.type !== 'step') {
    const rowStart = from - (from % columns);
    if (move.type === 'home') return move.whole ? 0 : rowStart;
    return move.whole ? count - 1 : Math.min(count - 1, rowStart + columns - 1);
  }
  const col = from % columns;
  const nextCol = col + move.dx;
  if (nextCol < 0 || nextCol >= columns) return from;
  const next = from + move.dx + move.dy * columns;
  return next >= 0 && next < count ? next : from;
}

/**
 * A canvas showing a batch of images as a grid, redrawn when its bytes change (one immutable buffer each time).
 * The cells fill the width the grid is given (a ResizeObserver follows it; `cellSize` caps them, and is the
 * size on the server). Click an image, or choose one with the arrow keys and press Enter, to see it enlarged.
 */
export function SampleGridCanvas({ bytes, shape, cellSize, gap = 2, label, canvasRef, layer }: SampleGridCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const refs = useMemo(() => mergeRefs(ref, canvasRef), [canvasRef]);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const width = useElementWidth(box);
  const cell = fitCellSize(width, { count: shape.count, gap, max: cellSize });
  const size = gridPixelSize(shape.count, cell, gap);
  const { columns } = gridLayout(shape.count);
  const [open, setOpen] = useState<number | null>(null);
  const hintId = useId();
  const ready = bytes !== null;
  const openCell = (c: number | null) => {
    if (c === null || !ready) return false;
    setOpen(c);
    return true;
  };
  // An emptied grid (a new run) closes its enlarged view rather than reopening it when images come back.
  useEffect(() => {
    if (!ready) setOpen(null);
  }, [ready]);
  const keyboard = useGridCursor<number>({
    move: (from, m) => moveInGrid(from, m, shape.count, columns),
    ends: true,
    start: () => 0,
    keys: { Enter: openCell, ' ': openCell },
  });
  // The empty cells take the theme's colours: a theme switch redraws.
  const themeVersion = useThemeVersion();
  useIsomorphicLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (bytes) drawSampleGrid(canvas, bytes, shape, { cellSize: cell, gap });
    else clearSampleGrid(canvas);
    // The shape's fields, not its object identity, decide a redraw.
  }, [bytes, cell, gap, shape.count, shape.channels, shape.width, shape.height, themeVersion]);

  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    // In grid pixels: the canvas may be drawn narrower than its grid (CSS keeps it within a narrower container).
    const rect = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - rect.left) * size.width) / (rect.width || size.width);
    const y = ((event.clientY - rect.top) * size.height) / (rect.height || size.height);
    const col = Math.floor(x / (cell + gap));
    const row = Math.floor(y / (cell + gap));
    const index = row * columns + col;
    // Clicks in a gap or past the last image open nothing.
    if (col < columns && x - col * (cell + gap) < cell && y - row * (cell + gap) < cell && index < shape.count)
      openCell(index);
  };
  const cursor = keyboard.focused ? keyboard.cursor : null;
  // The keyboard cursor's box, as shares of the grid (so it stays on its cell however the canvas is scaled).
  const percent = (px: number, of: number) => `${(100 * px) / of}%`;

  return (
    <div ref={setBox} className="dk-model-grid" data-cell-size={cell}>
      {/* The grid's size (computed); CSS keeps it within the container, the canvas at the grid's aspect. */}
      <div className="dk-model-grid-frame" style={{ width: size.width }}>
        <canvas
          ref={refs}
          className="dk-model-grid-canvas"
          role="img"
          aria-label={label}
          data-layer={layer}
          aria-describedby={ready ? hintId : undefined}
          tabIndex={ready ? 0 : undefined}
          width={size.width}
          height={size.height}
          onClick={ready ? onClick : undefined}
          onKeyDown={ready ? keyboard.onKeyDown : undefined}
          onFocus={keyboard.onFocus}
          onBlur={keyboard.onBlur}
          style={{ width: size.width, aspectRatio: `${size.width} / ${size.height}` }}
        />
        {cursor !== null ? (
          <div
            aria-hidden="true"
            className="dk-model-grid-cursor"
            style={{
              left: `calc(${percent((cursor % columns) * (cell + gap), size.width)} - 2px)`,
              top: `calc(${percent(Math.floor(cursor / columns) * (cell + gap), size.height)} - 2px)`,
              width: `calc(${percent(cell, size.width)} + 4px)`,
              height: `calc(${percent(cell, size.height)} + 4px)`,
            }}
          />
        ) : null}
      </div>
      {ready ? (
        <span id={hintId} className="dk-visually-hidden">
          {cursor !== null ? `Image ${cursor + 1} of ${shape.count}. ` : ''}Arrow keys choose an image; Enter shows it
          enlarged.
        </span>
      ) : null}
      {open !== null && open < shape.count && bytes ? (
        <SampleZoomDialog bytes={bytes} shape={shape} index={open} gridLabel={label} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
