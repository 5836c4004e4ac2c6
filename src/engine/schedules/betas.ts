import { describeValue, SchedulerConfigError } from './SchedulerConfigError';
import { linspace } from './numpyGrids';

/** The beta schedules diffusers knows by name (`beta_schedule` in `scheduler_config.json`). */
export const BETA_SCHEDULES = ['linear', 'scaled_linear', 'squaredcos_cap_v2', 'sigmoid'] as const;

/** A diffusers `beta_schedule` name. */
export type BetaScheduleName = (typeof BETA_SCHEDULES)[number];

/** diffusers' default `beta_start`. */
export const DEFAULT_BETA_START = 0.0001;
/** diffusers' default `beta_end`. */
export const DEFAULT_BETA_END = 0.02;

/** True when `name` is one of {@link BETA_SCHEDULES}. */
export function isBetaScheduleName(name: unknown): name is BetaScheduleName {
  return typeof name === 'string' && (BETA_SCHEDULES as readonly string[]).includes(name);
}

/** Ho et al. 2020: betas rise linearly from `betaStart` to `betaEnd` over the `n` training steps. */
export function linearBetas(n: number, betaStart = DEFAULT_BETA_START, betaEnd = DEFAULT_BETA_END): Float64Array {
  checkCount(n);
  checkBetaRange(betaStart, betaEnd);
  return Float64Array.from(linspace(betaStart, betaEnd, n));
}

/** Latent diffusion (Stable Diffusion): sqrt(beta) rises linearly, so beta_t = linspace(sqrt(start), sqrt(end))^2. */
export function scaledLinearBetas(n: number, betaStart = DEFAULT_BETA_START, betaEnd = DEFAULT_BETA_END): Float64Array {
  checkCount(n);
  checkBetaRange(betaStart, betaEnd);
  return Float64Array.from(linspace(Math.sqrt(betaStart), Math.sqrt(betaEnd), n), (r) => r * r);
}

/**
 * Betas that discretise a continuous abar(s), s in [0, 1]: beta_i = min(1 - abar((i+1)/n) / abar(i/n), maxBeta).
 * The cap keeps the last betas below 1, where abar reaches 0.
 */
export function betasForAlphaBar(n: number, alphaBar: (s: number) => number, maxBeta = 0.999): Float64Array {
  checkCount(n);
  const betas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    betas[i] = Math.min(1 - alphaBar((i + 1) / n) / alphaBar(i / n), maxBeta);
  }
  return betas;
}

/** The cosine abar of Nichol & Dhariwal 2021 with offset s = 0.008: abar(s) = cos^2((s + 0.008) / 1.008 * pi / 2). */
export function cosineAlphaBar(s: number): number {
  return Math.cos(((s + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
}

/** `squaredcos_cap_v2` (GLIDE / improved DDPM): betas of the cosine abar, capped at `maxBeta` (0.999). */
export function squaredcosCapV2Betas(n: number, maxBeta = 0.999): Float64Array {
  return betasForAlphaBar(n, cosineAlphaBar, maxBeta);
}

/** `sigmoid` (GeoDiff): beta_t = sigmoid(linspace(-6, 6, n)) * (betaEnd - betaStart) + betaStart. */
export function sigmoidBetas(n: number, betaStart = DEFAULT_BETA_START, betaEnd = DEFAULT_BETA_END): Float64Array {
  checkCount(n);
  checkBetaRange(betaStart, betaEnd);
  return Float64Array.from(linspace(-6, 6, n), (x) => (1 / (1 + Math.exp(-x))) * (betaEnd - betaStart) + betaStart);
}

/**
 * What `noiseSchedule` (and the kit's `makeBetas`) needs: a diffusers `beta_schedule` and its parameters (camelCase).
 */
export interface BetaOptions {
  /** diffusers' `beta_schedule`; ignored when `trainedBetas` is given. */
  betaSchedule?: string;
  /** diffusers' `num_train_timesteps` (default 1000). */
  numTrainTimesteps?: number;
  /** diffusers' `beta_start` (default 0.0001). */
  betaStart?: number;
  /** diffusers' `beta_end` (default 0.02). */
  betaEnd?: number;
  /** diffusers' `trained_betas`: explicit betas that bypass the named schedule. */
  trainedBetas?: ArrayLike<number> | null;
}

/**
 * The betas of a diffusers configuration, in float64. `trainedBetas` pass through unchanged; otherwise the
 * named schedule is built. Throws {@link SchedulerConfigError} naming the key on any invalid value.
 */
export function makeBetas(options: BetaOptions = {}): Float64Array {
  const n = options.numTrainTimesteps ?? 1000;
  checkCount(n);
  if (options.trainedBetas != null) return checkTrainedBetas(options.trainedBetas, n);
  const schedule = options.betaSchedule ?? 'linear';
  const start = options.betaStart ?? DEFAULT_BETA_START;
  const end = options.betaEnd ?? DEFAULT_BETA_END;
  if (!isBetaScheduleName(schedule)) {
    throw new SchedulerConfigError(
      'beta_schedule',
      BETA_SCHEDULES,
      schedule,
      `beta_schedule must be one of ${BETA_SCHEDULES.map((s) => `'${s}'`).join(', ')}; got ${describeValue(schedule)}. ` +
        'Use one of these names, or give explicit trained_betas.',
    );
  }
  switch (schedule) {
    case 'linear':
      return linearBetas(n, start, end);
    case 'scaled_linear':
      return scaledLinearBetas(n, start, end);
    case 'squaredcos_cap_v2':
      return squaredcosCapV2Betas(n);
    case 'sigmoid':
      return sigmoidBetas(n, start, end);
  }
}

/** Rejects a `num_train_timesteps` that is not an integer >= 1. */
export function checkCount(n: number): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new SchedulerConfigError(
      'num_train_timesteps',
      ['an integer >= 1'],
      n,
      `num_train_timesteps must be an integer >= 1; got ${describeValue(n)}. Use the number of diffusion steps the model was trained with (usually 1000).`,
    );
  }
}

/** Rejects betas outside 0 < beta_start < beta_end < 1. */
export function checkBetaRange(betaStart: number, betaEnd: number): void {
  if (typeof betaStart !== 'number' || !Number.isFinite(betaStart) || betaStart <= 0 || betaStart >= 1) {
    throw new SchedulerConfigError(
      'beta_start',
      ['a number with 0 < beta_start < beta_end'],
      betaStart,
      `beta_start must be a number with 0 < beta_start < beta_end; got ${describeValue(betaStart)}. diffusers' default is 0.0001 (Stable Diffusion uses 0.00085).`,
    );
  }
  if (typeof betaEnd !== 'number' || !Number.isFinite(betaEnd) || betaEnd <= betaStart || betaEnd >= 1) {
    throw new SchedulerConfigError(
      'beta_end',
      ['a number with beta_start < beta_end < 1'],
      betaEnd,
      `beta_end must be a number with beta_start (${betaStart}) < beta_end < 1; got ${describeValue(betaEnd)}. diffusers' default is 0.02 (Stable Diffusion uses 0.012).`,
    );
  }
}

/** Copies `trained_betas` to float64 after checking there is one finite beta in [0, 1] per training step. */
export function checkTrainedBetas(trainedBetas: ArrayLike<number>, n: number): Float64Array {
  if (trainedBetas.length !== n) {
    throw new SchedulerConfigError(
      'trained_betas',
      [`${n} numbers in [0, 1] (one per training timestep)`],
      trainedBetas,
      `trained_betas must hold num_train_timesteps (${n}) betas; got ${trainedBetas.length}. Set num_train_timesteps to ${trainedBetas.length} or fix the array.`,
    );
  }
  const betas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = trainedBetas[i];
    if (typeof b !== 'number' || !(b >= 0 && b <= 1)) {
      throw new SchedulerConfigError(
        'trained_betas',
        [`${n} numbers in [0, 1]`],
        trainedBetas,
        `trained_betas[${i}] must be a number in [0, 1]; got ${describeValue(b)}.`,
      );
    }
    betas[i] = b;
  }
  return betas;
}
