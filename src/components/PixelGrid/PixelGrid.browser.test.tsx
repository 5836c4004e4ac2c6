import axe from 'axe-core';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { listGlyphs } from '../../data/glyphs';
import { PixelGrid, type PixelGridProps } from './PixelGrid';

const WATER = listGlyphs().find((g) => g.radical === 85)!.char;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  root?.unmount();
  host?.remove();
  root = null;
});

function mount(props: PixelGridProps) {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  flushSync(() => root!.render(<PixelGrid {...props} />));
  return host;
}

// Redraw timings when t changes: bench/pixelGrid.mjs (npm run bench).

describe('PixelGrid canvas', () => {
  it('draws the clean glyph, then noise when t changes', () => {
    const el = mount({ glyph: WATER, size: 384, t: null });
    const canvas = el.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const corner = () => Array.from(ctx.getImageData(2, 2, 1, 1).data);
    // Background 0 in greys is black.
    expect(corner()).toEqual([0, 0, 0, 255]);
    flushSync(() => root!.render(<PixelGrid glyph={WATER} size={384} t={900} />));
    // At t = 900 the corner pixel is mostly noise: no longer exactly black (a chance of 1 in ~10^3 of clamping to 0).
    expect(corner()).not.toEqual([0, 0, 0, 255]);
  });
});

describe('PixelGrid accessibility', () => {
  it('has no axe violations (SVG with values, canvas, noised)', async () => {
    host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
    flushSync(() =>
      root!.render(
        <>
          <PixelGrid glyph={WATER} downsample={4} t={100} />
          <PixelGrid glyph={WATER} />
        </>,
      ),
    );
    const result = await axe.run(host);
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('moves the cell cursor with real key presses and announces the cell', async () => {
    const el = mount({ glyph: WATER, downsample: 4 });
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(el.querySelector('[role="application"]'));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    expect(el.querySelector('[data-part="live"]')!.textContent).toMatch(/^x 1, y 2: value /);
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(el.querySelector('[data-part="live"]')!.textContent).toMatch(/^x 7, y 7: value /);
  });
});
