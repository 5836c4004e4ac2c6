import axe from 'axe-core';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { getGlyph, listGlyphs } from '../../data/glyphs';
import { resolveSchedule } from '../shared/resolveSchedule';
import { createRng } from '../../engine/rng/createRng';
import { randn64 } from '../../engine/rng/randn';
import { colorLut } from './pixelColor';
import { PixelGrid, type PixelGridProps } from './PixelGrid';
import { drawPixelGrid } from './PixelGridCanvas';
import { noisedValues, toModelRange } from './usePixelGrid';

const WATER = listGlyphs().find((g) => g.radical === 85)!.char;

/** A 128 x 128 image: a shipped 128 x 128 glyph, or a 32 x 32 one with each pixel repeated 4 x 4. */
function image128() {
  const large = listGlyphs(128)[0];
  if (large) return { width: 128, height: 128, data: getGlyph(large.index, { size: 128 })!.data };
  const g = getGlyph(WATER)!;
  const data = new Float32Array(128 * 128);
  for (let y = 0; y < 128; y++) for (let x = 0; x < 128; x++) data[y * 128 + x] = g.data[(y >> 2) * 32 + (x >> 2)]!;
  return { width: 128, height: 128, data };
}

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

/**
 * Times React's synchronous re-render for a new t: the noising (memoised per t), the commit and the canvas
 * drawing in the layout effect, not the browser's paint. Prints the numbers; asserts nothing about them.
 */
function timeRedraws(label: string, props: PixelGridProps): number[] {
  const el = mount({ ...props, t: 0 });
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = 10 + ((i * 97) % 980);
    const start = performance.now();
    flushSync(() => root!.render(<PixelGrid {...props} t={t} />));
    times.push(performance.now() - start);
  }
  const renderer = el.querySelector('[role="figure"]')!.getAttribute('data-renderer');
  const sorted = times.slice(10).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
  console.log(`[PixelGrid redraw] ${label} (${renderer}): median ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms over ${sorted.length} t changes`);
  return times;
}

describe('PixelGrid redraw cost when t changes', () => {
  it('128 x 128 image on canvas', () => {
    timeRedraws('128x128, 3 px cells', { image: image128(), size: 384 });
  });

  it('32 x 32 glyph on canvas (12 px cells)', () => {
    timeRedraws('32x32, 12 px cells', { glyph: WATER, size: 384 });
  });

  it('32 x 32 glyph in SVG (16 px cells)', () => {
    timeRedraws('32x32, 16 px cells', { glyph: WATER, size: 512 });
  });

  it('32 x 32 glyph in SVG with values written (32 px cells)', () => {
    timeRedraws('32x32, 32 px cells with values', { glyph: WATER, cellSize: 32, renderer: 'svg' });
  });
});

describe('PixelGrid redraw cost, parts (128 x 128)', () => {
  it('noising alone and canvas drawing alone', () => {
    const img = image128();
    const x0 = toModelRange(img.data, 0, 1);
    const eps = randn64(createRng(0), x0.length);
    const schedule = resolveSchedule('schedule', 'linear').schedule!;
    const canvas = document.createElement('canvas');
    document.body.appendChild(canvas);
    const scratch = { small: null, image: null };
    const noiseTimes: number[] = [];
    const drawTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const a = performance.now();
      const values = noisedValues(x0, eps, 10 + ((i * 97) % 980), schedule, 0, 1);
      const b = performance.now();
      drawPixelGrid(canvas, { values, width: 128, height: 128, lo: 0, hi: 1, cellSize: 3, lut: colorLut('greys'), showValues: false, digits: 2 }, scratch);
      const c = performance.now();
      noiseTimes.push(b - a);
      drawTimes.push(c - b);
    }
    const median = (xs: number[]) => xs.slice(10).sort((p, q) => p - q)[25]!.toFixed(2);
    console.log(`[PixelGrid redraw] 128x128 parts: noising median ${median(noiseTimes)} ms, canvas draw median ${median(drawTimes)} ms`);
    canvas.remove();
    expect(noiseTimes.length).toBe(60);
  });
});

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
