import { betasFromAlphasCumprod } from '../schedules/alphas';
import { DDIMScheduler } from '../schedulers/DDIMScheduler';
import { spacedTimesteps } from '../schedulers/timestepGrids';
import type { Mixture2d } from './mixture2d';
import { noiseMixture2d } from './mixture2dNoise';
import { type Mixture2dEvaluation, mixture2dEvaluate } from './mixture2dScore';

/**
 * Probability-flow trajectories of a 2-D mixture (Song et al. 2021, "Score-Based Generative Modeling through
 * SDEs"): the deterministic paths whose marginals at every t equal those of the variance-preserving forward
 * process. We integrate them in discrete time with the kit's DDIM scheduler at eta = 0 (Song, Meng & Ermon
 * 2021, eq. 12), a first-order integrator of that ODE (exact when the data is a single point), driven by the
 * exact score of the noised mixture instead of a network:
 *   eps_hat = -sqrt(1 - abar_t) * grad log q_t(x_t)                (the ideal epsilon-prediction)
 * from which the scheduler takes Tweedie's posterior mean x0_hat = (x_t - sqrt(1 - abar_t) eps_hat) / sqrt(abar_t)
 * and steps to x_prev = sqrt(abar_prev) x0_hat + sqrt(1 - abar_prev) eps_hat.
 * Timesteps follow diffusers' `timestep_spacing = "trailing"`, from T - 1 down; each step goes to the next
 * of them and the last one to abar = 1 (`set_alpha_to_one`), so each path ends on the clean data.
 */

/** Options of {@link probabilityFlowTrajectories}. */
export interface ProbabilityFlowOptions {
  /** abar_t for every training timestep t = 0..T-1 (the schedules module's `alphasCumprod`). */
  alphasCumprod: Float64Array;
  /** The number of DDIM steps, 1..T (default 50). */
  steps?: number;
}

/** Paths of the probability-flow ODE from t = T - 1 to the clean data. */
export interface ProbabilityFlowTrajectories {
  /** The number of paths. */
  count: number;
  /** The number of states per path: steps + 1. */
  length: number;
  /** The timestep of each state, decreasing; the last is -1, the clean data (abar = 1). */
  timesteps: Int32Array;
  /** abar at each state (the last is 1). */
  alphaBars: Float64Array;
  /** Path i, state s is [x, y] at index 2 (i * length + s). */
  points: Float64Array;
}

/** diffusers' "trailing" spacing: round(arange(T, 0, -T / steps)) - 1, e.g. 999, 979, ..., 19 for 50 of 1000. */
export function trailingTimesteps(numTrainTimesteps: number, steps: number): Int32Array {
  if (!(Number.isSafeInteger(steps) && steps >= 1 && steps <= numTrainTimesteps)) {
    throw new RangeError(`steps must be an integer from 1 to ${numTrainTimesteps}; got ${String(steps)}.`);
  }
  return Int32Array.from(spacedTimesteps('trailing', numTrainTimesteps, steps, 0));
}

/**
 * diffusers' DDIMScheduler on the schedule `alphasCumprod` (given to it as `trained_betas`): eps-prediction,
 * no clipping, abar = 1 after the last step. `what` names the schedule in the error for an invalid one.
 */
function ddimOnSchedule(alphasCumprod: ArrayLike<number>, what: string): DDIMScheduler {
  for (let t = 0; t < alphasCumprod.length; t++) {
    const abar = alphasCumprod[t]!;
    if (!(abar > 0 && abar <= (t === 0 ? 1 : alphasCumprod[t - 1]!))) {
      throw new RangeError(
        `${what} must be a noise schedule: abar in (0, 1], non-increasing in t; got ${String(abar)} at t = ${t}.`,
      );
    }
  }
  return new DDIMScheduler({
    num_train_timesteps: alphasCumprod.length,
    trained_betas: betasFromAlphasCumprod(alphasCumprod),
    prediction_type: 'epsilon',
    clip_sample: false,
    set_alpha_to_one: true,
  });
}

/** The ideal epsilon-prediction at abar from the score: eps_hat = -sqrt(1 - abar) * score. */
function epsilonFromScore(score: number, alphaBar: number): number {
  return -Math.sqrt(1 - alphaBar) * score;
}

/**
 * One DDIM (eta = 0) step of the point (x, y) from abar_t = `alphaBar` to abar_prev = `alphaBarPrev`, given the
 * score there: the DDIM scheduler on the two-level schedule [alphaBarPrev, alphaBar], stepping from t = 1 to
 * t = 0. Needs 0 < alphaBar <= alphaBarPrev <= 1 (a step towards less noise).
 */
export function ddimScoreStep(
  x: number,
  y: number,
  scoreX: number,
  scoreY: number,
  alphaBar: number,
  alphaBarPrev: number,
): [number, number] {
  const scheduler = ddimOnSchedule([alphaBarPrev, alphaBar], 'ddimScoreStep: [alphaBarPrev, alphaBar]');
  scheduler.setTimesteps([1, 0]);
  const eps = Float64Array.of(epsilonFromScore(scoreX, alphaBar), epsilonFromScore(scoreY, alphaBar));
  const next = scheduler.step(eps, 1, Float64Array.of(x, y)).prevSample;
  return [next[0]!, next[1]!];
}

/** The score of a 2-D density at one noise level: writes grad log q(x, y) into `out` as [d/dx, d/dy]. */
export type Score2dAt = (x: number, y: number, out: [number, number]) => void;

/**
 * Runs the probability-flow ODE backwards from `start` ([x, y] pairs, usually draws of N(0, I) standing for
 * x_{T-1}) to the clean data of `mixture`.
 */
export function probabilityFlowTrajectories(
  mixture: Mixture2d,
  start: ArrayLike<number>,
  options: ProbabilityFlowOptions,
): ProbabilityFlowTrajectories {
  const r: Mixture2dEvaluation = { logDensity: 0, scoreX: 0, scoreY: 0 };
  return scoreFlowTrajectories(
    (alphaBar) => {
      const noised = noiseMixture2d(mixture, alphaBar);
      return (x, y, out) => {
        mixture2dEvaluate(noised, x, y, r);
        out[0] = r.scoreX;
        out[1] = r.scoreY;
      };
    },
    start,
    options,
  );
}

/**
 * The same DDIM integration for any score: `scoreAt(abar)` is called once per step, with the abar of that
 * step, and returns the score of the noised density there (e.g. a guided score, or a network's estimate).
 */
export function scoreFlowTrajectories(
  scoreAt: (alphaBar: number) => Score2dAt,
  start: ArrayLike<number>,
  { alphasCumprod, steps = 50 }: ProbabilityFlowOptions,
): ProbabilityFlowTrajectories {
  if (start.length % 2 !== 0) throw new RangeError(`start must hold [x, y] pairs; got an odd length ${start.length}.`);
  const count = start.length / 2;
  const ts = trailingTimesteps(alphasCumprod.length, steps);
  const length = steps + 1;
  const timesteps = new Int32Array(length);
  timesteps.set(ts);
  timesteps[steps] = -1;
  const alphaBars = new Float64Array(length);
  for (let s = 0; s < steps; s++) alphaBars[s] = alphasCumprod[ts[s]!]!;
  alphaBars[steps] = 1;
  if (!alphaBars.every((a) => a > 0 && a <= 1))
    throw new RangeError('alphasCumprod must lie in (0, 1] at every visited timestep.');

  // The DDIM scheduler on the trailing timesteps as custom timesteps: each step goes to the next of them.
  const scheduler = ddimOnSchedule(alphasCumprod, 'alphasCumprod');
  scheduler.setTimesteps(Array.from(ts));

  const points = new Float64Array(2 * count * length);
  let x = Float64Array.from(start);
  const record = (s: number): void => {
    for (let i = 0; i < count; i++) {
      points[2 * (i * length + s)] = x[2 * i]!;
      points[2 * (i * length + s) + 1] = x[2 * i + 1]!;
    }
  };
  record(0);
  const g: [number, number] = [0, 0];
  const eps = new Float64Array(2 * count);
  for (let s = 0; s < steps; s++) {
    const score = scoreAt(alphaBars[s]!);
    for (let i = 0; i < count; i++) {
      score(x[2 * i]!, x[2 * i + 1]!, g);
      eps[2 * i] = epsilonFromScore(g[0], alphaBars[s]!);
      eps[2 * i + 1] = epsilonFromScore(g[1], alphaBars[s]!);
    }
    x = scheduler.step(eps, ts[s]!, x).prevSample;
    record(s + 1);
  }
  return { count, length, timesteps, alphaBars, points };
}

/**
 * Where path `i` is at training timestep `t` (linear interpolation between the two states around t; the
 * clean end counts as t = -1). Writes [x, y] into `out`.
 */
export function trajectoryPointAt(
  traj: ProbabilityFlowTrajectories,
  i: number,
  t: number,
  out: [number, number] = [0, 0],
): [number, number] {
  const { timesteps, points, length } = traj;
  const base = 2 * i * length;
  let s = 0;
  while (s < length - 1 && timesteps[s + 1]! >= t) s++;
  if (s === length - 1 || t >= timesteps[0]!) {
    const at = base + 2 * (t >= timesteps[0]! ? 0 : s);
    out[0] = points[at]!;
    out[1] = points[at + 1]!;
    return out;
  }
  const t0 = timesteps[s]!;
  const t1 = timesteps[s + 1]!;
  const f = (t0 - t) / (t0 - t1);
  const a = base + 2 * s;
  out[0] = points[a]! + f * (points[a + 2]! - points[a]!);
  out[1] = points[a + 1]! + f * (points[a + 3]! - points[a + 1]!);
  return out;
}
