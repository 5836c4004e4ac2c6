import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { PromptGenerator } from '../PromptGenerator/PromptGenerator';
import { openZoom, zoomCanvas, zoomMismatches } from '../shared/testing/sampleZoom.browser';
import { button, mount, until } from '../shared/testing/testHelpers.browser';
import { DenoiseAnimator } from './DenoiseAnimator';

// Models other than the shipped one: the tiny diffusers-contract U-Nets of test/fixtures/diffusers, served at
// /kit-fixtures/diffusers (random weights: the pictures are noise, the contract is what is tested).
const url = (kind: string) => `/kit-fixtures/diffusers/${kind}/model.json`;
const figureOf = (host: HTMLElement) => host.querySelector<HTMLElement>('[role="figure"]')!;
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** The colour of the canvas's centre pixel of its first cell. */
function firstCellPixel(canvas: HTMLCanvasElement): number[] {
  const ctx = canvas.getContext('2d')!;
  return Array.from(ctx.getImageData(2, 2, 1, 1).data);
}

describe('DenoiseAnimator with any U-Net', () => {
  it('runs an unconditional RGB model and draws colour, sized to the width it is given', async () => {
    const draw = (width: number) => (
      <div style={{ width }}>
        <DenoiseAnimator
          model={url('unconditional')}
          startWhen="mount"
          count={4}
          steps={3}
          cellSize={200}
          prompt="ignored"
        />
      </div>
    );
    const view = mount(draw(200));
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'done', 60_000, 'the end of the generation');
    const canvas = view.host.querySelector<HTMLCanvasElement>('canvas[data-layer]')!;
    // 4 images: 2 columns in at most 200 px (the figure's padding included), not 2 x 200 px.
    expect(canvas.getBoundingClientRect().width).toBeLessThanOrEqual(200);
    const [r, g, b] = firstCellPixel(canvas);
    expect(r === g && g === b).toBe(false);
    expect(view.host.textContent).toContain('has no text encoder, so the prompt is not used');
    // A wider space: the grid grows with it (up to cellSize), as it shrank.
    view.rerender(draw(600));
    await until(() => canvas.getBoundingClientRect().width > 300, 30_000, 'the grid growing with its space');
    expect(figure.dataset.state).toBe('done');
  });

  it('enlarges an image of the step and view shown, on click or Enter, in each panel; Escape returns focus', async () => {
    const view = mount(
      <DenoiseAnimator
        model={url('unconditional')}
        startWhen="mount"
        count={4}
        steps={3}
        autoplay={false}
        view="sideBySide"
        cellSize={32}
      />,
    );
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'done', 60_000, 'the end of the generation');
    button(view.host, 'Step forward').click();
    await until(() => figure.dataset.step === '2', 30_000, 'step 2');
    const grid = (layer: string) => view.host.querySelector<HTMLCanvasElement>(`canvas[data-layer="${layer}"]`)!;
    const cellOf = (canvas: HTMLCanvasElement) =>
      Number(canvas.closest<HTMLElement>('[data-cell-size]')!.dataset.cellSize);
    const image = { count: 4, width: 16, height: 16 };

    // A click on the second image of the predicted-x0 panel: that image, at step 2, of x0 (not of the sample).
    const x0 = grid('predictedX0');
    await userEvent.click(x0, { position: { x: cellOf(x0) + 4, y: 2 } });
    await until(openZoom, 30_000, 'the enlarged view on click');
    expect(openZoom()!.getAttribute('aria-label')).toBe(`Image 2 of 4 from ${x0.getAttribute('aria-label')}, enlarged`);
    expect(zoomCanvas()!.getAttribute('aria-label')).toMatch(/^Predicted clean image .*step 2 of 3: image 2 of 4$/);
    expect(zoomMismatches(x0, zoomCanvas()!, { ...image, index: 1 })).toBe(0);
    expect(zoomMismatches(grid('sample'), zoomCanvas()!, { ...image, index: 1 })).toBeGreaterThan(0);
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing on Escape');

    // The keyboard on the predicted-noise panel: focus, the arrow down to the third image, Enter.
    const noise = grid('predictedNoise');
    noise.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await until(openZoom, 30_000, 'the enlarged view on Enter');
    expect(openZoom()!.getAttribute('aria-label')).toBe(
      `Image 3 of 4 from ${noise.getAttribute('aria-label')}, enlarged`,
    );
    expect(zoomMismatches(noise, zoomCanvas()!, { ...image, index: 2 })).toBe(0);
    expect(document.activeElement?.textContent).toBe('Close');
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing');
    expect(document.activeElement).toBe(noise);
  });

  it('runs a class-conditional model with a keyboard-operable class picker labelled from its classes', async () => {
    const view = mount(<DenoiseAnimator model={url('class')} startWhen="mount" count={2} steps={2} classLabel={3} />);
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'done', 60_000, 'the first generation');
    const picker = view.host.querySelector<HTMLSelectElement>('select[id$="-class"]')!;
    const label = view.host.querySelector(`label[for="${picker.id}"]`);
    expect(label?.textContent).toBe('Class');
    expect(Array.from(picker.options, (o) => o.textContent)).toEqual([
      'any class (unconditional)',
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(picker.value).toBe('3');
    const before = firstCellPixel(view.host.querySelector<HTMLCanvasElement>('canvas[data-layer]')!);
    picker.focus();
    picker.value = '8';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => figure.dataset.state === 'generating' || figure.dataset.state === 'done', 30_000, 'a new run');
    await until(
      () => figure.dataset.state === 'done' && Number(figure.dataset.computed) === 2,
      60_000,
      'the second generation',
    );
    expect(picker.value).toBe('8');
    expect(firstCellPixel(view.host.querySelector<HTMLCanvasElement>('canvas[data-layer]')!)).not.toEqual(before);
  });
});

describe('PromptGenerator with a model that takes no prompts', () => {
  it('says so inline, still generates, and enlarges an image on Enter (Escape closes it)', async () => {
    const view = mount(
      <PromptGenerator model={url('unconditional')} startWhen="mount" count={4} steps={2} generateOnLoad />,
    );
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => view.host.querySelector('[data-status="done"]') !== null, 60_000, 'a finished result');
    expect(figure.textContent).toContain('has no text encoder, so it cannot take prompts');
    const grid = view.host.querySelector<HTMLCanvasElement>('[data-status="done"] canvas[role="img"]')!;
    await userEvent.click(grid, { position: { x: 1, y: 1 } });
    await until(() => document.querySelector('dialog[open]') !== null, 30_000, 'the enlarged view on click');
    expect(document.querySelector('dialog[open]')!.getAttribute('aria-label')).toBe(
      'Image 1 of 4 from 4 generated images, enlarged',
    );
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing on Escape');
    // The keyboard: focus on the grid, the arrow to the second image, Enter.
    grid.focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowRight}{Enter}');
    await until(() => document.querySelector('dialog[open]') !== null, 30_000, 'the enlarged view');
    const dialog = document.querySelector<HTMLDialogElement>('dialog[open]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Image 2 of 4 from 4 generated images, enlarged');
    expect(document.activeElement?.textContent).toBe('Close');
    await userEvent.keyboard('{Escape}');
    await until(() => document.querySelector('dialog') === null, 30_000, 'the dialog closing');
    expect(document.activeElement).toBe(grid);
  });
});
