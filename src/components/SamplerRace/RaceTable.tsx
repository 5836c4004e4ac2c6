import { themeVar } from '../../theme/theme';
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

const cell = { padding: '2px 8px', textAlign: 'right', borderBottom: `1px solid ${themeVar('grid')}` } as const;

/** The chart's numbers as a table (inside a disclosure, so keyboard and screen-reader users can read every point). */
export function RaceTable({ samplers, chartSteps, reference }: RaceTableProps) {
  return (
    <details style={{ fontSize: 12, margin: '4px 0' }}>
      <summary style={{ cursor: 'pointer' }}>The chart's numbers</summary>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', marginTop: 4 }}>
          <caption
            style={{ textAlign: 'left', captionSide: 'top', color: themeVar('muted') }}
          >{`RMS distance to ${reference}, by sampler and number of steps (– not computed yet)`}</caption>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                sampler
              </th>
              {chartSteps.map((n) => (
                <th key={n} scope="col" style={cell}>{`${n} step${n === 1 ? '' : 's'}`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {samplers.map((s) => (
              <tr key={s.name}>
                <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                  {s.name}
                </th>
                {s.distances.map((d, i) => (
                  <td key={chartSteps[i]} style={cell}>
                    {formatDistance(d)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
