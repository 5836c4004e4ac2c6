import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, sleep, until } from '../testing/testHelpers.browser';
import { openZoom, zoomCanvas, zoomMismatches } from '../testing/sampleZoom.browser';
import { SampleGridCanvas } from './SampleGridCanvas';

// Four 4 x 4 RGBA images, each its own colour ramp with a varying alpha (so the zoom's compositing is checked too).
const shape = { count: 4, channels: 4, width: 4, height: 4 } as const;
function rgbaBatch(seed: number): Uint8Array {
  const bytes = new Uint8Array(shape.count * shape.channels * shape.width * shape.height);
  const plane = shape.width * shape.height;
  for (let n = 0; n < shape.count; n++) {
    for (let c = 0; c < 4; c++) {
      for (let p = 0; p < plane; p++) bytes[(n * 4 + c) * plane + p] = (seed * 37 + n * 61 + c * 89 + p * 13) % 256;
    }
  }
  return bytes;
}

const grid = (host: HTMLElement) => host.querySelector<HTMLCanvasElement>('canvas[role="img"]')!;
const cellOf = (host: HTMLElement) => Number(host.querySelector<HTMLElement>('[data-cell-size]')!.dataset.cellSize);
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('SampleGridCanvas in Chromium', () => {
  it('sizes its cells to the width it is given, shrinking and growing with it (capped by cellSize)', async () => {
    const draw = (width: number) => (
      <div style={{ width }}>
        <SampleGridCanvas bytes={rgbaBatch(0)} shape={shape} cellSize={64} label="test grid" />
      </div>
    );
    const view = mount(draw(100));
    cleanup = view.unmount;
    // Two columns in 100 px with a 2 px gap: 49 px cells.
    await until(() => cellOf(view.host) === 49, 30_000, 'cells fitted to 100 px');
    expect(grid(view.host).getBoundingClientRect().width).toBeLessThanOrEqual(100);
    view.rerender(draw(400));
    await until(() => cellOf(view.host) === 64, 30_000, 'cells grown to the cellSize cap');
  });

  it('opens the image under the pointer when the canvas is drawn smaller than its grid (a narrow page scales it)', async () => {
    // Drawn at half size: the click maths go through the canvas's box, not its grid pixels.
    const view = mount(
      <div style={{ transform: 'scale(0.5)', transformOrigin: '0 0' }}>
        <SampleGridCanvas bytes={rgbaBatch(0)} shape={shape} cellSize={32} label="test grid" />
      </div>,
    );
    cleanup = view.unmount;
    const canvas = grid(view.host);
    expect(canvas.getBoundingClientRect().width).toBe(33);
    // The fourth image (second column, second row) lies at (17..33, 17..33) on the page.
    await userEvent.click(canvas, { position: { x: 25, y: 25 } });
    await until(openZoom, 30_000, 'the enlarged view on click');
    expect(openZoom()!.getAttribute('aria-label')).toBe('Image 4 of 4 from test grid, enlarged');
  });

  it('enlarges an RGBA image on click and on Enter or Space, follows new bytes, and returns focus on Escape', async () => {
    const draw = (bytes: Uint8Array | null) => (
      <SampleGridCanvas bytes={bytes} shape={shape} cellSize={32} label="test grid" />
    );
    const view = mount(draw(rgbaBatch(0)));
    cleanup = view.unmount;
    const canvas = grid(view.host);
    const cell = { count: 4, width: 4, height: 4 };
    // The third image: first column, second row.
    await userEvent.click(canvas, { position: { x: 2, y: 32 + 2 + 2 } });
    await until(openZoom, 30_000, 'the enlarged view on click');
    expect(openZoom()!.getAttribute('aria-label')).toBe('Image 3 of 4 from test grid, enlarged');
    expect(zoomMismatches(canvas, zoomCanvas()!, { ...cell, index: 2 })).toBe(0);
    expect(zoomMismatches(canvas, zoomCanvas()!, { ...cell, index: 0 })).toBeGreaterThan(0);
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing on Escape');

    canvas.focus();
    await userEvent.keyboard('{ArrowRight} ');
    await until(openZoom, 30_000, 'the enlarged view on Space');
    expect(openZoom()!.getAttribute('aria-label')).toBe('Image 2 of 4 from test grid, enlarged');
    expect(document.activeElement?.textContent).toBe('Close');
    // New bytes (the next step of a denoising figure): the open view shows them.
    view.rerender(draw(rgbaBatch(1)));
    expect(zoomMismatches(canvas, zoomCanvas()!, { ...cell, index: 1 })).toBe(0);
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing');
    expect(document.activeElement).toBe(canvas);

    await userEvent.keyboard('{Enter}');
    await until(openZoom, 30_000, 'the enlarged view on Enter');
    // An emptied grid (a new run) closes the view, and it stays closed when images come back.
    view.rerender(draw(null));
    expect(document.querySelector('dialog')).toBeNull();
    await sleep(50);
    view.rerender(draw(rgbaBatch(2)));
    expect(document.querySelector('dialog')).toBeNull();
  });
});
