import { seriesStyle } from './seriesStyle';

/** A short sample of series i's line (its colour and dash), beside its name in the legend, tooltip and table. */
export function SeriesSwatch({ index, width = 28 }: { index: number; width?: number }) {
  return (
    <svg width={width} height={10} aria-hidden="true" className="dk-noise-schedule-swatch">
      <line x1={1} x2={width - 1} y1={5} y2={5} strokeWidth={2} {...seriesStyle(index)} />
    </svg>
  );
}
