import { afterEach, describe, expect, it } from 'vitest';
import { DenoiseAnimator } from '../../../src/components/DenoiseAnimator/DenoiseAnimator';
import { button, mount, until } from '../../../src/components/shared/testing/testHelpers.browser';
import { loadModel } from '../../../src/engine';
import { ortLive } from '../../../src/engine/model/ortStats';
import { liveEngineCount } from '../../../src/hooks/sharedEngine';
import { alertText, faultModelUrl, figureOf, watchUnhandled, type Fault } from './faultHelpers';

// Broken model files, through the figure (Worker, shared engine) and through the engine on the page: each ends
// in an inline message that says what is wrong with which file, and Retry gives the same answer, not a hang.
let cleanup: (() => void) | null = null;
afterEach(async () => {
  cleanup?.();
  cleanup = null;
  await until(() => liveEngineCount() === 0, 30_000, 'the engines to be released');
}, 60_000);

const cases: Array<{ fault: Fault; what: string; expected: RegExp }> = [
  {
    fault: 'corrupt',
    what: 'corrupt ONNX bytes',
    expected: /could not be loaded.*\.onnx.*could not be opened as an ONNX model/i,
  },
  {
    fault: 'truncate',
    what: 'truncated ONNX bytes',
    expected: /could not be loaded.*\.onnx.*could not be opened as an ONNX model/i,
  },
  {
    fault: 'corrupt-weights',
    what: "corrupt weights that the manifest's SHA-256 catches",
    expected: /could not be loaded.*\.onnx.*SHA-256/i,
  },
  { fault: 'inputs', what: 'a manifest naming an input the ONNX file lacks', expected: /unet\.onnx.*noisy_sample/i },
];

describe('broken model files end in an inline message', () => {
  for (const { fault, what, expected } of cases) {
    it(`${what}: the figure says so, and Retry says so again`, async () => {
      const unhandled = watchUnhandled();
      const view = mount(
        <DenoiseAnimator
          startWhen="mount"
          model={faultModelUrl(fault, `figure-${fault}`)}
          device="wasm"
          count={1}
          steps={2}
        />,
      );
      cleanup = view.unmount;
      const figure = figureOf(view.host);
      await until(() => figure.dataset.state === 'error', 60_000, 'the error state');
      const first = alertText(view.host);
      console.log(`${fault}: ${first}`);
      expect(first).toMatch(expected);
      button(view.host, 'Retry').click();
      await until(() => figure.dataset.state === 'loading', 30_000, 'the reload');
      await until(() => figure.dataset.state === 'error', 60_000, 'the error state after Retry');
      expect(alertText(view.host)).toMatch(expected);
      expect(unhandled.stop()).toEqual([]);
    }, 150_000);
  }

  it('a manifest whose image shape disagrees with the U-Net: a message at load naming both', async () => {
    const unhandled = watchUnhandled();
    const view = mount(
      <DenoiseAnimator
        startWhen="mount"
        model={faultModelUrl('shape', 'figure-shape')}
        device="wasm"
        count={1}
        steps={2}
      />,
    );
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'error', 60_000, 'the error state');
    const text = alertText(view.host);
    console.log(`shape: ${text}`);
    expect(text).toMatch(
      /could not be loaded: unet\.onnx: takes 'sample' of shape \[.*1, 32, 32\], but model\.json says image\.channels 3/,
    );
    expect(unhandled.stop()).toEqual([]);
  }, 120_000);

  it('on the page: loadModel rejects with a ModelLoadError naming the file, and leaves no session open', async () => {
    for (const fault of ['corrupt', 'truncate', 'corrupt-weights', 'inputs'] as const) {
      await expect(loadModel(faultModelUrl(fault, `page-${fault}`), { device: 'wasm' })).rejects.toMatchObject({
        name: 'ModelLoadError',
        message: expect.stringMatching(/\.onnx/),
      });
      expect(ortLive.sessions).toBe(0);
    }
  }, 150_000);
});
