import { afterEach, describe, expect, it } from 'vitest';
import { DenoiseAnimator } from '../../../src/components/DenoiseAnimator/DenoiseAnimator';
import { mount, until } from '../../../src/components/shared/testing/testHelpers.browser';
import { liveEngineCount } from '../../../src/hooks/sharedEngine';
import { alertText, faultModelUrl, watchUnhandled } from './faultHelpers';

// Two figures, two models on one page: the shipped model and a copy under another URL and name. Each gets its
// own shared engine (Worker), both generate, and both engines are released when the figures go.
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('two figures with different models on one page', () => {
  it('both generate, each with its own model, and both engines are released', async () => {
    const unhandled = watchUnhandled();
    const view = mount(
      <div>
        <DenoiseAnimator
          startWhen="mount"
          data-testid="shipped"
          device="wasm"
          count={1}
          steps={3}
          seed={3}
          autoplay={false}
        />
        <DenoiseAnimator
          startWhen="mount"
          data-testid="copy"
          model={faultModelUrl('copy', 'two-models')}
          device="wasm"
          count={1}
          steps={3}
          seed={3}
          autoplay={false}
        />
      </div>,
    );
    cleanup = view.unmount;
    const [shipped, copy] = [...view.host.querySelectorAll<HTMLElement>('[role="figure"]')];
    expect(liveEngineCount()).toBe(2);
    await until(() => shipped!.dataset.state === 'done' && copy!.dataset.state === 'done', 180_000, 'both generations');
    expect(alertText(view.host)).toBe('');
    expect(shipped!.textContent).toMatch(/glyffuser-mini/);
    expect(shipped!.textContent).not.toMatch(/\(copy\)/);
    expect(copy!.textContent).toMatch(/glyffuser-mini \(copy\)/);
    // Same weights, same seed: the same picture, drawn by two different Workers.
    const [a, b] = [shipped!, copy!].map((f) => f.querySelector('canvas')!.toDataURL());
    expect(a).toBe(b);
    view.unmount();
    cleanup = null;
    await until(() => liveEngineCount() === 0, 30_000, 'both engines released');
    expect(unhandled.stop()).toEqual([]);
  }, 240_000);
});
