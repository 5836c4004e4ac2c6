import { expect, it } from 'vitest';
import { mount, until } from '../shared/testing/testHelpers.browser';
import { DenoiseAnimator } from './DenoiseAnimator';

// A measurement, not a check of speed: 16 glyphs x 20 steps with guidance (batch 32 per U-Net call), the
// figure's defaults, on whatever device 'auto' picks here. Logged for the benchmark notes.
it('measures 16 glyphs x 20 steps with guidance', async () => {
  const started = performance.now();
  const view = mount(<DenoiseAnimator prompt="gold" frameRate={60} />);
  try {
    const figure = view.host.querySelector<HTMLElement>('[role="figure"]')!;
    await until(() => figure.dataset.state !== 'idle' && figure.dataset.state !== 'loading', 120_000, 'the model');
    const loadedAt = performance.now();
    await until(() => figure.dataset.state === 'done' || figure.dataset.state === 'error', 600_000, 'the generation');
    expect(figure.dataset.state).toBe('done');
    const device = view.host.querySelector<HTMLElement>('[data-device]')!;
    const generated = [...view.host.querySelectorAll('div')].find((d) => /^Generated 20 steps in/.test(d.textContent ?? ''))!;
    console.log(
      `DenoiseAnimator timing: device ${device.dataset.device}, ${device.dataset.threads} thread(s) ` +
        `(crossOriginIsolated=${String(crossOriginIsolated)}, ${navigator.hardwareConcurrency} cores); ` +
        `model load ${((loadedAt - started) / 1000).toFixed(1)} s; ${generated.textContent} (engine clock); ` +
        `load to last frame ${((performance.now() - loadedAt) / 1000).toFixed(1)} s`,
    );
  } finally {
    view.unmount();
  }
}, 700_000);
