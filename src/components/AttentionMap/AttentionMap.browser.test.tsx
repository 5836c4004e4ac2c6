import { afterEach, describe, expect, it } from 'vitest';
import { liveEngineCount } from '../../hooks/sharedEngine';
import { mountLightAndDark } from '../shared/testing/mountLightAndDark.browser';
import { button, captureConsole, mount, until } from '../shared/testing/testHelpers.browser';
import { axeViolations } from '../shared/testing/axeViolations.browser';
import { AttentionMap } from './AttentionMap';

// The real shipped model, served at the default URL; tiny batches so each test takes seconds.
const figureOf = (host: HTMLElement) => host.querySelector<HTMLElement>('[role="figure"]')!;
const wordButtons = (host: HTMLElement) => [...host.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')];
const statusOf = (host: HTMLElement) => host.querySelector('[role="status"]')!.textContent ?? '';

/** Sets a range input's value as a reader's drag does (React listens to the input event). */
function setRange(input: HTMLInputElement, value: number) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const rangeLabelled = (host: HTMLElement, text: string) => {
  const label = [...host.querySelectorAll('label')].find((l) => l.textContent === text)!;
  return host.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`)!;
};

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('AttentionMap in Chromium', () => {
  it('maps each word of the prompt over the glyphs, at any step, by pointer, keyboard and slider', async () => {
    const log = captureConsole();
    const view = mount(<AttentionMap prompt="water tree" count={2} steps={3} cellSize={32} />);
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'done', 60_000, 'the end of the generation');
    // The newest step is shown until the reader moves.
    expect(figure.dataset.step).toBe('3');
    const words = wordButtons(view.host);
    expect(words.map((b) => b.firstChild?.textContent)).toEqual(['water', 'tree']);
    expect(words.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    expect(words.map((b) => b.tabIndex)).toEqual([0, -1]);
    expect(statusOf(view.host)).toMatch(
      /^step 3 of 3: "water" takes [\d.<]+% of the attention(, most in the [a-z ]+ of the glyphs)?\.$/,
    );

    const canvas = view.host.querySelector('canvas')!;
    const water = canvas.toDataURL();
    // Arrow keys move the choice and the focus (roving tabindex).
    words[0]!.focus();
    words[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await until(() => figure.dataset.word === 'tree', 30_000, 'the second word');
    expect(document.activeElement).toBe(wordButtons(view.host)[1]);
    expect(wordButtons(view.host).map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    expect(statusOf(view.host)).toMatch(/^step 3 of 3: "tree" takes/);
    const tree = canvas.toDataURL();
    expect(tree).not.toBe(water);

    // Hovering previews a word; leaving the toolbar goes back to the chosen one.
    wordButtons(view.host)[0]!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    await until(() => figure.dataset.word === 'water', 30_000, 'the hovered word');
    expect(canvas.toDataURL()).toBe(water);
    view.host
      .querySelector('[role="toolbar"]')!
      .dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: document.body }));
    await until(() => figure.dataset.word === 'tree', 30_000, 'the chosen word again');

    // The step slider moves glyphs and heatmap together.
    setRange(rangeLabelled(view.host, 'Step'), 1);
    await until(() => figure.dataset.step === '1', 30_000, 'step 1');
    expect(statusOf(view.host)).toMatch(/^step 1 of 3: "tree"/);
    expect(canvas.toDataURL()).not.toBe(tree);
    button(view.host, 'Step forward').click();
    await until(() => figure.dataset.step === '2', 30_000, 'step 2');

    // At opacity 0 only the glyphs are left: both words draw the same picture.
    setRange(rangeLabelled(view.host, 'Step'), 3);
    setRange(rangeLabelled(view.host, 'Heatmap opacity'), 0);
    await until(() => figure.dataset.step === '3', 30_000, 'step 3');
    const plainTree = canvas.toDataURL();
    wordButtons(view.host)[0]!.click();
    await until(() => figure.dataset.word === 'water', 30_000, 'water');
    expect(canvas.toDataURL()).toBe(plainTree);
    log.restore();
    expect(log.messages).toEqual([]);
  });

  it('lays its glyphs out in the width it is given: one row of large cells when wide, a square when narrow', async () => {
    // No model run is needed: the empty grid is laid out before anything is computed.
    const draw = (width: number) => (
      <div style={{ width }}>
        <AttentionMap prompt="water tree" count={4} steps={2} startWhen="never" />
      </div>
    );
    const view = mount(draw(1000));
    cleanup = view.unmount;
    const canvas = () => view.host.querySelector('canvas')!;
    const cell = () => Number(view.host.querySelector<HTMLElement>('[data-cell-size]')!.dataset.cellSize);
    // 1000 px: one row of four cells of (1000 - 3 x 2) / 4 = 248 px, capped at cellSize's default 240.
    await until(() => cell() === 240 && canvas().width === 4 * 240 + 3 * 2, 30_000, 'one row of four');
    expect(canvas().height).toBe(240);
    // 300 px: four cells of 73 px are too small; a 2 x 2 grid of (300 - 2) / 2 = 149 px fills the width.
    view.rerender(draw(300));
    await until(() => cell() === 149, 30_000, 'the 2 x 2 grid');
    expect([canvas().width, canvas().height]).toEqual([300, 300]);
    expect(canvas().getBoundingClientRect().width).toBeLessThanOrEqual(300);
  });

  it('has no axe violations, light and dark, once the maps are drawn', async () => {
    const { view, figures } = mountLightAndDark(<AttentionMap prompt="water tree" count={1} steps={2} cellSize={32} />);
    cleanup = view.unmount;
    expect(figures).toHaveLength(2);
    await until(() => figures.every((f) => f.dataset.state === 'done'), 120_000, 'both generations');
    // The output is there: words with their shares, the heatmap canvas, the colour scale, the status line.
    for (const f of figures) {
      expect(f.querySelectorAll('[role="toolbar"] button')).toHaveLength(2);
      expect(f.querySelector('canvas')).not.toBeNull();
      expect(f.querySelector('[role="status"]')!.textContent).toMatch(/^step 2 of 2: "water" takes/);
    }
    expect(await axeViolations(view.host)).toEqual([]);
  });

  it('says so inline for a model without cross-attention, and generates nothing', async () => {
    const log = captureConsole();
    const view = mount(
      <AttentionMap model="/test/fixtures/models/no-cross-attention/model.json" count={1} steps={2} />,
    );
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'unsupported', 60_000, 'the model to load');
    const alert = view.host.querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.dataset.prop).toBe('model');
    expect(alert.textContent).toContain("The model 'glyffuser-mini-without-attention' has no cross-attention output");
    expect(statusOf(view.host)).toBe('No cross-attention maps for this model');
    expect(view.host.querySelector('canvas')).toBeNull();
    expect(figure.dataset.computed).toBe('0');
    view.unmount();
    await until(() => liveEngineCount() === 0, 30_000, 'the engine release');
    log.restore();
    // The message warns once in the console, as every inline message of the kit does.
    expect(log.messages.filter((m) => !m.includes('has no cross-attention output'))).toEqual([]);
  });
});
