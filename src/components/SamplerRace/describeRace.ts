import { MODEL_PHASE_STATUS } from '../shared/generation/engineStatus';
import type { ThemeToken } from '../../theme/theme';
import type { RacePhase } from './useSamplerRace';

/** Colour and dash of each lane's line on the chart, by lane position (colour is never the only cue). */
export const LANE_STYLES: ReadonlyArray<{ color: ThemeToken; dash: string | undefined }> = [
  { color: 'accent', dash: undefined },
  { color: 'accent2', dash: '6 3' },
  { color: 'accent3', dash: '2 3' },
  { color: 'error', dash: '8 3 2 3' },
  { color: 'muted', dash: '1 3' },
];

export const laneStyle = (i: number) => LANE_STYLES[i % LANE_STYLES.length]!;

/** A distance for a readout: three significant digits ("0.0123", "0.412"), "–" when unknown. */
export function formatDistance(d: number | undefined): string {
  if (d === undefined || !Number.isFinite(d)) return '\u2013';
  if (d === 0) return '0';
  return d >= 1 ? d.toFixed(2) : d.toPrecision(3);
}

/** A lane's time: "0.84 s", "12.3 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`;
}

/** Inputs of {@link describeRace}. */
export interface RaceDescription {
  prompt: string;
  count: number;
  seed: number;
  steps: number;
  samplers: string[];
  chartSteps: readonly number[];
  reference: string | null;
  modelName: string | null;
}

/** The figure's text description (its aria-describedby). */
export function describeRace(d: RaceDescription): string {
  const who = d.modelName ? `the model ${d.modelName}` : 'the model';
  const what = d.prompt.trim() ? `the prompt "${d.prompt.trim()}"` : 'no prompt';
  const chart = d.reference
    ? ` A chart below shows, for ${d.chartSteps.join(', ')} steps, how far each sampler's images are from a reference (${d.reference}) ` +
      'from the same noise, as the root-mean-square difference of their pixels; a table of the same numbers follows it.'
    : '';
  return (
    `The same ${d.count} image${d.count === 1 ? '' : 's'} (seed ${d.seed}, ${what}) sampled by ${who} with ${d.samplers.length} samplers side by side ` +
    `(${d.samplers.join(', ')}), each in ${d.steps} step${d.steps === 1 ? '' : 's'} from the same starting noise; each lane shows its images and its time.` +
    chart
  );
}

/** The status line. */
export function raceStatus(
  phase: RacePhase,
  lanesDone: number,
  lanes: number,
  chartDone: number,
  chartTotal: number,
): string {
  switch (phase) {
    case 'idle':
    case 'loading':
    case 'error':
      return MODEL_PHASE_STATUS[phase];
    case 'racing':
      return `Racing: ${lanesDone} of ${lanes} samplers finished`;
    case 'charting':
      return `Chart: ${chartDone} of ${chartTotal} runs`;
    case 'done':
      return chartTotal > 0 ? 'Race and chart done' : 'Race done';
  }
}
