// Runs inside headless Chromium (driven by bench/soak.mjs): consecutive generations through the Worker
// (bench/web/soakRun.ts), then hands the figures back as window.benchResult. ?runs=200&warmup=50&steps=2
import { engineCountAfterRelease, soak } from './soakRun';

const params = new URLSearchParams(location.search);
const runs = Number(params.get('runs') ?? 200);
const warmup = Number(params.get('warmup') ?? 50);
const steps = Number(params.get('steps') ?? 2);
const status = document.getElementById('status')!;

soak({ runs, warmup, steps, onProgress: (done) => (status.textContent = `${done} of ${runs}`) })
  .then(async (result) => {
    result.afterRelease.liveEngines = await engineCountAfterRelease();
    (window as { benchResult?: unknown }).benchResult = {
      ...result,
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      crossOriginIsolated,
    };
  })
  .catch(
    (error: Error) => ((window as { benchResult?: unknown }).benchResult = { error: String(error?.stack ?? error) }),
  );
