import { describe, expect, it } from 'vitest';
import { GenerationAbortedError, type GenerationFrame } from '../../../engine';
import { runGeneration, storeFrame } from './runGeneration';

function frame(step: number): GenerationFrame {
  const v = new Float32Array([-1, 1, 0, 3]);
  return {
    step,
    totalSteps: 3,
    timestep: 1000 - step * 333,
    sample: v,
    predictedX0: v,
    predictedNoise: v,
    count: 1,
    channels: 1,
    width: 2,
    height: 2,
    elapsedMs: step * 10,
  };
}

/** A stand-in for the Worker: yields frames, stops with an AbortError once its signal aborts (as the real one does). */
const fakeWorker = (fail?: Error) => ({
  generate: ({ signal }: { signal?: AbortSignal }) =>
    (async function* () {
      for (let s = 1; s <= 3; s++) {
        if (signal?.aborted) throw new GenerationAbortedError();
        if (fail && s === 2) throw fail;
        yield frame(s);
      }
    })(),
});

describe('runGeneration', () => {
  it('hands every frame on and resolves done', async () => {
    const steps: number[] = [];
    await expect(
      runGeneration(fakeWorker(), {}, new AbortController().signal, (f) => steps.push(f.step)),
    ).resolves.toBe('done');
    expect(steps).toEqual([1, 2, 3]);
  });

  it('resolves aborted, without further frames, when the signal aborts', async () => {
    const controller = new AbortController();
    const steps: number[] = [];
    const outcome = await runGeneration(fakeWorker(), {}, controller.signal, (f) => {
      steps.push(f.step);
      controller.abort();
    });
    expect(outcome).toBe('aborted');
    expect(steps).toEqual([1]);
  });

  it('rejects with any other error', async () => {
    const error = Object.assign(new RangeError('steps must be ...'), { name: 'GenerateOptionsError' });
    await expect(runGeneration(fakeWorker(error), {}, new AbortController().signal, () => {})).rejects.toBe(error);
  });
});

describe('storeFrame', () => {
  it('keeps the readout numbers and turns the arrays into display bytes', () => {
    const stored = storeFrame(frame(2), { channels: 1, range: [-1, 1], ink: 1, background: -1 });
    expect(stored).toMatchObject({
      step: 2,
      totalSteps: 3,
      timestep: 334,
      elapsedMs: 20,
      count: 1,
      width: 2,
      height: 2,
    });
    expect(Array.from(stored.sample)).toEqual([0, 255, 128, 255]);
    // noise: 0.5 + eps / 6 -> -1: 0.333 (85), 1: 0.667 (170), 0: 128, 3: 255
    expect(Array.from(stored.predictedNoise)).toEqual([85, 170, 128, 255]);
  });
});
