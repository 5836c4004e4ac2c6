import type { FloatArray } from '../forward/addNoise';
import { type CommonSchedulerConfig, readCommonConfig, trainingSchedule } from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { EulerFamilyScheduler, type EulerSigmaRules } from './EulerFamilyScheduler';
import { allocLike, checkStepArrays, stepNoise } from './sampleArrays';
import type { StepOptions, StepOutput } from './types';

/** The resolved configuration of {@link EulerAncestralDiscreteScheduler} (diffusers' keys and defaults). */
export type EulerAncestralDiscreteSchedulerConfig = CommonSchedulerConfig;

/**
 * Euler ancestral sampling (k-diffusion's `sample_euler_ancestral`, in the sigma formulation of Karras et
 * al. 2022), as diffusers' `EulerAncestralDiscreteScheduler`: each step goes down to sigma_down with an
 * Euler step, then adds fresh noise of std sigma_up so the marginal lands on sigma_{i+1}. Every step is
 * stochastic.
 */
export class EulerAncestralDiscreteScheduler extends EulerFamilyScheduler<EulerAncestralDiscreteSchedulerConfig> {
  readonly name = 'eulerAncestral' as const;
  readonly className = 'EulerAncestralDiscreteScheduler';

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link EulerAncestralDiscreteSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const className = 'EulerAncestralDiscreteScheduler';
    const read = new ConfigReader(config, className);
    const resolved: EulerAncestralDiscreteSchedulerConfig = readCommonConfig(read, {
      timestepSpacing: 'linspace',
      betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
      predictionTypes: ['epsilon', 'v_prediction'],
      unsupportedPredictionTypes: { sample: "diffusers' EulerAncestralDiscreteScheduler does not implement it (NotImplementedError)" },
    });
    const { betas, alphasCumprod } = trainingSchedule(resolved, className);
    super(resolved, betas, alphasCumprod);
  }

  protected sigmaRules(): EulerSigmaRules {
    return { useKarrasSigmas: false, sigmaMin: null, sigmaMax: null, finalSigma: 'zero' };
  }

  /**
   * One ancestral step from sigma_from = sigma_i to sigma_to = sigma_{i+1}:
   *   sigma_up = sqrt(sigma_to^2 (sigma_from^2 - sigma_to^2) / sigma_from^2),  sigma_down = sqrt(sigma_to^2 - sigma_up^2),
   *   D = predicted x_0, d = (x - D) / sigma_from,  x_{i+1} = x + (sigma_down - sigma_from) d + sigma_up z.
   * Like diffusers, z is drawn on every step (also the last, where sigma_up = 0): `options.noise` or `options.rng`.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: StepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const i = this.currentStepIndex(t, 'step');
    const length = sample.length;
    const z = stepNoise(options, length, `${where} at t=${t}`, 'ancestral sampling adds fresh noise every step');
    const sigmaFrom = this.scheduleSigmas[i]!;
    const sigmaTo = this.scheduleSigmas[i + 1]!;
    const sigmaUp = Math.sqrt((sigmaTo ** 2 * (sigmaFrom ** 2 - sigmaTo ** 2)) / sigmaFrom ** 2);
    const sigmaDown = Math.sqrt(Math.max(0, sigmaTo ** 2 - sigmaUp ** 2));
    const dt = sigmaDown - sigmaFrom;
    const vPrediction = this.config.prediction_type === 'v_prediction';
    const prevSample = allocLike(sample);
    const predOriginalSample = allocLike(sample);
    for (let k = 0; k < length; k++) {
      const x = sample[k]!;
      const out = modelOutput[k]!;
      const x0 = vPrediction
        ? out * (-sigmaFrom / Math.sqrt(sigmaFrom * sigmaFrom + 1)) + x / (sigmaFrom * sigmaFrom + 1)
        : x - sigmaFrom * out;
      const derivative = (x - x0) / sigmaFrom;
      predOriginalSample[k] = x0;
      prevSample[k] = x + derivative * dt + z[k]! * sigmaUp;
    }
    this.stepIndex = i + 1;
    return { prevSample, predOriginalSample };
  }
}
