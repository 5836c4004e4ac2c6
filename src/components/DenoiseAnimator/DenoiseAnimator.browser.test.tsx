import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { liveEngineCount } from '../../hooks/sharedEngine';
import { openZoom, zoomCanvas, zoomMismatches } from '../shared/testing/sampleZoom.browser';
import { button, captureConsole, mount, sleep, until } from '../shared/testing/testHelpers.browser';
import { DenoiseAnimator } from './DenoiseAnimator';

// The real shipped model, served at the default URL; tiny batches so each test takes seconds.
const figureOf = (host: HTMLElement) => host.querySelector<HTMLElement>('[role="figure"]')!;
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('DenoiseAnimator in Chromium', () => {
  it('unmounts during a generation with no errors and releases the shared engine', async () => {
    const log = captureConsole();
    const view = mount(<DenoiseAnimator prompt="gold" count={2} steps={40} />);
    const figure = figureOf(view.host);
    await until(() => Number(figure.dataset.computed) >= 1, 60_000, 'a first frame');
    expect(figure.dataset.state).toBe('generating');
    expect(liveEngineCount()).toBe(1);
    view.unmount();
    // The engine is released a second after its last user leaves.
    await until(() => liveEngineCount() === 0, 30_000, 'the engine release');
    await sleep(300);
    log.restore();
    expect(log.messages).toEqual([]);
  });

  it('keeps every frame: the scrubber grows while computing, and any frame can be shown and saved', async () => {
    const view = mount(<DenoiseAnimator prompt="water" count={2} steps={8} autoplay={false} cellSize={16} />);
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    const scrubber = view.host.querySelector<HTMLInputElement>('input[type="range"]')!;
    const maxima = new Set<string>();
    const observer = new MutationObserver(() => maxima.add(scrubber.max));
    observer.observe(scrubber, { attributes: true, attributeFilter: ['max'] });
    await until(() => figure.dataset.state === 'done', 60_000, 'the end of the generation');
    observer.disconnect();
    // The maximum went up step by step (React renders once per arriving frame), to 8.
    expect(scrubber.max).toBe('8');
    expect([...maxima].map(Number).filter((m) => m > 1 && m < 8).length).toBeGreaterThan(0);
    // Without autoplay the first frame stays shown.
    expect(figure.dataset.step).toBe('1');

    const canvas = view.host.querySelector('canvas')!;
    const first = canvas.toDataURL();
    button(view.host, 'Step forward').click();
    await until(() => figure.dataset.step === '2', 30_000, 'step 2');
    expect(canvas.toDataURL()).not.toBe(first);

    let saved: Blob | null = null;
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return createObjectURL(blob);
    };
    try {
      button(view.host, 'Save PNG').click();
      await until(() => saved, 30_000, 'the PNG');
    } finally {
      URL.createObjectURL = createObjectURL;
    }
    expect(saved!.type).toBe('image/png');
    const signature = new Uint8Array(await saved!.slice(0, 8).arrayBuffer());
    expect(Array.from(signature)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('restarts when an input changes, and the same seed draws the same picture', async () => {
    const props = { prompt: 'fire', count: 2, steps: 2, cellSize: 16, frameRate: 60 } as const;
    const view = mount(<DenoiseAnimator {...props} seed={0} />);
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    const canvas = () => view.host.querySelector('canvas')!;
    const finished = async () => {
      await until(() => figure.dataset.state === 'done' && figure.dataset.step === '2', 60_000, 'the last frame');
      return canvas().toDataURL();
    };
    const seed0 = await finished();
    view.rerender(<DenoiseAnimator {...props} seed={1} />);
    expect(figure.dataset.computed).toBe('0');
    const seed1 = await finished();
    expect(seed1).not.toBe(seed0);
    view.rerender(<DenoiseAnimator {...props} seed={0} />);
    expect(await finished()).toBe(seed0);
  });

  it('enlarges a glyph of the step shown on click, and on Ctrl+End then Space from the keyboard; Escape returns focus', async () => {
    const view = mount(
      <DenoiseAnimator
        prompt="water"
        count={4}
        steps={2}
        autoplay={false}
        view="predictedX0"
        cellSize={32}
        startWhen="mount"
      />,
    );
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'done', 60_000, 'the end of the generation');
    button(view.host, 'Step forward').click();
    await until(() => figure.dataset.step === '2', 30_000, 'step 2');
    const grid = view.host.querySelector<HTMLCanvasElement>('canvas[data-layer="predictedX0"]')!;
    const glyph = { count: 4, width: 32, height: 32 };
    await userEvent.click(grid, { position: { x: 2, y: 2 } });
    await until(openZoom, 30_000, 'the enlarged view on click');
    expect(openZoom()!.getAttribute('aria-label')).toBe(
      `Image 1 of 4 from ${grid.getAttribute('aria-label')}, enlarged`,
    );
    expect(zoomMismatches(grid, zoomCanvas()!, { ...glyph, index: 0 })).toBe(0);
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing on Escape');
    expect(document.activeElement).toBe(grid);
    await userEvent.keyboard('{Control>}{End}{/Control} ');
    await until(openZoom, 30_000, 'the enlarged view on Space');
    expect(openZoom()!.getAttribute('aria-label')).toBe(
      `Image 4 of 4 from ${grid.getAttribute('aria-label')}, enlarged`,
    );
    expect(zoomMismatches(grid, zoomCanvas()!, { ...glyph, index: 3 })).toBe(0);
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing');
    expect(document.activeElement).toBe(grid);
  });
});
