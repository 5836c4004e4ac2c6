import { themeVar } from '../../theme/theme';
import { formatNumber } from '../shared/format/formatNumber';
import { seriesStyle } from './seriesStyle';
import { valueAt, type NoiseScheduleChartModel } from './useNoiseScheduleChart';

const cell = { padding: '1px 10px 1px 0', textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const };

/** Every schedule's value of every plotted quantity at t, as a table (rows: schedules; columns: quantities). */
export function NoiseScheduleReadout({ model, t }: { model: NoiseScheduleChartModel; t: number }) {
  return (
    <table
      data-part="readout"
      style={{ borderCollapse: 'collapse', fontSize: 12, marginTop: 6, color: themeVar('text') }}
    >
      <thead>
        <tr>
          <th scope="col" style={{ ...cell, textAlign: 'left' }}>
            t = {t}
          </th>
          {model.panels.map((p) => (
            <th key={p.quantity} scope="col" style={cell}>
              {p.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.series.map((s, i) => (
          <tr key={i}>
            <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 500 }}>
              <span aria-hidden="true" style={{ color: seriesStyle(i).stroke }}>
                ■{' '}
              </span>
              {s.label}
            </th>
            {model.panels.map((p) => {
              const v = valueAt(s, p.quantity, t);
              return (
                <td key={p.quantity} style={cell} data-value={`${i}-${p.quantity}`}>
                  {v === undefined ? '—' : formatNumber(v, 4)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
