import { afterEach, describe, expect, it } from 'vitest';
import { DenoiseAnimator } from '../../../src/components/DenoiseAnimator/DenoiseAnimator';
import { mount, until } from '../../../src/components/shared/testing/testHelpers.browser';
import { liveEngineCount } from '../../../src/hooks/sharedEngine';
import { alertText, faultModelUrl, faultRequestCount, figureOf, watchUnhandled, type Fault } from './faultHelpers';

// Real network faults from the test server (scripts/faultyAssetsPlugin.mjs): a connection cut halfway through
// an ONNX file, a 503. The engine retries transient failures with backoff (src/engine/model/retry.ts), so the
// figure recovers by itself; a server that keeps failing ends in an inline message after the last retry.
let cleanup: (() => void) | null = null;
afterEach(async () => {
  cleanup?.();
  cleanup = null;
  await until(() => liveEngineCount() === 0, 30_000, 'the engines to be released');
}, 60_000);

async function generateWith(fault: Fault, key: string) {
  const unhandled = watchUnhandled();
  const view = mount(
    <DenoiseAnimator
      startWhen="mount"
      model={faultModelUrl(fault, key)}
      device="wasm"
      count={1}
      steps={2}
      autoplay={false}
    />,
  );
  cleanup = view.unmount;
  const figure = figureOf(view.host);
  await until(
    () => figure.dataset.state === 'done' || figure.dataset.state === 'error',
    120_000,
    'the end of the generation',
  );
  return { state: figure.dataset.state, message: alertText(view.host), unhandled: unhandled.stop() };
}

describe('network errors while downloading the model', () => {
  it('a connection cut mid-download is retried and the generation completes', async () => {
    const result = await generateWith('drop-once', 'net-drop-once');
    expect(result.message).toBe('');
    expect(result.state).toBe('done');
    // Each ONNX file was asked for twice: the cut attempt and the retry.
    expect(await faultRequestCount('drop-once', 'net-drop-once', 'unet.onnx')).toBe(2);
    expect(await faultRequestCount('drop-once', 'net-drop-once', 'text_encoder.onnx')).toBe(2);
    expect(result.unhandled).toEqual([]);
  }, 150_000);

  it('a 503 answer is retried and the generation completes', async () => {
    const result = await generateWith('503-once', 'net-503-once');
    expect(result.state).toBe('done');
    expect(await faultRequestCount('503-once', 'net-503-once', 'model.json')).toBe(2);
    expect(result.unhandled).toEqual([]);
  }, 150_000);

  it('a connection that is always cut ends, after a bounded number of tries, in an inline message', async () => {
    const result = await generateWith('drop-always', 'net-drop-always');
    console.log(`drop-always: ${result.message}`);
    expect(result.state).toBe('error');
    expect(result.message).toMatch(/could not be loaded.*\.onnx.*broke off/i);
    // The file the message names was tried four times (the first try and three retries), no more. The other
    // ONNX file downloads in parallel and is abandoned once the load has failed, so it may stop earlier.
    const failed = /(unet|text_encoder)\.onnx/.exec(result.message)?.[0] ?? '';
    const other = failed === 'unet.onnx' ? 'text_encoder.onnx' : 'unet.onnx';
    expect(await faultRequestCount('drop-always', 'net-drop-always', failed)).toBe(4);
    expect(await faultRequestCount('drop-always', 'net-drop-always', other)).toBeLessThanOrEqual(4);
    expect(result.unhandled).toEqual([]);
  }, 150_000);
});
