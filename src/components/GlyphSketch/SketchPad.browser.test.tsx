import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { getGlyph, listGlyphs } from '../../data/glyphs';
import { ThemeScope } from '../../theme/ThemeScope';
import { axeViolations } from '../shared/testing/axeViolations.browser';
import { mount, until } from '../shared/testing/testHelpers.browser';
import { SketchPad, type SketchPadProps } from './SketchPad';
import type { SketchTool } from './sketchCells';

const SIDE = 32;

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** What the owner of the pad holds: its cells as last reported, and every array reported. */
interface Seen {
  value: Float32Array;
  reported: Float32Array[];
  tool: SketchTool;
}

/** The pad as an owner uses it: the cells and the tool in state. */
function Owner({
  seen,
  ...props
}: { seen: Seen } & Omit<SketchPadProps, 'value' | 'onChange' | 'tool' | 'onToolChange' | 'label'>) {
  const [value, setValue] = useState(seen.value);
  const [tool, setTool] = useState(seen.tool);
  return (
    <SketchPad
      label="Sketch of a glyph"
      {...props}
      value={value}
      tool={tool}
      onToolChange={(t) => {
        seen.tool = t;
        setTool(t);
      }}
      onChange={(next) => {
        seen.value = next;
        seen.reported.push(next);
        setValue(next);
      }}
    />
  );
}

function setup(
  props: Omit<SketchPadProps, 'value' | 'onChange' | 'tool' | 'onToolChange' | 'label'> = {},
  init?: {
    value?: Float32Array;
    tool?: SketchTool;
    width?: number;
  },
) {
  const seen: Seen = { value: init?.value ?? new Float32Array(SIDE * SIDE), reported: [], tool: init?.tool ?? 'draw' };
  const m = mount(
    <div style={{ width: init?.width ?? 400 }}>
      <Owner seen={seen} {...props} />
    </div>,
  );
  cleanup = m.unmount;
  const pad = m.host.querySelector('[role="application"]') as HTMLDivElement;
  const canvas = pad.querySelector('canvas')!;
  return { m, seen, pad, canvas };
}

/** Sends a pointer event at the centre of a cell (row, column) of the pad's rendered canvas. */
function pointer(
  pad: HTMLElement,
  canvas: HTMLCanvasElement,
  type: 'pointerdown' | 'pointermove' | 'pointerup',
  row: number,
  col: number,
  pointerType: 'mouse' | 'pen' | 'touch' = 'mouse',
  pointerId = 1,
) {
  const box = canvas.getBoundingClientRect();
  pad.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      pointerType,
      pointerId,
      isPrimary: true,
      button: type === 'pointermove' ? -1 : 0,
      buttons: type === 'pointerup' ? 0 : 1,
      clientX: box.left + ((col + 0.5) / SIDE) * box.width,
      clientY: box.top + ((row + 0.5) / SIDE) * box.height,
    }),
  );
}

const at = (cells: Float32Array, row: number, col: number) => cells[row * SIDE + col]!;
const inked = (cells: Float32Array) => {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < cells.length; i++) if (cells[i]! >= 0.5) out.push([Math.floor(i / SIDE), i % SIDE]);
  return out;
};

/** Distance of a cell's centre from the segment between two cells' centres, in cells. */
function distanceToSegment([r, c]: [number, number], [r0, c0]: [number, number], [r1, c1]: [number, number]) {
  const dr = r1 - r0;
  const dc = c1 - c0;
  const t = Math.max(0, Math.min(1, ((r - r0) * dr + (c - c0) * dc) / (dr * dr + dc * dc)));
  return Math.hypot(r - (r0 + t * dr), c - (c0 + t * dc));
}

/** Whether the inked cells form one 8-connected piece (no gap anywhere along the stroke). */
function connected(cells: Array<[number, number]>): boolean {
  if (cells.length === 0) return false;
  const key = ([r, c]: [number, number]) => r * SIDE + c;
  const left = new Set(cells.map(key));
  const todo = [cells[0]!];
  left.delete(key(cells[0]!));
  while (todo.length) {
    const [r, c] = todo.pop()!;
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        const k = (r + dr) * SIDE + (c + dc);
        if (r + dr >= 0 && c + dc >= 0 && r + dr < SIDE && c + dc < SIDE && left.delete(k)) todo.push([r + dr, c + dc]);
      }
  }
  return left.size === 0;
}

describe('SketchPad in the browser', () => {
  it('fills every cell along a fast drag from one cell to a far one, with no gaps', () => {
    const { pad, canvas, seen } = setup({ brush: 1 });
    const from: [number, number] = [5, 1];
    const to: [number, number] = [20, 30];
    // One move event across 29 columns: what a fast stroke sends.
    pointer(pad, canvas, 'pointerdown', ...from);
    pointer(pad, canvas, 'pointermove', ...to);
    pointer(pad, canvas, 'pointerup', ...to);
    const cells = inked(seen.value);
    expect(at(seen.value, ...from)).toBe(1);
    expect(at(seen.value, ...to)).toBe(1);
    // Every column and every row the stroke crosses has ink; the ink is one piece, and on the line.
    for (let col = from[1]; col <= to[1]; col++)
      expect(
        cells.some(([, c]) => c === col),
        `column ${col}`,
      ).toBe(true);
    for (let row = from[0]; row <= to[0]; row++)
      expect(
        cells.some(([r]) => r === row),
        `row ${row}`,
      ).toBe(true);
    expect(connected(cells)).toBe(true);
    for (const cell of cells) expect(distanceToSegment(cell, from, to)).toBeLessThan(1);
    // A thin line: about one cell per column crossed.
    expect(cells.length).toBeLessThanOrEqual(to[1] - from[1] + 1);
    // One report for the press and one for the move.
    expect(seen.reported).toHaveLength(2);
  });

  it('erases along a stroke with the erase tool and the default 2-cell brush, leaving other rows inked', () => {
    const { pad, canvas, seen } = setup({}, { value: new Float32Array(SIDE * SIDE).fill(1), tool: 'erase' });
    expect(pad.dataset.tool).toBe('erase');
    pointer(pad, canvas, 'pointerdown', 10, 0);
    pointer(pad, canvas, 'pointermove', 10, 31);
    pointer(pad, canvas, 'pointerup', 10, 31);
    for (let col = 0; col < SIDE; col++) {
      expect(at(seen.value, 10, col), `row 10, column ${col}`).toBe(0);
      expect(at(seen.value, 11, col), `row 11, column ${col}`).toBe(0);
      expect(at(seen.value, 9, col)).toBe(1);
      expect(at(seen.value, 12, col)).toBe(1);
    }
    expect(inked(seen.value)).toHaveLength(SIDE * SIDE - 2 * SIDE);
  });

  it('keyboard: arrows move the cursor, Space paints that exact cell, Shift+arrows paint along, D/E switch', async () => {
    const { pad, seen } = setup({ brush: 1 });
    const status = pad.parentElement!.querySelector('[aria-live="polite"]')!;
    pad.focus();
    const start = pad.dataset.cursor!.split(',').map(Number) as [number, number];
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowUp}{ArrowUp}');
    const cursor: [number, number] = [start[0] - 2, start[1] + 3];
    expect(pad.dataset.cursor).toBe(cursor.join(','));
    expect(inked(seen.value)).toEqual([]);
    expect(pad.querySelector('[data-part="sketch-cursor"]')).not.toBeNull();
    await userEvent.keyboard(' ');
    expect(inked(seen.value)).toEqual([cursor]);
    await until(() => status.textContent === `Row ${cursor[0] + 1}, column ${cursor[1] + 1}, ink`);
    // Shift+ArrowDown three times: the three cells below are painted as the cursor passes.
    await userEvent.keyboard('{Shift>}{ArrowDown}{ArrowDown}{ArrowDown}{/Shift}');
    expect(inked(seen.value)).toEqual([0, 1, 2, 3].map((k) => [cursor[0] + k, cursor[1]]));
    // Plain arrows move without painting.
    await userEvent.keyboard('{ArrowLeft}');
    expect(inked(seen.value)).toHaveLength(4);
    // E switches to erase; Enter erases at the cursor's cell (empty: nothing changes), then back on the line.
    await userEvent.keyboard('e');
    expect(seen.tool).toBe('erase');
    expect(pad.dataset.tool).toBe('erase');
    await userEvent.keyboard('{ArrowRight}{Enter}');
    expect(inked(seen.value)).toEqual([0, 1, 2].map((k) => [cursor[0] + k, cursor[1]]));
    await userEvent.keyboard('d');
    expect(seen.tool).toBe('draw');
    // Home / End: ends of the row; Ctrl+End: the last cell; PageUp: 8 rows up.
    await userEvent.keyboard('{Home}');
    expect(pad.dataset.cursor).toBe(`${cursor[0] + 3},0`);
    await userEvent.keyboard('{End}');
    expect(pad.dataset.cursor).toBe(`${cursor[0] + 3},31`);
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(pad.dataset.cursor).toBe('31,31');
    await userEvent.keyboard('{PageUp}');
    expect(pad.dataset.cursor).toBe('23,31');
    await userEvent.keyboard('{Control>}{Home}{/Control}{ArrowUp}{ArrowLeft}');
    expect(pad.dataset.cursor).toBe('0,0');
  });

  it('shows a 2 px focus ring when reached with Tab, and the cursor only while focused', async () => {
    const { pad } = setup();
    expect(pad.querySelector('[data-part="sketch-cursor"]')).toBeNull();
    const before = document.createElement('button');
    before.textContent = 'before';
    pad.parentElement!.parentElement!.prepend(before);
    before.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(pad);
    const style = getComputedStyle(pad);
    expect(style.outlineStyle).toBe('solid');
    expect(style.outlineWidth).toBe('2px');
    expect(pad.querySelector('[data-part="sketch-cursor"]')).not.toBeNull();
    before.remove();
  });

  it('Clear empties the pad', async () => {
    const { m, seen } = setup({}, { value: new Float32Array(SIDE * SIDE).fill(0.7) });
    await userEvent.click(m.host.querySelector('button[data-action="clear"]')!);
    expect(seen.value).toHaveLength(SIDE * SIDE);
    expect(seen.value.every((v) => v === 0)).toBe(true);
  });

  it('starts from a glyph: the cells are that glyph bitmap from getGlyph', async () => {
    const { m, seen } = setup();
    const select = m.host.querySelector('select') as HTMLSelectElement;
    const choices = [...select.options].map((o) => o.value).filter(Boolean);
    expect(choices).toEqual(
      listGlyphs(SIDE)
        .slice(0, 8)
        .map((g) => g.char),
    );
    const char = choices[2]!;
    await userEvent.selectOptions(select, char);
    const glyph = getGlyph(char)!;
    expect(glyph.data.some((v) => v > 0.5)).toBe(true);
    expect(Array.from(seen.value)).toEqual(Array.from(glyph.data));
    // A copy: drawing on the pad never writes into the shipped glyph.
    expect(seen.value).not.toBe(glyph.data);
    // The menu shows its prompt again, so the glyph can be loaded again after drawing.
    expect(select.value).toBe('');
  });

  it('the mask variant edits the value and leaves base untouched, with no glyph menu', () => {
    const glyph = getGlyph(0)!;
    const base = Float32Array.from(glyph.data);
    const snapshot = Float32Array.from(base);
    const { m, pad, canvas, seen } = setup({ variant: 'mask', base });
    expect(pad.dataset.variant).toBe('mask');
    expect(m.host.querySelector('select')).toBeNull();
    pointer(pad, canvas, 'pointerdown', 4, 4);
    pointer(pad, canvas, 'pointermove', 27, 27);
    pointer(pad, canvas, 'pointerup', 27, 27);
    expect(inked(seen.value).length).toBeGreaterThan(20);
    expect(at(seen.value, 15, 15)).toBe(1);
    expect(Array.from(base)).toEqual(Array.from(snapshot));
    for (const reported of seen.reported) expect(reported).not.toBe(base);
  });

  it('draws by touch on a pad in a 320 px column: square, no horizontal overflow, touch-action none', async () => {
    const { m, pad, canvas, seen } = setup({ brush: 1 }, { width: 320 });
    expect(getComputedStyle(pad).touchAction).toBe('none');
    const box = canvas.getBoundingClientRect();
    expect(box.width).toBeLessThanOrEqual(320);
    expect(box.width).toBeGreaterThan(200);
    expect(Math.abs(box.height - box.width)).toBeLessThan(1);
    const column = m.host.firstElementChild as HTMLElement;
    expect(column.scrollWidth).toBeLessThanOrEqual(320);
    // The canvas is drawn at the device's pixel ratio, once the pad's width is measured.
    const backing = Math.round(box.width * Math.min(3, devicePixelRatio || 1));
    await until(() => canvas.width === backing, 5_000, `a canvas ${backing} pixels wide (is ${canvas.width})`);
    expect(canvas.height).toBe(backing);
    pointer(pad, canvas, 'pointerdown', 2, 29, 'touch', 7);
    pointer(pad, canvas, 'pointermove', 29, 2, 'touch', 7);
    pointer(pad, canvas, 'pointerup', 29, 2, 'touch', 7);
    expect(at(seen.value, 2, 29)).toBe(1);
    expect(at(seen.value, 29, 2)).toBe(1);
    expect(at(seen.value, 15, 16) + at(seen.value, 16, 15)).toBeGreaterThan(0);
    expect(connected(inked(seen.value))).toBe(true);
    // A second finger while the first is down does not draw.
    pointer(pad, canvas, 'pointerdown', 0, 0, 'touch', 8);
    pointer(pad, canvas, 'pointerdown', 5, 5, 'touch', 9);
    pointer(pad, canvas, 'pointermove', 5, 10, 'touch', 9);
    expect(at(seen.value, 5, 5)).toBe(0);
    expect(at(seen.value, 5, 10)).toBe(0);
  });

  it('paints ink darker than paper, and takes no input when disabled', () => {
    const value = new Float32Array(SIDE * SIDE);
    value[0] = 1;
    const { pad, canvas, seen } = setup({ disabled: true }, { value });
    const ctx = canvas.getContext('2d')!;
    const cell = canvas.width / SIDE;
    const luminance = (x: number, y: number) => {
      const [r, g, b] = ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data;
      return r! + g! + b!;
    };
    expect(luminance(cell / 2, cell / 2)).toBeLessThan(luminance(cell * 5.5, cell * 5.5) - 300);
    expect(pad.getAttribute('aria-disabled')).toBe('true');
    expect(pad.tabIndex).toBe(-1);
    pointer(pad, canvas, 'pointerdown', 5, 5);
    pointer(pad, canvas, 'pointermove', 5, 10);
    pad.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(seen.reported).toEqual([]);
  });

  it('has no axe violations, light and dark, as a sketch and as a mask over a glyph', async () => {
    const glyph = Float32Array.from(getGlyph(0)!.data);
    const noop = () => {};
    const m = mount(
      <>
        <SketchPad value={glyph} onChange={noop} tool="draw" onToolChange={noop} label="Sketch of a glyph" />
        <ThemeScope theme="dark">
          <SketchPad
            value={new Float32Array(SIDE * SIDE)}
            base={glyph}
            variant="mask"
            onChange={noop}
            tool="erase"
            onToolChange={noop}
            label="Cells to repaint"
          />
        </ThemeScope>
      </>,
    );
    cleanup = m.unmount;
    expect(await axeViolations(m.host)).toEqual([]);
  });
});
