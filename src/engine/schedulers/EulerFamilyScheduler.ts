import type { FloatArray } from '../forward/addNoise';
import { sigmasFromAlphasCumprod } from '../schedules/derived';
import { interpOnIntegerGrid } from '../schedules/numpyGrids';
import type { CommonSchedulerConfig } from './commonConfig';
import { allocLike, checkFloatArray } from './sampleArrays';
import { karrasSigmas, sigmaToTimestep } from './sigmaGrids';
import { SigmaScheduler } from './SigmaScheduler';
import { eulerTimesteps } from './timestepGrids';

/** How the Euler family builds its sigma grid: spacing-derived (optionally Karras) and a final sigma. */
export interface EulerSigmaRules {
  useKarrasSigmas: boolean;
  sigmaMin: number | null;
  sigmaMax: number | null;
  finalSigma: 'zero' | 'sigma_min';
}

/**
 * Base of the Euler samplers (Karras et al. 2022), which work with the variance-exploding view of the VP
 * process: x = x_t / sqrt(abar_t) = x_0 + sigma_t eps with sigma_t = sqrt((1 - abar_t) / abar_t). Samples
 * live at that scale, so the model input is x / sqrt(sigma^2 + 1) and the initial noise has std ~ sigma_max.
 */
export abstract class EulerFamilyScheduler<C extends CommonSchedulerConfig> extends SigmaScheduler<C> {
  /** sigma_t of every training timestep, ascending in t. */
  protected readonly trainSigmas: Float64Array;

  protected constructor(config: C, betas: Float64Array, alphasCumprod: Float64Array) {
    // As diffusers: with zero terminal SNR, keep abar_{T-1} just above 0 so sigma_{T-1} stays finite.
    if (config.rescale_betas_zero_snr) alphasCumprod[alphasCumprod.length - 1] = 2 ** -24;
    super(config, betas, alphasCumprod);
    this.trainSigmas = sigmasFromAlphasCumprod(alphasCumprod);
  }

  /** The sigma-grid options of the concrete class. */
  protected abstract sigmaRules(): EulerSigmaRules;

  /**
   * sigma_max for `linspace` and `trailing` spacing (their first timestep is T-1); sqrt(sigma_max^2 + 1)
   * otherwise, as diffusers does. Before `setTimesteps`, sigma_max is the training maximum.
   */
  get initNoiseSigma(): number {
    const sigmas = this.scheduleSigmas.length > 0 ? this.scheduleSigmas : this.trainSigmas;
    let max = 0;
    for (const s of sigmas) max = Math.max(max, s);
    const spacing = this.config.timestep_spacing;
    return spacing === 'linspace' || spacing === 'trailing' ? max : Math.sqrt(max * max + 1);
  }

  protected buildSchedule(n: number): number[] {
    const c = this.config;
    const rules = this.sigmaRules();
    let timesteps = eulerTimesteps(c.timestep_spacing, c.num_train_timesteps, n, c.steps_offset);
    let sigmas = timesteps.map((t) => interpOnIntegerGrid(t, this.trainSigmas));
    if (rules.useKarrasSigmas) {
      // Karras et al. 2022, eq. 5 between the ends of the spaced grid (or sigma_min / sigma_max when set);
      // each timestep is the fractional t whose sigma it is.
      const logSigmas = this.trainSigmas.map(Math.log);
      const sigmaMin = rules.sigmaMin ?? sigmas[sigmas.length - 1]!;
      const sigmaMax = rules.sigmaMax ?? sigmas[0]!;
      sigmas = Array.from(karrasSigmas(sigmaMin, sigmaMax, n));
      timesteps = sigmas.map((s) => sigmaToTimestep(s, logSigmas));
    }
    const finalSigma = rules.finalSigma === 'sigma_min' ? this.trainSigmas[0]! : 0;
    this.scheduleSigmas = Float64Array.from([...sigmas, finalSigma]);
    return timesteps;
  }

  /** The model input at timestep t: x / sqrt(sigma_t^2 + 1), which is x_t at the VP scale. */
  override scaleModelInput<T extends FloatArray>(sample: T, t: number): T {
    checkFloatArray(sample, 'sample', `${this.className}.scaleModelInput`);
    const sigma = this.scheduleSigmas[this.currentStepIndex(t, 'scaleModelInput')]!;
    const denominator = Math.sqrt(sigma * sigma + 1);
    const out = allocLike(sample);
    for (let i = 0; i < sample.length; i++) out[i] = sample[i]! / denominator;
    return out;
  }

  /**
   * Forward noising at the VE scale: x = x_0 + sigma eps, with the schedule's sigma when t is one of the
   * current timesteps (as diffusers), else the training sigma of the integer timestep t.
   */
  protected override noiseCoefficients(t: number, where: string): { signal: number; noise: number } {
    const index = this.indexForTimestep(t);
    if (index !== undefined) return { signal: 1, noise: this.scheduleSigmas[index]! };
    const abar = this.trainingAlphaCumprod(t, where);
    return { signal: 1, noise: Math.sqrt((1 - abar) / abar) };
  }
}
