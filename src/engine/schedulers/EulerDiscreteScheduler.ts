import type { FloatArray } from '../forward/addNoise';
import { describeValue } from '../schedules/SchedulerConfigError';
import { type CommonSchedulerConfig, readCommonConfig, trainingSchedule } from './commonConfig';
import { ConfigReader, type RawSchedulerConfig } from './ConfigReader';
import { EulerFamilyScheduler, type EulerSigmaRules } from './EulerFamilyScheduler';
import { allocLike, checkStepArrays, checkUnusedNoise, stepNoise } from './sampleArrays';
import { SchedulerUsageError } from './SchedulerUsageError';
import type { StepOptions, StepOutput } from './types';

/** The resolved configuration of {@link EulerDiscreteScheduler} (diffusers' keys and defaults). */
export type EulerDiscreteSchedulerConfig = CommonSchedulerConfig & {
  /** Only `linear` interpolation of the training sigmas is supported. */
  readonly interpolation_type: 'linear';
  /** Use Karras et al.'s sigma spacing (default false). */
  readonly use_karras_sigmas: boolean;
  /** Lower end of the Karras grid, or null for the end of the spaced grid. */
  readonly sigma_min: number | null;
  /** Upper end of the Karras grid, or null for the start of the spaced grid. */
  readonly sigma_max: number | null;
  /** Only `discrete` timesteps are supported. */
  readonly timestep_type: 'discrete';
  /** The noise level after the last step: `zero` (default) or `sigma_min` (the training sigma at t = 0). */
  readonly final_sigmas_type: 'zero' | 'sigma_min';
};

/** `step` options of {@link EulerDiscreteScheduler}: Karras et al.'s "churn" (Algorithm 2), off by default. */
export interface EulerStepOptions extends StepOptions {
  /** S_churn >= 0: total extra noise; gamma = min(S_churn / n, sqrt(2) - 1) per step (default 0: deterministic). */
  sChurn?: number;
  /** Churn only where sigma >= S_tmin (default 0). */
  sTmin?: number;
  /** Churn only where sigma <= S_tmax (default Infinity). */
  sTmax?: number;
  /** S_noise: scale of the churn noise (default 1). */
  sNoise?: number;
}

/**
 * Euler's method on the probability-flow ODE in sigma (Karras et al. 2022, "Elucidating the Design Space
 * of Diffusion-Based Generative Models", Algorithm 2 with optional churn), as diffusers' `EulerDiscreteScheduler`.
 */
export class EulerDiscreteScheduler extends EulerFamilyScheduler<EulerDiscreteSchedulerConfig> {
  readonly name = 'euler' as const;
  readonly className = 'EulerDiscreteScheduler';

  /** Takes a diffusers `scheduler_config.json` object as is; see {@link EulerDiscreteSchedulerConfig}. */
  constructor(config: RawSchedulerConfig = {}) {
    const className = 'EulerDiscreteScheduler';
    const read = new ConfigReader(config, className);
    read.unsupportedFeature('use_exponential_sigmas', 'only the timestep_spacing grids and use_karras_sigmas are supported');
    read.unsupportedFeature('use_beta_sigmas', 'only the timestep_spacing grids and use_karras_sigmas are supported');
    const positive = (x: number) => x > 0;
    const resolved: EulerDiscreteSchedulerConfig = {
      ...readCommonConfig(read, {
        timestepSpacing: 'linspace',
        betaSchedules: ['linear', 'scaled_linear', 'squaredcos_cap_v2'],
        predictionTypes: ['epsilon', 'sample', 'v_prediction'],
        predictionAliases: { original_sample: 'sample' },
      }),
      interpolation_type: read.choice('interpolation_type', 'linear', ['linear'], {
        unsupported: { log_linear: "diffusers' log_linear grid has n + 2 sigmas for n steps; use 'linear'" },
      }),
      use_karras_sigmas: read.boolean('use_karras_sigmas', false),
      sigma_min: read.optionalNumber('sigma_min', 'a number > 0', positive),
      sigma_max: read.optionalNumber('sigma_max', 'a number > 0', positive),
      timestep_type: read.choice('timestep_type', 'discrete', ['discrete'], {
        unsupported: { continuous: "continuous (EDM-style) timesteps are not supported; use 'discrete'" },
      }),
      final_sigmas_type: read.choice('final_sigmas_type', 'zero', ['zero', 'sigma_min']),
    };
    const { betas, alphasCumprod } = trainingSchedule(resolved, className);
    super(resolved, betas, alphasCumprod);
  }

  protected sigmaRules(): EulerSigmaRules {
    const c = this.config;
    return { useKarrasSigmas: c.use_karras_sigmas, sigmaMin: c.sigma_min, sigmaMax: c.sigma_max, finalSigma: c.final_sigmas_type };
  }

  /**
   * One Euler step from sigma_i to sigma_{i+1} (Karras et al. 2022, Algorithm 2): optional churn raises the
   * noise level to sigma_hat = sigma_i (1 + gamma) by adding sqrt(sigma_hat^2 - sigma_i^2) S_noise z; then
   * D = predicted x_0 (eps: x - sigma_hat eps_theta; v: c_skip x + c_out v), d = (x - D) / sigma_hat, and
   * x_{i+1} = x + (sigma_{i+1} - sigma_hat) d.
   */
  step<T extends FloatArray>(modelOutput: FloatArray, t: number, sample: T, options?: EulerStepOptions): StepOutput<T> {
    const where = `${this.className}.step`;
    checkStepArrays(modelOutput, sample, where);
    const i = this.currentStepIndex(t, 'step');
    const sChurn = churnOption(options?.sChurn, 0, 'sChurn', where);
    const sTmin = churnOption(options?.sTmin, 0, 'sTmin', where);
    const sTmax = churnOption(options?.sTmax, Infinity, 'sTmax', where);
    const sNoise = churnOption(options?.sNoise, 1, 'sNoise', where);
    const sigmas = this.scheduleSigmas;
    const sigma = sigmas[i]!;
    const gamma = sTmin <= sigma && sigma <= sTmax ? Math.min(sChurn / (sigmas.length - 1), Math.SQRT2 - 1) : 0;
    const sigmaHat = sigma * (gamma + 1);
    const length = sample.length;
    const z = gamma > 0 ? stepNoise(options, length, `${where} at t=${t}`, `sChurn = ${sChurn} gives gamma = ${gamma} > 0`) : undefined;
    if (z === undefined) checkUnusedNoise(options, length, where);
    const churnScale = z === undefined ? 0 : Math.sqrt(sigmaHat * sigmaHat - sigma * sigma);

    const prediction = this.config.prediction_type;
    const dt = sigmas[i + 1]! - sigmaHat;
    const prevSample = allocLike(sample);
    const predOriginalSample = allocLike(sample);
    for (let k = 0; k < length; k++) {
      const x = z === undefined ? sample[k]! : sample[k]! + z[k]! * sNoise * churnScale;
      const out = modelOutput[k]!;
      let x0: number;
      if (prediction === 'epsilon') x0 = x - sigmaHat * out;
      else if (prediction === 'v_prediction') x0 = out * (-sigma / Math.sqrt(sigma * sigma + 1)) + x / (sigma * sigma + 1);
      else x0 = out;
      const derivative = (x - x0) / sigmaHat;
      predOriginalSample[k] = x0;
      prevSample[k] = x + derivative * dt;
    }
    this.stepIndex = i + 1;
    return { prevSample, predOriginalSample };
  }
}

function churnOption(value: number | undefined, fallback: number, name: string, where: string): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || Number.isNaN(v) || (name !== 'sTmax' && !Number.isFinite(v)) || v < 0) {
    throw new SchedulerUsageError('invalid-argument', `${where}: options.${name} must be a number >= 0; got ${describeValue(v)}.`);
  }
  return v;
}
