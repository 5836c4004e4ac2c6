import { useState } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { formatNumber } from '../shared/format/formatNumber';
import { checkFigureProps, type SchemaSettings } from '../shared/props/figureSchema';
import { labelText } from '../shared/props/hostProps';
import { checkedFigure } from '../shared/ui/checkedFigure';
import { useChartWidth } from '../shared/ui/ChartFrame';
import { Slider } from '../shared/ui/controls';
import {
  FigureCaption,
  FigureDescription,
  FigureRoot,
  InvalidFigure,
  type FigureRootBase,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { NoiseScheduleLegend } from './NoiseScheduleLegend';
import { NoiseSchedulePanel } from './NoiseSchedulePanel';
import { NoiseScheduleReadout } from './NoiseScheduleReadout';
import type { ScheduleQuantity } from './quantities';
import { noiseScheduleChartSchema } from './NoiseScheduleChart.schema';
import type { NoiseScheduleChartProps } from './NoiseScheduleChart.props';
import { useNoiseScheduleChart, valueAt, type NoiseScheduleChartModel } from './useNoiseScheduleChart';

export type { NoiseScheduleChartProps };

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

/** The validation layer of {@link NoiseScheduleChart}: every prop checked on a sanitised copy (see its schema). */
export function checkNoiseScheduleChartProps(props: NoiseScheduleChartProps) {
  return checkFigureProps(noiseScheduleChartSchema, props);
}

type NoiseScheduleChartSettings = SchemaSettings<typeof noiseScheduleChartSchema>;

/**
 * Noise schedules side by side: beta_t, alpha-bar_t, sqrt(alpha-bar_t), SNR and log-SNR over t, one small
 * multiple per quantity, each number exactly the engine's. A crosshair at `t` (or under the pointer, or at
 * the slider's value) shows every schedule's value. At most 8 schedules.
 */
export const NoiseScheduleChart = /* @__PURE__ */ checkedFigure(
  {
    component: 'NoiseScheduleChart',
    ownClass: 'dk-noise-schedule-chart',
    check: checkNoiseScheduleChartProps,
  },
  NoiseScheduleChartFigure,
);

/** The figure itself, rendered only with valid props. */
function NoiseScheduleChartFigure({ root, settings }: { root: FigureRootBase; settings: NoiseScheduleChartSettings }) {
  const { schedules, quantities, t: tProp, onTChange, showSlider, panelWidth, panelHeight, label } = settings;
  const ids = useFigureIds();
  const result = useNoiseScheduleChart(schedules, quantities);
  const [selected, setSelected] = usePropState<number | undefined>(tProp);
  const [hover, setHover] = useState<{ t: number; quantity: ScheduleQuantity } | null>(null);
  // The panels are drawn at the row's width when it is narrower than one panel (their text keeps its size).
  const panels = useChartWidth(panelWidth, Math.min(panelWidth, 200));
  const model = result.model;
  if (result.problem || !model)
    return (
      <InvalidFigure {...root} aria-label={labelText(label)} component="NoiseScheduleChart" problem={result.problem!} />
    );
  const shown = hover?.t ?? (selected !== undefined && selected < model.maxSteps ? selected : null);
  return (
    <FigureRoot {...root} {...ids.aria} state="ready" data-t={shown ?? undefined}>
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>{model.description}</FigureDescription>
      <NoiseScheduleLegend labels={model.series.map((s) => s.label)} />
      <div ref={panels.ref} className="dk-noise-schedule-panels" onPointerLeave={() => setHover(null)}>
        {model.panels.map((panel) => (
          <NoiseSchedulePanel
            key={panel.quantity}
            panel={panel}
            series={model.series}
            maxSteps={model.maxSteps}
            width={panels.width}
            naturalWidth={panelWidth}
            height={panelHeight}
            t={shown}
            showTooltip={hover?.quantity === panel.quantity}
            onHover={(t) => setHover(t === null ? null : { t, quantity: panel.quantity })}
          />
        ))}
      </div>
      {showSlider ? (
        <div className="dk-controls">
          <label className="dk-field dk-noise-schedule-time">
            timestep t
            <Slider
              min={0}
              max={model.maxSteps - 1}
              step={1}
              value={selected ?? 0}
              onChange={(e) => {
                const next = e.currentTarget.valueAsNumber;
                setSelected(next);
                onTChange?.(next);
              }}
              // As wide as two panels (at most 480 px); CSS shrinks it on a narrow page.
              style={{ width: Math.min(480, panelWidth * 2) }}
            />
            <output className="dk-readout">{selected ?? '—'}</output>
          </label>
        </div>
      ) : null}
      {shown === null ? null : <NoiseScheduleReadout model={model} t={shown} />}
      <div aria-live="polite" className="dk-visually-hidden" data-part="live">
        {shown === null ? '' : readout(model, shown)}
      </div>
    </FigureRoot>
  );
}
