// Runs inside headless Chromium (driven by bench/denoiseTiming.mjs): the DenoiseAnimator with its defaults (16
// glyphs x 20 steps with guidance, batch 32 per U-Net call) on whatever device 'auto' picks, timed from mount to
// the loaded model and from there to the last frame; hands the figures back as window.benchResult.
// ?prompt=gold&device=auto
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { DenoiseAnimator } from '../../src/components/DenoiseAnimator/DenoiseAnimator';

const params = new URLSearchParams(location.search);
const prompt = params.get('prompt') ?? 'gold';
const device = (params.get('device') ?? 'auto') as 'auto' | 'webgpu' | 'wasm';
const status = document.getElementById('status')!;
/** The longest waits (bench/harness.mjs gives a page 540 s in all): a stuck run reports, it does not hang. */
const LOAD_TIMEOUT_MS = 120_000;
const GENERATION_TIMEOUT_MS = 400_000;

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function measure() {
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  const started = performance.now();
  flushSync(() => root.render(<DenoiseAnimator prompt={prompt} device={device} frameRate={60} />));
  try {
    const figure = host.querySelector<HTMLElement>('[role="figure"]')!;
    status.textContent = 'loading the model';
    await until(
      () => figure.dataset.state !== 'idle' && figure.dataset.state !== 'loading',
      LOAD_TIMEOUT_MS,
      'the model',
    );
    const loadedAt = performance.now();
    status.textContent = 'generating';
    await until(
      () => figure.dataset.state === 'done' || figure.dataset.state === 'error',
      GENERATION_TIMEOUT_MS,
      'the generation',
    );
    const lastFrameAt = performance.now();
    if (figure.dataset.state !== 'done')
      throw new Error(`the generation ended in state '${figure.dataset.state}': ${figure.textContent}`);
    const deviceInfo = host.querySelector<HTMLElement>('[data-device]');
    const generated = [...host.querySelectorAll('div')].find((d) =>
      /^Generated \d+ steps? in/.test(d.textContent ?? ''),
    );
    return {
      prompt,
      requestedDevice: device,
      device: deviceInfo?.dataset.device ?? null,
      threads: deviceInfo ? Number(deviceInfo.dataset.threads) : null,
      crossOriginIsolated,
      hardwareConcurrency: navigator.hardwareConcurrency,
      modelLoadMs: loadedAt - started,
      loadToLastFrameMs: lastFrameAt - loadedAt,
      /** The figure's own line, on the engine's clock (time paused left out). */
      engineClock: generated?.textContent ?? null,
    };
  } finally {
    root.unmount();
    host.remove();
  }
}

measure()
  .then((result) => {
    status.textContent = 'done';
    (window as { benchResult?: unknown }).benchResult = result;
  })
  .catch(
    (error: Error) => ((window as { benchResult?: unknown }).benchResult = { error: String(error?.stack ?? error) }),
  );
