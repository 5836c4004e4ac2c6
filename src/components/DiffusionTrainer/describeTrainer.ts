import type { SchedulerName } from '../../engine';
import { SCHEDULER_LABELS } from '../../engine/internal';
import { formatSignificant } from '../shared/format/formatNumber';

/** What the text summary says: the network, the data, where training stands, how the score and samples compare. */
export interface TrainerSummary {
  hiddenLayers: number;
  hiddenWidth: number;
  parameters: number;
  dataLabel: string;
  dataCount: number;
  step: number;
  maxSteps: number;
  status: string;
  mode: string;
  /** Mean loss of the last steps, or null before any. */
  recentLoss: number | null;
  t: number;
  /** Mean learned-score error and exact-score size at t (presets only). */
  errorAtT: { error: number; size: number } | null;
  scheduler: SchedulerName;
  samplingSteps: number;
  /** How many samples are shown, and their mean distance to the nearest training point. */
  samples: { count: number; distance: number } | null;
}

const WHERE: Record<string, string> = {
  worker: 'in a Web Worker',
  'main-thread': 'on the page in short slices',
  server: 'not yet (the page has not started)',
};

/** The figure in words, for its aria-describedby. */
export function describeTrainer(s: TrainerSummary): string {
  const parts = [
    `A small diffusion model, a perceptron of ${s.hiddenLayers} hidden layer${s.hiddenLayers === 1 ? '' : 's'} of ${s.hiddenWidth} units (${s.parameters} parameters) that predicts the noise in a noised 2-D point, trained on ${s.dataLabel} (${s.dataCount} points) with the noise-prediction loss.`,
    `Step ${s.step} of ${s.maxSteps}, ${s.status}; training runs ${WHERE[s.mode] ?? s.mode}.`,
  ];
  if (s.recentLoss !== null) parts.push(`Recent loss ${formatSignificant(s.recentLoss)}.`);
  if (s.errorAtT) {
    parts.push(
      `At t = ${s.t} the learned score differs from the exact one by ${formatSignificant(s.errorAtT.error)} on average, against an exact score of size ${formatSignificant(s.errorAtT.size)}.`,
    );
  } else parts.push(`At t = ${s.t} the learned score is shown; drawn data has no exact score to compare with.`);
  if (s.samples) {
    parts.push(
      `${s.samples.count} samples drawn from the model with ${SCHEDULER_LABELS[s.scheduler]} in ${s.samplingSteps} steps lie on average ${formatSignificant(s.samples.distance)} from the nearest training point.`,
    );
  }
  return parts.join(' ');
}
