import { formatNumber } from '../shared/format/formatNumber';
import { SeriesSwatch } from './SeriesSwatch';
import { valueAt, type NoiseScheduleChartModel } from './useNoiseScheduleChart';

/**
 * Every schedule's value of every plotted quantity at t, as a table (rows: quantities; columns: schedules, which are
 * usually fewer, so it fits a narrow page). Where it still does not fit, it scrolls sideways (focusable, so the
 * keyboard scrolls it too).
 */
export function NoiseScheduleReadout({ model, t }: { model: NoiseScheduleChartModel; t: number }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="dk-noise-schedule-readout-scroll" tabIndex={0} role="group" aria-label="Values at t">
      <table data-part="readout" className="dk-noise-schedule-readout">
        <thead>
          <tr>
            <th scope="col">t = {t}</th>
            {model.series.map((s, i) => (
              <th key={i} scope="col">
                <SeriesSwatch index={i} width={16} /> {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.panels.map((p) => (
            <tr key={p.quantity}>
              <th scope="row">{p.short}</th>
              {model.series.map((s, i) => {
                const v = valueAt(s, p.quantity, t);
                return (
                  <td key={i} data-value={`${i}-${p.quantity}`}>
                    {v === undefined ? '—' : formatNumber(v, 4)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
