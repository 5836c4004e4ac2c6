import { forwardRef, useState } from 'react';
import { usePropState } from '../../hooks/usePropState';
import { formatNumber } from '../shared/format/formatNumber';
import { checkLabel, labelText, safeRef, sanitizeHostProps, type FigureHostProps, type FigureLabel } from '../shared/props/hostProps';
import { checked, checkNumber, PropValidator } from '../shared/props/propChecks';
import { resolveSchedule } from '../shared/props/resolveSchedule';
import { FigureCaption, FigureDescription, FigureRoot, InvalidFigure, TEXT_FIGURE_STYLE, type FigureRootBase, useFigureIds } from '../shared/ui/FigureRoot';
import { visuallyHidden } from '../shared/ui/visuallyHidden';
import { NoiseScheduleLegend } from './NoiseScheduleLegend';
import { NoiseSchedulePanel } from './NoiseSchedulePanel';
import { NoiseScheduleReadout } from './NoiseScheduleReadout';
import { QUANTITIES, type ScheduleQuantity } from './quantities';
import {
  DEFAULT_SERIES,
  sanitizeChartSeries,
  sanitizeQuantities,
  useNoiseScheduleChart,
  valueAt,
  type NoiseScheduleChartModel,
  type NoiseScheduleChartSeries,
  type SanitizedChartSeries,
} from './useNoiseScheduleChart';

/** Props of {@link NoiseScheduleChart}. */
export interface NoiseScheduleChartProps extends FigureHostProps {
  /**
   * Schedules to compare (1 to 8): diffusers beta_schedule names or scheduler_config objects (snake_case keys,
   * `num_train_timesteps` at most 10000), optionally `{ schedule, label }`.
   * @default [{"schedule": "linear", "label": "linear"}, {"schedule": "squaredcos_cap_v2", "label": "cosine (squaredcos_cap_v2)"}]
   */
  schedules?: readonly NoiseScheduleChartSeries[];
  /**
   * Which quantities to plot, one panel each, each at most once: 'beta', 'alphaBar', 'sqrtAlphaBar', 'snr' (log scale), 'logSnr'.
   * @default ["beta", "alphaBar", "sqrtAlphaBar", "snr", "logSnr"]
   */
  quantities?: readonly ScheduleQuantity[];
  /**
   * Timestep of the crosshair (an integer on the x axis); hovering and the slider move it. Left out: no crosshair
   * until the reader hovers or moves the slider.
   * @default undefined
   */
  t?: number;
  /** Called when the reader selects a timestep with the slider. */
  onTChange?: (t: number) => void;
  /**
   * Show the labelled timestep slider (the keyboard way to move the crosshair).
   * @default true
   */
  showSlider?: boolean;
  /**
   * Width of each panel in px (120 to 2000).
   * @default 240
   */
  panelWidth?: number;
  /**
   * Height of each panel in px (100 to 2000).
   * @default 180
   */
  panelHeight?: number;
  /**
   * Accessible name of the figure, also shown as its caption: a string or a React element.
   * @default 'Noise schedules over the diffusion timestep'
   */
  label?: FigureLabel;
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

const OWN_PROPS: ReadonlySet<string> = /* @__PURE__ */ new Set(['schedules', 'quantities', 't', 'onTChange', 'showSlider', 'panelWidth', 'panelHeight', 'label']);

const DEFAULT_LABEL = 'Noise schedules over the diffusion timestep';

/**
 * The validation layer of {@link NoiseScheduleChart}, run before anything else: every prop checked on a
 * sanitised copy (the schedules' shapes and sizes first, then the schedules built, so `t` is checked
 * against the longest), the host's attributes sanitised for the root.
 */
export function checkNoiseScheduleChartProps(props: NoiseScheduleChartProps) {
  const v = new PropValidator(props as Record<string, unknown>);
  const schedules = v.read<SanitizedChartSeries[] | null>('schedules', null, sanitizeChartSeries);
  const quantities = v.read<ScheduleQuantity[]>('quantities', [...QUANTITIES], sanitizeQuantities);
  let maxSteps = 0;
  for (const [i, item] of (schedules ?? sanitizeChartSeries(DEFAULT_SERIES).value ?? []).entries()) {
    const resolved = resolveSchedule(`schedules[${i}]`, item.schedule);
    v.report(resolved.problem);
    maxSteps = Math.max(maxSteps, resolved.schedule?.betas.length ?? 0);
  }
  const settings = {
    schedules: schedules ?? DEFAULT_SERIES,
    quantities,
    t: maxSteps > 0 ? v.read<number | undefined>('t', undefined, (x) => checked(checkNumber('t', x, { min: 0, max: maxSteps - 1, integer: true }), x as number)) : undefined,
    onTChange: v.callback<(t: number) => void>('onTChange'),
    showSlider: v.boolean('showSlider', true),
    panelWidth: v.number('panelWidth', 240, { min: 120, max: 2000 }),
    panelHeight: v.number('panelHeight', 180, { min: 100, max: 2000 }),
    label: v.read<FigureLabel>('label', DEFAULT_LABEL, (x) => checkLabel('label', x)),
  };
  return { settings, host: sanitizeHostProps(props as Record<string, unknown>, OWN_PROPS), problem: v.problem };
}

type NoiseScheduleChartSettings = ReturnType<typeof checkNoiseScheduleChartProps>['settings'];

/**
 * Noise schedules side by side: beta_t, alpha-bar_t, sqrt(alpha-bar_t), SNR and log-SNR over t, one small
 * multiple per quantity, each number exactly the engine's. A crosshair at `t` (or under the pointer, or at
 * the slider's value) shows every schedule's value. At most 8 schedules.
 */
export const NoiseScheduleChart = /* @__PURE__ */ forwardRef<HTMLDivElement, NoiseScheduleChartProps>(function NoiseScheduleChart(props, ref) {
  const { settings, host, problem } = checkNoiseScheduleChartProps(props);
  const root = { ...host, ref: safeRef(ref), ownClass: 'dk-noise-schedule-chart', ownStyle: TEXT_FIGURE_STYLE, role: 'figure' };
  if (problem) return <InvalidFigure {...root} aria-label={labelText(settings.label)} component="NoiseScheduleChart" problem={problem} />;
  return <NoiseScheduleChartFigure root={root} settings={settings} />;
});

/** The figure itself, rendered only with valid props. */
function NoiseScheduleChartFigure({ root, settings }: { root: FigureRootBase; settings: NoiseScheduleChartSettings }) {
  const { schedules, quantities, t: tProp, onTChange, showSlider, panelWidth, panelHeight, label } = settings;
  const ids = useFigureIds();
  const result = useNoiseScheduleChart(schedules, quantities);
  const [selected, setSelected] = usePropState<number | undefined>(tProp);
  const [hover, setHover] = useState<{ t: number; quantity: ScheduleQuantity } | null>(null);
  const model = result.model;
  if (result.problem || !model) return <InvalidFigure {...root} aria-label={labelText(label)} component="NoiseScheduleChart" problem={result.problem!} />;
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
}
