import { describe, expect, it } from 'vitest';
import { mixture2dPreset } from '../distributions/mixture2dPresets';
import { sampleMixture2d } from '../distributions/mixture2dSample';
import { createRng } from '../rng/createRng';
import { noiseSchedule } from '../schedules/noiseSchedule';
import type { SchedulerName } from '../schedulers/types';
import { clipPredictedSample, dataBounds } from './clipPredictedSample';
import { createNoiseTrainer } from './NoiseTrainer';
import { MAX_SAMPLING_BETA, sampleNoisePredictor, samplingAlphasCumprod } from './sampleNoisePredictor';
import { meanNearestDistance } from './sampleQuality';

describe('dataBounds', () => {
  it('is the bounding box widened by a tenth of its larger side, at least 0.1', () => {
    const close = (b: ReturnType<typeof dataBounds>, want: number[]) =>
      [b!.xMin, b!.xMax, b!.yMin, b!.yMax].forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
    close(dataBounds([0, 0, 2, 1, -1, 0.5]), [-1.3, 2.3, -0.3, 1.3]);
    close(dataBounds([1, 2]), [0.9, 1.1, 1.9, 2.1]);
    expect(dataBounds([])).toBeNull();
  });
});

describe('clipPredictedSample', () => {
  const box = { xMin: -1, xMax: 1, yMin: -2, yMax: 2 };
  const x0Of = (xt: number, eps: number, abar: number) => (xt - Math.sqrt(1 - abar) * eps) / Math.sqrt(abar);

  it('leaves eps alone where the x0 it implies is inside the box', () => {
    const abar = 0.5;
    const eps = Float64Array.of(0.3, -0.2);
    clipPredictedSample([0.4, 0.1], eps, 1, abar, box);
    expect(Array.from(eps)).toEqual([0.3, -0.2]);
  });

  it('re-derives eps so the implied x0 lands on the side of the box it left, per axis', () => {
    const abar = 1e-6;
    const xt = [0.5, -0.7];
    const eps = Float64Array.of(0.49, -0.71); // x0 = (0.5 - 0.49) / 0.001 = 10 (x); -0.7 + 0.71 = 0.01 -> 10 (y)
    clipPredictedSample(xt, eps, 1, abar, box);
    expect(x0Of(xt[0]!, eps[0]!, abar)).toBeCloseTo(1, 6);
    expect(x0Of(xt[1]!, eps[1]!, abar)).toBeCloseTo(2, 6);
  });

  it('uses the centre of the box when abar = 0 leaves x0 unknown', () => {
    const eps = Float64Array.of(0.5, 0.5);
    clipPredictedSample([0.5, 0.5], eps, 1, 0, box);
    expect(Array.from(eps)).toEqual([0.5, 0.5]); // eps = x_t whatever x0 is when abar = 0
  });
});

describe('samplingAlphasCumprod', () => {
  it('keeps a schedule without abar = 0 as it is and caps a beta of 1 at MAX_SAMPLING_BETA', () => {
    const cosine = noiseSchedule({ betaSchedule: 'squaredcos_cap_v2' }).alphasCumprod;
    expect(Array.from(samplingAlphasCumprod(cosine))).toEqual(Array.from(cosine));
    const zeroSnr = noiseSchedule({ betaSchedule: 'linear', rescaleBetasZeroSnr: true }).alphasCumprod;
    expect(zeroSnr[999]).toBe(0);
    const sampled = samplingAlphasCumprod(zeroSnr);
    expect(sampled[999]).toBeCloseTo(zeroSnr[998]! * (1 - MAX_SAMPLING_BETA), 20);
    expect(sampled[999]).toBeGreaterThan(0);
  });
});

// The cosine schedule ends at abar_999 = 2.4e-9: the first step's x0 = (x - sqrt(1 - abar) eps) / sqrt(abar)
// multiplies the network's error in eps by 2e4. Measured with this small model before the clamp: DDIM and
// Euler samples a mean distance of 1-50 from the data (linear: 0.1); with it, as close as linear's.
describe('sampling a trained model with the cosine schedule', () => {
  const moons = mixture2dPreset('two-moons');
  const data = sampleMixture2d(moons, 1000, createRng(1));
  const reference = sampleMixture2d(moons, 500, createRng(7));
  const bounds = dataBounds(data);
  const trained = (abar: Float64Array) => {
    const trainer = createNoiseTrainer({
      data,
      alphasCumprod: abar,
      seed: 0,
      model: { hiddenWidth: 32, hiddenLayers: 2 },
      batchSize: 64,
      decaySteps: 800,
    });
    trainer.train(800);
    return trainer.model;
  };
  const linear = noiseSchedule({ betaSchedule: 'linear' }).alphasCumprod;
  const cosine = noiseSchedule({ betaSchedule: 'squaredcos_cap_v2' }).alphasCumprod;
  const models = { linear: trained(linear), cosine: trained(cosine) };
  const distance = (name: 'linear' | 'cosine', scheduler: SchedulerName, steps: number) => {
    const abar = name === 'linear' ? linear : cosine;
    const x = sampleNoisePredictor(models[name], {
      alphasCumprod: abar,
      scheduler,
      steps,
      count: 500,
      rng: createRng(3),
      clipSample: bounds,
    });
    return meanNearestDistance(x, reference);
  };

  for (const scheduler of ['ddim', 'euler', 'dpmSolverMultistep'] as SchedulerName[]) {
    it(`${scheduler}: samples as close to the data as the linear schedule's`, () => {
      for (const steps of [10, 50]) {
        const lin = distance('linear', scheduler, steps);
        const cos = distance('cosine', scheduler, steps);
        expect(lin, `linear, ${steps} steps`).toBeLessThan(0.2);
        expect(cos, `cosine, ${steps} steps`).toBeLessThan(Math.max(0.2, 1.5 * lin));
      }
    });
  }

  it('samples a zero-terminal-SNR schedule to finite points on the data', () => {
    const zeroSnr = noiseSchedule({ betaSchedule: 'linear', rescaleBetasZeroSnr: true }).alphasCumprod;
    const model = trained(zeroSnr);
    for (const scheduler of ['ddim', 'euler'] as SchedulerName[]) {
      const x = sampleNoisePredictor(model, {
        alphasCumprod: zeroSnr,
        scheduler,
        steps: 20,
        count: 300,
        rng: createRng(3),
        clipSample: bounds,
      });
      expect(x.every(Number.isFinite), scheduler).toBe(true);
      expect(meanNearestDistance(x, reference), scheduler).toBeLessThan(0.3);
    }
  });
});
