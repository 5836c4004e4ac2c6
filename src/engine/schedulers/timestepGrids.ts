import { arangePrefix, linspace, roundHalfEven } from '../schedules/numpyGrids';
import type { TimestepSpacing } from './types';

/**
 * Inference timesteps as diffusers spaces them (Lin et al. 2024, table 2), descending. With T training
 * steps and n inference steps:
 * - `leading`: 0, r, 2r, ... with r = floor(T / n), plus `steps_offset`; never reaches T-1.
 * - `trailing`: round(T - i * T / n) - 1 for i = 0..n-1; always starts at T-1.
 * - `linspace`: round(linspace(0, T-1, n)) (or unrounded, for the Euler family).
 *
 * numpy's `arange(T, 0, -T/n)` sometimes yields n + 1 values (e.g. T = 1000, n = 61), the last one
 * rounding to timestep -1, which diffusers then uses as an index from the end. Here only the first n are
 * kept, which are diffusers' n valid ones.
 */
export function spacedTimesteps(spacing: TimestepSpacing, numTrain: number, n: number, stepsOffset: number): number[] {
  switch (spacing) {
    case 'linspace':
      return linspace(0, numTrain - 1, n)
        .map(roundHalfEven)
        .reverse();
    case 'leading':
      return leading(numTrain, n, stepsOffset);
    case 'trailing':
      return trailing(numTrain, numTrain, n);
  }
}

/**
 * Like {@link spacedTimesteps} but `linspace` keeps fractional timesteps (EulerDiscreteScheduler and
 * EulerAncestralDiscreteScheduler).
 */
export function eulerTimesteps(spacing: TimestepSpacing, numTrain: number, n: number, stepsOffset: number): number[] {
  return spacing === 'linspace'
    ? linspace(0, numTrain - 1, n).reverse()
    : spacedTimesteps(spacing, numTrain, n, stepsOffset);
}

/**
 * DPMSolverMultistepScheduler's variant: the grid is built over the first `lastTimestep` training steps
 * (fewer when `lambda_min_clipped` clips the end) with n + 1 points, dropping the one at 0.
 */
export function dpmSolverTimesteps(
  spacing: TimestepSpacing,
  numTrain: number,
  lastTimestep: number,
  n: number,
  stepsOffset: number,
): number[] {
  switch (spacing) {
    case 'linspace':
      return linspace(0, lastTimestep - 1, n + 1)
        .map(roundHalfEven)
        .reverse()
        .slice(0, n);
    case 'leading': {
      const ratio = Math.floor(lastTimestep / (n + 1));
      return Array.from({ length: n }, (_, i) => (n - i) * ratio + stepsOffset);
    }
    case 'trailing':
      return trailing(lastTimestep, numTrain, n);
  }
}

function leading(numTrain: number, n: number, stepsOffset: number): number[] {
  const ratio = Math.floor(numTrain / n);
  return Array.from({ length: n }, (_, i) => (n - 1 - i) * ratio + stepsOffset);
}

/** `round(arange(start, 0, -T/n)) - 1`, at most n values (fewer when `start` < T, as in DPM-Solver's clipped grid). */
function trailing(start: number, numTrain: number, n: number): number[] {
  const step = -(numTrain / n);
  const count = Math.min(n, Math.max(0, Math.ceil(-start / step)));
  return arangePrefix(start, step, count).map((t) => roundHalfEven(t) - 1);
}
