import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng';
import { noiseSchedule } from '../schedules/noiseSchedule';
import { createNoiseTrainer } from './NoiseTrainer';
import { createTrainingSession } from './createTrainingSession';
import { TrainingLoop } from './TrainingLoop';
import type { TrainingConfig, TrainingProgress } from './trainingProtocol';

const abar = noiseSchedule({ betaSchedule: 'linear', numTrainTimesteps: 100 }).alphasCumprod;
const rng = createRng(2);
const data = Float64Array.from({ length: 200 }, () => rng.normal());
const config: TrainingConfig = {
  data,
  alphasCumprod: abar,
  seed: 9,
  maxSteps: 30,
  batchSize: 16,
  learningRate: 1e-2,
  model: { hiddenWidth: 8, hiddenLayers: 2, timeFrequencies: 2, maxFrequency: 8, activation: 'silu' },
};

/** A clock that advances 1 ms per read, so a slice of n ms takes n steps. */
function fakeClock() {
  let t = 0;
  return () => t++;
}

describe('TrainingLoop', () => {
  it('trains in slices, reports each step once, and stops at maxSteps', () => {
    const loop = new TrainingLoop(config, true, 0, fakeClock());
    // A clock read per step: a 10 ms slice stops after at most 10 steps (it overshoots by at most one step).
    const first10 = loop.slice(10);
    expect(first10).toBeGreaterThan(0);
    expect(first10).toBeLessThanOrEqual(10);
    const first = loop.progress();
    expect(first.losses.length).toBe(first.step);
    expect(first.status).toBe('running');
    while (loop.status === 'running') loop.slice(10);
    const rest = loop.progress();
    expect(first.losses.length + rest.losses.length).toBe(30);
    expect(rest).toMatchObject({ step: 30, maxSteps: 30, status: 'done' });
  });

  it('gives the same weights as an uninterrupted trainer, whatever the slicing and pauses', () => {
    const loop = new TrainingLoop(config, true, 0, fakeClock());
    loop.slice(3);
    loop.pause();
    expect(loop.slice(10)).toBe(0);
    loop.resume();
    while (loop.status === 'running') loop.slice(7);
    const direct = createNoiseTrainer({
      data,
      alphasCumprod: abar,
      seed: 9,
      batchSize: 16,
      adam: { learningRate: 1e-2 },
      decaySteps: 30,
      model: config.model,
    });
    direct.train(30);
    expect(Array.from(loop.progress().params)).toEqual(Array.from(direct.snapshot()));
  });

  it("resets to the seed's initial weights, paused", () => {
    const loop = new TrainingLoop(config, true, 0, fakeClock());
    const initial = loop.progress().params;
    loop.slice(10);
    loop.reset();
    const p = loop.progress();
    expect(p).toMatchObject({ step: 0, status: 'paused' });
    expect(Array.from(p.params)).toEqual(Array.from(initial));
  });
});

describe('createTrainingSession without Workers (Node): the main-thread fallback', () => {
  it('starts, reports progress, pauses and resets', async () => {
    const session = createTrainingSession();
    expect(session.mode).toBe('main-thread');
    const seen: TrainingProgress[] = [];
    const stop = session.subscribe((p) => seen.push(p));
    // A run far too long to finish, paused as soon as some steps have been reported (a fixed wait would
    // either pause before any step on a loaded machine or after the last on an idle one).
    session.start({ ...config, maxSteps: 1_000_000 });
    while (!seen.some((p) => p.step > 0)) await new Promise((r) => setTimeout(r, 5));
    session.pause();
    const paused = seen.at(-1)!;
    expect(paused.status).toBe('paused');
    expect(paused.step).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.at(-1)!.step).toBe(paused.step);
    // Every step's loss arrived exactly once.
    expect(seen.reduce((n, p) => n + p.losses.length, 0)).toBe(paused.step);
    session.reset();
    expect(seen.at(-1)).toMatchObject({ step: 0, status: 'paused' });
    stop();
    session.dispose();
  });
});

describe('createTrainingSession: runs replaced mid-flight', () => {
  it("passes on only the current run's reports", async () => {
    const session = createTrainingSession({ worker: false });
    const seen: TrainingProgress[] = [];
    session.subscribe((p) => seen.push(p));
    session.start({ ...config, maxSteps: 2000 });
    session.start({ ...config, seed: 10, maxSteps: 2000 }, false);
    await new Promise((r) => setTimeout(r, 50));
    const runs = new Set(seen.map((p) => p.run));
    // The first run reported once, synchronously, before it was replaced; after that only run 2 is heard.
    expect(seen.at(-1)).toMatchObject({ run: 2, step: 0, status: 'paused' });
    expect([...runs]).toEqual([1, 2]);
    expect(seen.filter((p) => p.run === 1)).toHaveLength(1);
    session.dispose();
  });
});
