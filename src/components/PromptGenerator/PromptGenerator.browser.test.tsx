import { afterEach, describe, expect, it } from 'vitest';
import { liveEngineCount } from '../../hooks/sharedEngine';
import { button, captureConsole, mount, sleep, until } from '../shared/testing/testHelpers.browser';
import { PromptGenerator } from './PromptGenerator';
import { PROMPT_GENERATOR_CSS } from './promptGeneratorCss';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

const rootOf = (host: HTMLElement) => host.querySelector<HTMLElement>('[role="figure"]')!;
const results = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>('figure[data-status]')];
const statusOf = (figure: HTMLElement) =>
  document.getElementById(figure.getAttribute('aria-describedby')!)!.textContent;

/** Types into a React-controlled input as a reader would: the native value setter, then an input event. */
function type(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const live = (host: HTMLElement) => host.querySelector<HTMLElement>('section[aria-label="Live preview"]')!;

describe('PromptGenerator in Chromium', () => {
  it('draws a live preview with the shipped few-step student as the reader types, the last words only, and says so', async () => {
    const log = captureConsole();
    const view = mount(<PromptGenerator count={4} />);
    const panel = await until(() => live(view.host), 5_000, 'the live panel');
    await until(() => rootOf(view.host).dataset.state === 'ready', 60_000, 'the teacher');
    // Nothing of the student loads until the reader focuses the prompt field.
    expect(panel.dataset.liveStatus).toBe('off');
    const engines = liveEngineCount();
    const input = view.host.querySelector<HTMLInputElement>('input[id$="-prompt"]')!;
    input.focus();
    await until(() => panel.dataset.liveStatus === 'waiting', 60_000, 'the student to load');
    expect(liveEngineCount()).toBe(engines + 1);
    expect(results(view.host)).toHaveLength(0);
    // Three quick keystrokes: whatever ran in between was cancelled, and the grid shown is the last request's.
    for (const text of ['wat', 'wate', 'water']) {
      type(input, text);
      await sleep(50);
    }
    await until(() => panel.dataset.liveStatus === 'done', 60_000, 'the live grid');
    expect(panel.dataset.liveModel).toBe('glyffuser-mini-turbo');
    const caption = panel.querySelector('[role="status"]')!.textContent!;
    expect(caption).toMatch(
      /^Live preview by glyffuser-mini-turbo \([1-4] steps? of LCM, one U-Net call per step\) for \u201cwater\u201d, guidance 7, seed 0: \d+\.\d s$/,
    );
    // The grid holds ink and background, not a blank canvas.
    const canvas = panel.querySelector('canvas')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const greys = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) greys.add(pixels[i]!);
    expect(greys.size).toBeGreaterThan(8);
    // Generate still runs the full model, and the live preview made no result of its own.
    expect(results(view.host)).toHaveLength(0);
    view.unmount();
    await until(() => liveEngineCount() === 0, 5_000, 'both engines released');
    log.restore();
    expect(log.messages).toEqual([]);
  });

  it('has no live preview with liveModel={false}', async () => {
    const view = mount(<PromptGenerator liveModel={false} />);
    await until(() => rootOf(view.host).dataset.state === 'ready', 60_000, 'the model');
    expect(live(view.host)).toBeNull();
    view.unmount();
  });

  it('cancels at once, keeps the result marked cancelled, and releases the engine on unmount', async () => {
    const log = captureConsole();
    const view = mount(<PromptGenerator prompt="tree" count={2} steps={300} />);
    const root = rootOf(view.host);
    await until(() => root.dataset.state === 'ready', 60_000, 'the model');
    button(view.host, 'Generate').click();
    const result = await until(() => results(view.host)[0], 5_000, 'a result');
    await until(() => /^step [1-9]/.test(statusOf(result) ?? ''), 60_000, 'a first step');
    button(view.host, 'Cancel').click();
    // React flushes a click's update in a microtask, without waiting for the step in flight; the deadline is wide
    // only so that a busy machine cannot fail it.
    await until(() => result.dataset.status === 'cancelled', 5_000, 'the cancelled mark');
    const text = statusOf(result);
    expect(text).toMatch(/^cancelled after \d+ of 300 steps; partial images discarded$/);
    await sleep(500);
    expect(statusOf(result)).toBe(text);
    expect(result.querySelector('canvas')).toBeNull();
    expect(button(view.host, 'Cancel').disabled).toBe(true);
    view.unmount();
    await until(() => liveEngineCount() === 0, 5_000, 'the engine release');
    log.restore();
    expect(log.messages).toEqual([]);
  });

  it('unmounts in the middle of a generation without errors', async () => {
    const log = captureConsole();
    const view = mount(<PromptGenerator prompt="water" count={2} steps={300} generateOnLoad />);
    const result = await until(() => results(view.host)[0], 60_000, 'a result');
    await until(() => /^step [1-9]/.test(statusOf(result) ?? ''), 60_000, 'a first step');
    view.unmount();
    await until(() => liveEngineCount() === 0, 5_000, 'the engine release');
    await sleep(300);
    log.restore();
    expect(log.messages).toEqual([]);
  });

  it('single step: the predicted x0 for the prompt differs from the one for the empty prompt', async () => {
    const view = mount(<PromptGenerator prompt="gold" count={4} mode="singleStep" generateOnLoad cellSize={16} />);
    cleanup = view.unmount;
    const result = await until(
      () => results(view.host).find((r) => r.dataset.status === 'done'),
      60_000,
      'the single step',
    );
    const [prompted, empty] = [...result.querySelectorAll('canvas')];
    expect(prompted!.getAttribute('aria-label')).toContain('prompt "gold"');
    expect(empty!.getAttribute('aria-label')).toContain('empty prompt');
    expect(prompted!.toDataURL()).not.toBe(empty!.toDataURL());
  });

  it('single step: both grids fit a narrow space (each panel shrinks with it)', async () => {
    // The figure's rules, as the kit's stylesheet carries them: the pair of grids shares the row and shrinks with it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PROMPT_GENERATOR_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const view = mount(<PromptGenerator prompt="gold" count={4} mode="singleStep" generateOnLoad cellSize={64} />);
    cleanup = () => {
      view.unmount();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
    view.host.style.width = '100px';
    const result = await until(
      () => results(view.host).find((r) => r.dataset.status === 'done'),
      60_000,
      'the single step',
    );
    const right = view.host.getBoundingClientRect().right;
    await until(
      () => [...result.querySelectorAll('canvas')].every((c) => c.getBoundingClientRect().right <= right + 1),
      5_000,
      'both grids within 100 px',
    );
  });
});
