import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { listGlyphs } from '../../data/glyphs';
import { useElementWidth } from '../../hooks/useElementWidth';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { readThemeColor } from '../../theme/theme';
import { useKitStyles } from '../../theme/useKitStyles';
import { useThemeVersion } from '../../theme/useThemeVersion';
import {
  brushBox,
  cellAtFraction,
  lineCells,
  moveCursor,
  SKETCH_SIDE,
  sideOfLength,
  stamp,
  type SketchCell,
  type SketchTool,
} from './sketchCells';
import { SketchToolbar } from './SketchToolbar';

/** What the pad edits: a sketch drawn in ink, or a mask (which cells to repaint) tinted over an image. */
export type SketchVariant = 'ink' | 'mask';

/** Props of {@link SketchPad}. */
export interface SketchPadProps {
  /**
   * The cells the pad edits: `side` x `side` values (32 x 32 = 1,024 for the kit's glyphs), row-major, each in
   * [0, 1]. In the `ink` variant 1 is ink and 0 paper; in the `mask` variant 1 marks a cell to repaint. The pad
   * never modifies it: every edit is a new array passed to `onChange`.
   */
  value: Float32Array;
  /** Called with the new cells after every edit: once per pointer event of a stroke, once per key. */
  onChange: (next: Float32Array) => void;
  /** What a stroke, Space or Enter does: set cells to 1 (`draw`) or to 0 (`erase`). */
  tool: SketchTool;
  /** Called when the reader picks the other tool (the toolbar, or the D and E keys). */
  onToolChange: (tool: SketchTool) => void;
  /** The pad's accessible name, e.g. "Sketch of a glyph" or "Mask of the cells to repaint". */
  label: string;
  /**
   * The side of the square brush in cells: 1 paints one cell, 2 a 2 x 2 block (the cursor's cell its top left),
   * 3 a 3 x 3 block around the cursor. Default 2, about the stroke width of the kit's 32 x 32 glyphs.
   */
  brush?: number;
  /** `ink` (default): `value` drawn as ink. `mask`: `value` drawn as a translucent tint over `base`. */
  variant?: SketchVariant;
  /**
   * An image shown beneath `value`, never edited (same size, 1 = ink): the glyph a mask is drawn over, or a faint
   * guide to trace in the `ink` variant.
   */
  base?: Float32Array;
  /** What `base`'s ink is called when the keyboard cursor is on it ("glyph ink", the default). */
  baseLabel?: string;
  /** The widest the pad grows, in CSS pixels (default 320); it takes the width it is given up to this. */
  maxWidth?: number;
  /** Shows the toolbar (Draw / Erase, Clear, Start from a glyph) beside the pad (default true). */
  toolbar?: boolean;
  /**
   * The characters offered by "Start from a glyph" (shipped glyphs of the pad's size): by default the first eight
   * shipped glyphs in the `ink` variant, none (no menu) in the `mask` variant.
   */
  glyphs?: readonly string[];
  /** Shows the pad and its tools but takes no input. */
  disabled?: boolean;
}

/** The default brush: about the stroke width of a 32 x 32 glyph. */
export const DEFAULT_SKETCH_BRUSH = 2;
/** The default widest size of the pad, in CSS pixels. */
export const DEFAULT_SKETCH_MAX_WIDTH = 320;

/** How a value of the cell reads aloud. */
function stateWord(v: number, variant: SketchVariant): string {
  if (variant === 'mask') return v >= 0.5 ? 'masked' : 'not masked';
  return v >= 0.5 ? 'ink' : v > 0.05 ? 'faint ink' : 'blank';
}

/** A copy of `cells` at exactly `side * side` values (a short array is padded with paper). */
function copyCells(cells: Float32Array, side: number): Float32Array {
  const next = new Float32Array(side * side);
  next.set(cells.length > next.length ? cells.subarray(0, next.length) : cells);
  return next;
}

interface PaintInput {
  value: Float32Array;
  base: Float32Array | undefined;
  variant: SketchVariant;
  side: number;
  cssWidth: number;
}

/**
 * Paints the pad at the device's pixel ratio: paper, the grid lines, `base`, then `value` (as ink, or as the mask's
 * tint). Cell edges are rounded to whole device pixels, so every cell is crisp whatever the width. Colours are the
 * theme's, read at the canvas (canvases cannot use `var()`).
 */
function paintSketch(canvas: HTMLCanvasElement, { value, base, variant, side, cssWidth }: PaintInput): void {
  const dpr = typeof window !== 'undefined' ? Math.min(3, window.devicePixelRatio || 1) : 1;
  const size = Math.max(side, Math.round(cssWidth * dpr));
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const paper = readThemeColor(canvas, 'background');
  const ink = readThemeColor(canvas, 'text');
  const grid = readThemeColor(canvas, 'grid');
  const tint = readThemeColor(canvas, 'accent2');
  const edge = (i: number) => Math.round((i * size) / side);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = paper;
  ctx.fillRect(0, 0, size, size);
  // Grid lines, one device pixel, under the cells: they show on paper and vanish under ink.
  ctx.fillStyle = grid;
  for (let i = 1; i < side; i++) {
    ctx.fillRect(edge(i), 0, 1, size);
    ctx.fillRect(0, edge(i), size, 1);
  }
  const cells = (values: Float32Array, colour: string, alpha: number) => {
    ctx.fillStyle = colour;
    for (let row = 0; row < side; row++) {
      for (let col = 0; col < side; col++) {
        const v = values[row * side + col] ?? 0;
        if (!(v > 0)) continue;
        ctx.globalAlpha = Math.min(1, v) * alpha;
        ctx.fillRect(edge(col), edge(row), edge(col + 1) - edge(col), edge(row + 1) - edge(row));
      }
    }
    ctx.globalAlpha = 1;
  };
  if (variant === 'mask') {
    if (base) cells(base, ink, 1);
    cells(value, tint, 0.5);
  } else {
    // A guide to trace: faint, so the reader's own ink stands out.
    if (base) cells(base, ink, 0.2);
    cells(value, ink, 1);
  }
}

/**
 * The drawing surface of GlyphSketch: a square pad of cells (32 x 32 for the kit's glyphs) that the reader draws on
 * or erases with a mouse, pen or finger, or from the keyboard. It is controlled: it shows `value` (and `base`
 * beneath it) and reports every edit as a new array to `onChange`. With `variant="mask"` the same pad edits a mask
 * tinted over an image (`base`), e.g. the cells of a glyph to repaint.
 *
 * Pointer: press and drag; the cells between two pointer events are filled along a straight line, so a fast
 * stroke has no gaps; the pointer is captured, so a stroke that leaves the pad goes on along its edge.
 *
 * Keyboard: the pad is one focusable element with role="application". A grid role would ask for 1,024 gridcell
 * elements and puts screen readers (NVDA, JAWS) in their own table navigation, where they keep the arrow keys and
 * Shift+arrows for themselves; an application hands every key to the pad, which moves its own cursor and says where
 * it is (row, column, state) in a polite live region. The keys are its description.
 */
export function SketchPad({
  value,
  onChange,
  tool,
  onToolChange,
  label,
  brush = DEFAULT_SKETCH_BRUSH,
  variant = 'ink',
  base,
  baseLabel = 'glyph ink',
  maxWidth = DEFAULT_SKETCH_MAX_WIDTH,
  toolbar = true,
  glyphs,
  disabled = false,
}: SketchPadProps) {
  useKitStyles();
  const themeVersion = useThemeVersion();
  const side = sideOfLength(value.length) || SKETCH_SIDE;
  const id = useId();
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const measured = useElementWidth(frame);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [cursor, setCursor] = useState<SketchCell>(() => ({ row: side >> 1, col: side >> 1 }));
  const [focused, setFocused] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The cells as last reported: a stroke's next move builds on its own last edit even before the owner re-renders.
  const latest = useRef(value);
  latest.current = value;
  const stroke = useRef<{ pointerId: number; last: SketchCell } | null>(null);

  const cssWidth = Math.min(measured ?? maxWidth, maxWidth);
  useIsomorphicLayoutEffect(() => {
    if (canvasRef.current) paintSketch(canvasRef.current, { value, base, variant, side, cssWidth });
  }, [value, base, variant, side, cssWidth, themeVersion]);

  const describe = (cell: SketchCell, cells: Float32Array = latest.current) => {
    const i = cell.row * side + cell.col;
    const under = base && (base[i] ?? 0) >= 0.5 ? `, over ${baseLabel}` : '';
    return `Row ${cell.row + 1}, column ${cell.col + 1}, ${stateWord(cells[i] ?? 0, variant)}${under}`;
  };
  const emit = (next: Float32Array) => {
    latest.current = next;
    onChange(next);
  };
  /** Applies `as` (the tool by default) along `path`; reports the new cells if any changed. */
  const paint = (path: readonly SketchCell[], as: SketchTool = tool): Float32Array => {
    const next = copyCells(latest.current, side);
    if (stamp(next, path, as, brush, side)) emit(next);
    return latest.current;
  };

  const cellOf = (e: { clientX: number; clientY: number }): SketchCell => {
    const box = (canvasRef.current ?? frame)!.getBoundingClientRect();
    return cellAtFraction(
      box.width > 0 ? (e.clientX - box.left) / box.width : 0,
      box.height > 0 ? (e.clientY - box.top) / box.height : 0,
      side,
    );
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    // The main button of a mouse or pen, or a touch; one stroke at a time (a second finger is ignored).
    if (disabled || e.button !== 0 || stroke.current) return;
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      // No capture for a pointer the browser no longer tracks: the stroke goes on without it.
    }
    const cell = cellOf(e);
    stroke.current = { pointerId: e.pointerId, last: cell };
    paint([cell]);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const current = stroke.current;
    if (!current || current.pointerId !== e.pointerId) return;
    // Every position the browser saw since the last event (a fast stroke's in-between points), else this one.
    const coalesced = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const points = coalesced.length > 0 ? coalesced : [e];
    const path: SketchCell[] = [];
    for (const p of points) {
      const cell = cellOf(p);
      path.push(...lineCells(current.last, cell));
      current.last = cell;
    }
    paint(path);
  };
  const endStroke = (e: PointerEvent<HTMLDivElement>) => {
    const current = stroke.current;
    if (!current || current.pointerId !== e.pointerId) return;
    stroke.current = null;
    // The keyboard goes on from where the stroke ended.
    setCursor(current.last);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (disabled || e.altKey) return;
    const to = moveCursor(cursor, e, side);
    if (to) {
      e.preventDefault();
      // Shift paints every cell the cursor passes, the one it leaves and the one it reaches included.
      const cells = e.shiftKey ? paint(lineCells(cursor, to)) : latest.current;
      setCursor(to);
      setAnnouncement(describe(to, cells));
      return;
    }
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      setAnnouncement(describe(cursor, paint([cursor])));
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    const picked: SketchTool | null =
      e.key === 'd' || e.key === 'D' ? 'draw' : e.key === 'e' || e.key === 'E' ? 'erase' : null;
    if (picked) {
      e.preventDefault();
      onToolChange(picked);
      setAnnouncement(picked === 'draw' ? 'Draw' : 'Erase');
    }
  };

  const box = brushBox(cursor, brush, side);
  const pct = (n: number) => `${(n / side) * 100}%`;
  const glyphChars =
    glyphs ??
    (variant === 'ink'
      ? listGlyphs(side)
          .slice(0, 8)
          .map((g) => g.char)
      : []);
  const what = variant === 'mask' ? 'mask' : 'sketch';
  return (
    <div className="dk-glyph-sketch-editor" data-part="sketch-editor">
      {/* An application takes its keys and pointer itself (see above); jsx-a11y counts it as non-interactive. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={setFrame}
        className="dk-glyph-sketch-pad"
        style={{ maxWidth: `${maxWidth}px` }}
        role="application"
        aria-roledescription="sketch pad"
        aria-label={label}
        aria-describedby={`${id}-keys`}
        aria-disabled={disabled || undefined}
        tabIndex={disabled ? -1 : 0}
        data-part="sketch-pad"
        data-variant={variant}
        data-tool={tool}
        data-cursor={`${cursor.row},${cursor.col}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
        onLostPointerCapture={endStroke}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          setAnnouncement(describe(cursor));
        }}
        onBlur={() => setFocused(false)}
      >
        <canvas
          ref={canvasRef}
          width={maxWidth}
          height={maxWidth}
          aria-hidden="true"
          className="dk-glyph-sketch-canvas"
          data-part="sketch-cells"
        />
        {focused && !disabled ? (
          <div
            aria-hidden="true"
            className="dk-glyph-sketch-cursor"
            data-part="sketch-cursor"
            style={{ top: pct(box.row), left: pct(box.col), width: pct(box.cols), height: pct(box.rows) }}
          />
        ) : null}
      </div>
      <span id={`${id}-keys`} className="dk-visually-hidden">
        Press and drag to {tool === 'draw' ? 'draw' : 'erase'}. Arrow keys move the cursor; Space or Enter{' '}
        {tool === 'draw' ? 'draws' : 'erases'} at the cursor; Shift with an arrow paints while moving. Home and End go
        to the ends of the row, with Control to the corners; Page Up and Page Down move {Math.round(side / 4)} rows. D
        draws, E erases.
      </span>
      <span className="dk-visually-hidden" aria-live="polite" aria-atomic="true" data-part="sketch-status">
        {announcement}
      </span>
      {toolbar ? (
        <SketchToolbar
          tool={tool}
          onToolChange={onToolChange}
          side={side}
          disabled={disabled}
          clearLabel={`Clear ${what}`}
          onClear={() => {
            emit(new Float32Array(side * side));
            setAnnouncement(`${variant === 'mask' ? 'Mask' : 'Sketch'} cleared`);
          }}
          glyphs={glyphChars}
          onLoadGlyph={(cells, char) => {
            emit(copyCells(cells, side));
            setAnnouncement(`Started from the glyph ${char}`);
          }}
        />
      ) : null}
    </div>
  );
}
