import { getGlyph } from '../../data/glyphs';
import { lineCells, SKETCH_SIDE, stamp, type SketchCell } from './sketchCells';

/** A stroke as the pad would draw it: a polyline of cells, painted with a square brush. */
type Stroke = readonly SketchCell[];

function drawStrokes(strokes: readonly Stroke[], brush = 2, side = SKETCH_SIDE): Float32Array {
  const cells = new Float32Array(side * side);
  for (const stroke of strokes)
    for (let i = 0; i + 1 < stroke.length; i++)
      stamp(cells, lineCells(stroke[i]!, stroke[i + 1]!), 'draw', brush, side);
  return cells;
}

/**
 * A rough water radical 氵 on the left third, as a reader might draw it with a mouse: two short dabs and a rising
 * tick. The right two thirds are left empty for the model to fill.
 */
export function roughWaterSketch(): Float32Array {
  return drawStrokes([
    [
      { row: 5, col: 3 },
      { row: 8, col: 6 },
    ],
    [
      { row: 12, col: 2 },
      { row: 15, col: 5 },
    ],
    [
      { row: 27, col: 2 },
      { row: 23, col: 5 },
      { row: 18, col: 8 },
    ],
  ]);
}

/** A shipped glyph's ink (1 = ink) as pad cells, or an empty pad when the atlas has no such glyph. */
export function glyphCells(char: string): Float32Array {
  const glyph = getGlyph(char);
  return glyph ? Float32Array.from(glyph.data) : new Float32Array(SKETCH_SIDE * SKETCH_SIDE);
}

/** A mask of the left `share` of the pad's columns (1 = repaint): where most radicals sit. */
export function leftMask(share = 1 / 3, side = SKETCH_SIDE): Float32Array {
  const mask = new Float32Array(side * side);
  const cols = Math.round(side * share);
  for (let r = 0; r < side; r++) mask.fill(1, r * side, r * side + cols);
  return mask;
}

/** The cells as a short string, two hex digits a cell: a run's key (an equal sketch is the same run). */
export function cellsKey(cells: Float32Array): string {
  let out = '';
  for (let i = 0; i < cells.length; i++)
    out += Math.round(Math.max(0, Math.min(1, cells[i]!)) * 255)
      .toString(16)
      .padStart(2, '0');
  return out;
}

/** The cells of a {@link cellsKey}. */
export function cellsOfKey(key: string): Float32Array {
  const cells = new Float32Array(key.length / 2);
  for (let i = 0; i < cells.length; i++) cells[i] = parseInt(key.slice(2 * i, 2 * i + 2), 16) / 255;
  return cells;
}
