import { formatDistance } from './describeRace';

/** Props of {@link RaceTable}. */
export interface RaceTableProps {
  /** The samplers, in lane order. */
  samplers: Array<{ name: string; distances: Array<number | undefined> }>;
  /** The chart's step counts (the columns). */
  chartSteps: readonly number[];
  /** What the numbers are measured against, for the caption. */
  reference: string;
}

/** The chart's numbers as a table (inside a disclosure, so keyboard and screen-reader users can read every point). */
export function RaceTable({ samplers, chartSteps, reference }: RaceTableProps) {
  return (
    <details className="dk-sampler-race-numbers">
      <summary>The chart's numbers</summary>
      {/* Scrolls sideways on a narrow page (focusable, so the keyboard scrolls it too). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="dk-sampler-race-table-scroll" tabIndex={0} role="region" aria-label="The chart's numbers">
        <table className="dk-sampler-race-table">
          <caption>{`RMS distance to ${reference}, by sampler and number of steps (– not computed yet)`}</caption>
          <thead>
            <tr>
              <th scope="col">sampler</th>
              {chartSteps.map((n) => (
                <th key={n} scope="col">{`${n} step${n === 1 ? '' : 's'}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {samplers.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                {s.distances.map((d, i) => (
                  <td key={chartSteps[i]}>{formatDistance(d)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
