import { forwardRef, useState, type HTMLAttributes } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { formatNumber } from '../shared/format/formatNumber';
import { checkNumber, firstProblem } from '../shared/props/propChecks';
import { FigureCaption, FigureDescription, FigureRoot, InvalidFigure, TEXT_FIGURE_STYLE, useFigureIds } from '../shared/ui/FigureRoot';
import { visuallyHidden } from '../shared/ui/visuallyHidden';
import { NoiseScheduleLegend } from './NoiseScheduleLegend';
import { NoiseSchedulePanel } from './NoiseSchedulePanel';
import { NoiseScheduleReadout } from './NoiseScheduleReadout';
import { QUANTITIES, type ScheduleQuantity } from './quantities';
import {
  checkChartT,
  DEFAULT_SERIES,
  useNoiseScheduleChart,
  valueAt,
  type NoiseScheduleChartModel,
  type NoiseScheduleChartSeries,
} from './useNoiseScheduleChart';

/** Props of {@link NoiseScheduleChart}. */
export interface NoiseScheduleChartProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Schedules to compare: diffusers beta_schedule names or scheduler_config objects, optionally `{ schedule, label }`. */
  schedules?: readonly NoiseScheduleChartSeries[];
  /** Which quantities to plot, one panel each: 'beta', 'alphaBar', 'sqrtAlphaBar', 'snr' (log scale), 'logSnr'. */
  quantities?: readonly ScheduleQuantity[];
  /** Timestep of the crosshair (an integer on the x axis); hovering and the slider move it. */
  t?: number;
  /** Called when the reader selects a timestep with the slider. */
  onTChange?: (t: number) => void;
  /** Show the labelled timestep slider (the keyboard way to move the crosshair). */
  showSlider?: boolean;
  /** Width of each panel in px. */
  panelWidth?: number;
  /** Height of each panel in px. */
  panelHeight?: number;
  /** Accessible name of the figure, also shown as its caption. */
  label?: string;
}

function readout(model: NoiseScheduleChartModel, t: number): string {
  const parts = model.series.map((s) => {
    const values = model.panels.map((p) => {
      const v = valueAt(s, p.quantity, t);
      return `${p.short} ${v === undefined ? 'none' : formatNumber(v, 4)}`;
    });
    return `${s.label}: ${values.join(', ')}`;
  });
  return `t = ${t}. ${parts.join('. ')}.`;
}

/**
 * Noise schedules side by side: beta_t, alpha-bar_t, sqrt(alpha-bar_t), SNR and log-SNR over t, one small
 * multiple per quantity, each number exactly the engine's. A crosshair at `t` (or under the pointer, or at
 * the slider's value) shows every schedule's value.
 */
export const NoiseScheduleChart = /* @__PURE__ */ forwardRef<HTMLDivElement, NoiseScheduleChartProps>(function NoiseScheduleChart(
  {
    schedules = DEFAULT_SERIES,
    quantities = QUANTITIES,
    t: tProp,
    onTChange,
    showSlider = true,
    panelWidth = 240,
    panelHeight = 180,
    label = 'Noise schedules over the diffusion timestep',
    ...host
  },
  ref,
) {
  const ids = useFigureIds();
  const result = useNoiseScheduleChart(schedules, quantities);
  const [selected, setSelected] = usePropState<number | undefined>(tProp);
  const [hover, setHover] = useState<{ t: number; quantity: ScheduleQuantity } | null>(null);
  const model = result.model;
  const problem =
    result.problem ??
    firstProblem(
      checkNumber('panelWidth', panelWidth, { min: 120, max: 2000 }),
      checkNumber('panelHeight', panelHeight, { min: 100, max: 2000 }),
      model ? checkChartT(tProp, model.maxSteps) : null,
    );
  const root = { ...host, ref, ownClass: 'dk-noise-schedule-chart', ownStyle: TEXT_FIGURE_STYLE, role: 'figure' };
  if (problem || !model) return <InvalidFigure {...root} aria-label={label} component="NoiseScheduleChart" problem={problem!} />;
  const shown = hover?.t ?? (selected !== undefined && selected < model.maxSteps ? selected : null);
  return (
    <FigureRoot {...root} {...ids.aria} state="ready" data-t={shown ?? undefined}>
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>{model.description}</FigureDescription>
      <NoiseScheduleLegend labels={model.series.map((s) => s.label)} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }} onPointerLeave={() => setHover(null)}>
        {model.panels.map((panel) => (
          <NoiseSchedulePanel
            key={panel.quantity}
            panel={panel}
            series={model.series}
            maxSteps={model.maxSteps}
            width={panelWidth}
            height={panelHeight}
            t={shown}
            showTooltip={hover?.quantity === panel.quantity}
            onHover={(t) => setHover(t === null ? null : { t, quantity: panel.quantity })}
          />
        ))}
      </div>
      {showSlider ? (
        <label style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8, fontSize: 13 }}>
          timestep t
          <input
            type="range"
            min={0}
            max={model.maxSteps - 1}
            step={1}
            value={selected ?? 0}
            onChange={(e) => {
              const next = e.currentTarget.valueAsNumber;
              setSelected(next);
              onTChange?.(next);
            }}
            style={{ width: Math.min(480, panelWidth * 2) }}
          />
          <output style={{ fontVariantNumeric: 'tabular-nums', minWidth: 40 }}>{selected ?? '—'}</output>
        </label>
      ) : null}
      {shown === null ? null : <NoiseScheduleReadout model={model} t={shown} />}
      <div aria-live="polite" style={visuallyHidden} data-part="live">
        {shown === null ? '' : readout(model, shown)}
      </div>
    </FigureRoot>
  );
});
