import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng';
import { adamStep, createAdamState } from './adam';
import { type Activation, createNoisePredictor } from './noisePredictor';
import { createNoiseBatch, noisePredictionLoss } from './noisePredictionLoss';
import { createPredictorWorkspace } from './predictorWorkspace';

/** A small predictor and a fixed batch of noised points, timesteps and noise. */
function setup(activation: Activation) {
  const rng = createRng(11);
  const model = createNoisePredictor(
    { hiddenWidth: 7, hiddenLayers: 2, timeFrequencies: 3, maxFrequency: 20, activation, numTrainTimesteps: 100 },
    rng,
  );
  const batch = createNoiseBatch(5);
  for (let b = 0; b < 5; b++) {
    batch.noised[2 * b] = 2 * rng.normal();
    batch.noised[2 * b + 1] = 2 * rng.normal();
    batch.timesteps[b] = Math.floor(rng.uniform() * 100);
    batch.noise[2 * b] = rng.normal();
    batch.noise[2 * b + 1] = rng.normal();
  }
  const workspace = createPredictorWorkspace(model, 5);
  const scratch = new Float64Array(10);
  const loss = () => noisePredictionLoss(model, batch, workspace, scratch);
  return { model, batch, workspace, scratch, loss };
}

describe('the hand-written backward pass', () => {
  for (const activation of ['silu', 'relu'] as const) {
    it(`matches central finite differences on every parameter (${activation})`, () => {
      const { model, batch, workspace, scratch, loss } = setup(activation);
      const grads = new Float64Array(model.params.length);
      noisePredictionLoss(model, batch, workspace, scratch, grads);
      const h = 1e-6;
      let worst = 0;
      let nonZero = 0;
      for (let i = 0; i < model.params.length; i++) {
        const keep = model.params[i]!;
        model.params[i] = keep + h;
        const up = loss();
        model.params[i] = keep - h;
        const down = loss();
        model.params[i] = keep;
        const numeric = (up - down) / (2 * h);
        // Relative error, floored so that near-zero gradients compare absolutely.
        worst = Math.max(
          worst,
          Math.abs(numeric - grads[i]!) / Math.max(1e-4, Math.abs(numeric) + Math.abs(grads[i]!)),
        );
        if (Math.abs(grads[i]!) > 1e-8) nonZero++;
      }
      expect(worst).toBeLessThan(1e-5);
      // Most parameters get a gradient (ReLU zeroes the dead units' share).
      expect(nonZero).toBeGreaterThan(model.params.length * (activation === 'silu' ? 0.95 : 0.5));
    });
  }

  it('catches a wrong gradient: a perturbed one fails the same check', () => {
    const { model, batch, workspace, scratch, loss } = setup('silu');
    const grads = new Float64Array(model.params.length);
    noisePredictionLoss(model, batch, workspace, scratch, grads);
    const i = model.layers[1]!.weightOffset + 3;
    grads[i]! *= 1.01;
    const keep = model.params[i]!;
    model.params[i] = keep + 1e-6;
    const up = loss();
    model.params[i] = keep - 1e-6;
    const down = loss();
    model.params[i] = keep;
    const numeric = (up - down) / 2e-6;
    expect(Math.abs(numeric - grads[i]!) / Math.abs(numeric)).toBeGreaterThan(1e-3);
  });

  it('accumulates into grads (two calls give twice the gradient)', () => {
    const { model, batch, workspace, scratch } = setup('silu');
    const once = new Float64Array(model.params.length);
    noisePredictionLoss(model, batch, workspace, scratch, once);
    const twice = new Float64Array(model.params.length);
    noisePredictionLoss(model, batch, workspace, scratch, twice);
    noisePredictionLoss(model, batch, workspace, scratch, twice);
    for (let i = 0; i < once.length; i += 17) expect(twice[i]).toBeCloseTo(2 * once[i]!, 12);
  });
});

describe('adamStep', () => {
  it('follows Kingma & Ba (2015), Algorithm 1, on two steps worked by hand', () => {
    const params = Float64Array.of(1, -2);
    const state = createAdamState(2);
    adamStep(params, Float64Array.of(0.5, -4), state, { learningRate: 0.1 });
    // Step 1: m_hat = g and v_hat = g^2, so each parameter moves by lr * sign(g) (up to epsilon).
    expect(params[0]).toBeCloseTo(0.9, 7);
    expect(params[1]).toBeCloseTo(-1.9, 7);
    const after1 = params[0]!;
    adamStep(params, Float64Array.of(0.25, -4), state, { learningRate: 0.1 });
    // Step 2, parameter 0: m = 0.9*0.05 + 0.1*0.25 = 0.07, v = 0.999*0.00025 + 0.001*0.0625 = 0.00031225;
    // m_hat = 0.07 / 0.19, v_hat = 0.00031225 / 0.001999.
    const mHat = 0.07 / 0.19;
    const vHat = 0.00031225 / (1 - 0.999 ** 2);
    expect(params[0]).toBeCloseTo(after1 - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-8), 12);
    expect(state.step).toBe(2);
  });
});
