import { afterEach, describe, expect, it } from 'vitest';
import { DenoiseAnimator } from '../../src/components/DenoiseAnimator';
import { PromptGenerator } from '../../src/components/PromptGenerator';
import { button, mount, sleep, until } from '../../src/components/shared/testing/testHelpers.browser';
import { liveEngineCount } from '../../src/hooks/sharedEngine';

// Compute only what the reader sees, in real Chromium with the real IntersectionObserver: the model-driven
// figures of the explainer stacked in a page several screens tall. Nothing loads before a figure scrolls into
// view; a started generation pauses when its figure is far away or the page is hidden, and resumes.
const screen = () => window.innerHeight;
const figures = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>('[role="figure"]')];
let cleanup: (() => void) | null = null;

/**
 * The deadlines of the waits below only turn a hang into a message; none is a bound on speed, so they are wide
 * (a busy machine runs the model many times slower than a quiet one).
 */
afterEach(async () => {
  cleanup?.();
  cleanup = null;
  window.scrollTo(0, 0);
  await until(() => liveEngineCount() === 0, 30_000, 'the engines to be released');
}, 60_000);

/**
 * The most steps that may still land after a figure shows it is paused: the step the Worker is computing (it
 * reads the pause between steps) and one already computed but not yet shown on the page. Counted, not timed.
 */
const STEPS_IN_FLIGHT = 2;

/** Hides or shows the page as a background tab does (headless Chromium cannot switch tabs). */
function setPageHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Waits until `read()` has not changed for `quietMs` (fails after `timeoutMs` if it keeps changing) and returns it. */
async function settled(read: () => number, quietMs: number, timeoutMs = 60_000): Promise<number> {
  let last = read();
  let since = performance.now();
  const end = since + timeoutMs;
  while (performance.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    const value = read();
    if (value !== last) {
      last = value;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return value;
  }
  throw new Error(`the value kept changing for ${timeoutMs} ms (last ${last}): the generation did not pause`);
}

describe('model-driven figures start when scrolled into view', () => {
  it('a page whose figures are all below the first screen does no model work until one is scrolled to', async () => {
    const view = mount(
      <div>
        <div style={{ height: screen() * 2 }}>Introduction</div>
        {/* The explainer's model-driven figures, as it writes them (smaller, to keep the test short). */}
        <DenoiseAnimator steps={3} seed={0} count={4} cellSize={24} label="3 DDIM steps" />
        <div style={{ height: screen() * 3 }} />
        <DenoiseAnimator
          prompt="water"
          guidanceScale={3}
          steps={3}
          seed={1}
          count={4}
          cellSize={24}
          label='"water", guidance 3'
        />
        <div style={{ height: screen() * 3 }} />
        <PromptGenerator prompt="tree" guidanceScale={3} steps={3} count={4} generateOnLoad />
        <div style={{ height: screen() * 2 }} />
      </div>,
    );
    cleanup = view.unmount;
    const [first, second, prompt] = figures(view.host) as [HTMLElement, HTMLElement, HTMLElement];
    await sleep(1500);
    expect(liveEngineCount()).toBe(0);
    expect([first, second, prompt].map((f) => f.dataset.state)).toEqual(['idle', 'idle', 'idle']);
    expect(first.textContent).toContain('The model starts when this figure scrolls into view.');

    second.scrollIntoView({ block: 'center' });
    await until(() => second.dataset.state === 'done', 120_000, 'the scrolled-to figure to generate');
    expect(liveEngineCount()).toBe(1);
    // The others, still off screen, have not started (the page's one shared engine is the second figure's).
    expect(first.dataset.state).toBe('idle');
    expect(prompt.dataset.state).toBe('idle');
    expect(prompt.dataset.results).toBe('0');

    prompt.scrollIntoView({ block: 'center' });
    await until(() => prompt.querySelector('[data-status="done"]'), 120_000, 'generateOnLoad once in view');
    expect(first.dataset.state).toBe('idle');
  }, 300_000);

  it("'mount' starts at once off screen; 'never' waits for Start", async () => {
    const view = mount(
      <div>
        <div style={{ height: screen() * 3 }} />
        <DenoiseAnimator steps={2} count={1} startWhen="mount" />
        <DenoiseAnimator steps={2} count={1} seed={5} startWhen="never" />
      </div>,
    );
    cleanup = view.unmount;
    const [mounted, never] = figures(view.host) as [HTMLElement, HTMLElement];
    // 'mount' loads at once, though three screens down; being far from view, its generation waits, unstarted.
    await until(() => mounted.dataset.state === 'generating', 120_000, "the 'mount' figure's model");
    expect(mounted.dataset.paused).toBe('true');
    await sleep(1000);
    expect(mounted.dataset.computed).toBe('0');
    never.scrollIntoView({ block: 'center' });
    await until(() => mounted.dataset.state === 'done', 120_000, "the 'mount' figure once in view");
    await sleep(1000);
    expect(never.dataset.state).toBe('idle');
    expect(never.textContent).toContain('The model runs only when you ask.');
    button(never, 'Start').click();
    await until(() => never.dataset.state === 'done', 120_000, "the 'never' figure after Start");
  }, 300_000);

  it('pauses a generation far out of view or on a hidden page, and resumes where it stopped', async () => {
    const view = mount(
      <div>
        <DenoiseAnimator steps={400} count={16} seed={3} autoplay={false} />
        <div style={{ height: screen() * 4 }} />
      </div>,
    );
    cleanup = view.unmount;
    const [figure] = figures(view.host) as [HTMLElement];
    const computed = () => Number(figure.dataset.computed);
    await until(() => computed() >= 2, 120_000, 'the first steps');
    // One step's duration on this machine (slow under load): the pause takes effect after the step in flight, so
    // "held" means no new step for well over one step's time.
    const before = computed();
    const t0 = performance.now();
    await until(() => computed() > before, 120_000, 'one more step');
    const quietMs = Math.max(1500, 2.5 * (performance.now() - t0));

    // Far away (more than a screen above the viewport): paused after the step in flight.
    window.scrollTo(0, document.documentElement.scrollHeight);
    await until(() => figure.dataset.paused === 'true', 30_000, 'the pause');
    const pausedAt = computed();
    expect(figure.textContent).toContain('Paused while out of view');
    // It stops (settled throws if the steps keep coming), and at most the steps in flight land after the pause,
    // however long a step takes on this machine.
    await settled(computed, quietMs);
    await sleep(quietMs);
    const held = computed();
    expect(held - pausedAt).toBeLessThanOrEqual(STEPS_IN_FLIGHT);

    window.scrollTo(0, 0);
    await until(() => computed() > held, 60_000, 'the generation to resume');
    expect(figure.dataset.paused).toBe('false');

    // A hidden page pauses it too.
    setPageHidden(true);
    try {
      await until(() => figure.dataset.paused === 'true', 30_000, 'the pause of a hidden page');
      const hiddenAt = computed();
      await settled(computed, quietMs);
      await sleep(quietMs);
      expect(computed() - hiddenAt).toBeLessThanOrEqual(STEPS_IN_FLIGHT);
    } finally {
      setPageHidden(false);
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    const shownAt = computed();
    await until(() => computed() > shownAt, 60_000, 'the generation to resume on a visible page');
    expect(figure.dataset.state).toBe('generating');
  }, 300_000);
});
