import type { NoiseSchedule } from '../../engine';

/** The per-timestep quantities the chart can plot. */
export const QUANTITIES = ['beta', 'alphaBar', 'sqrtAlphaBar', 'snr', 'logSnr'] as const;
/** One of {@link QUANTITIES}. */
export type ScheduleQuantity = (typeof QUANTITIES)[number];

/** How a quantity is read from the engine's schedule, titled and scaled. */
export interface QuantityInfo {
  /** Panel title. */
  title: string;
  /** Short name for tooltips and descriptions. */
  short: string;
  /** A y axis on a log scale (SNR spans many decades). */
  log: boolean;
  /** The engine's array for this quantity (the numbers plotted are exactly these). */
  read: (s: NoiseSchedule) => Float64Array;
}

export const QUANTITY_INFO: Record<ScheduleQuantity, QuantityInfo> = {
  beta: { title: 'β_t (noise added at step t)', short: 'β', log: false, read: (s) => s.betas },
  alphaBar: { title: 'ᾱ_t (signal variance left)', short: 'ᾱ', log: false, read: (s) => s.alphasCumprod },
  sqrtAlphaBar: { title: '√ᾱ_t (signal scale)', short: '√ᾱ', log: false, read: (s) => s.sqrtAlphasCumprod },
  snr: { title: 'SNR = ᾱ/(1 − ᾱ), log scale', short: 'SNR', log: true, read: (s) => s.snr },
  logSnr: { title: 'log SNR', short: 'log SNR', log: false, read: (s) => s.logSnr },
};
