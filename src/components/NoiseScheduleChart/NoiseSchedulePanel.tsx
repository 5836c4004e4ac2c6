import { LinePath } from '@visx/shape';
import { scaleLinear, scaleLog } from 'd3-scale';
import { memo, type PointerEvent } from 'react';
import { lightTheme, themeVar } from '../../theme/theme';
import { formatNumber, formatSignificant } from '../shared/format/formatNumber';
import { ChartAxis } from '../shared/ui/ChartAxis';
import { ChartFrame } from '../shared/ui/ChartFrame';
import { QUANTITY_INFO } from './quantities';
import { SeriesSwatch } from './SeriesSwatch';
import { seriesStyle } from './seriesStyle';
import { valueAt, type ChartPanel, type ChartSeries } from './useNoiseScheduleChart';

const MARGIN = { top: 8, right: 10, bottom: 32, left: 50 };
/** The axes' type size: the theme's textXs. */
const AXIS_FONT = parseFloat(lightTheme.textXs);

/** Props of {@link NoiseSchedulePanel}. */
export interface NoiseSchedulePanelProps {
  panel: ChartPanel;
  series: ChartSeries[];
  maxSteps: number;
  /** The width the panel is drawn at (px). */
  width: number;
  /** The panel's natural width (px): its box takes this, at most 100% (default `width`). */
  naturalWidth?: number;
  height: number;
  /** The timestep under the crosshair, or null. */
  t: number | null;
  /** Show the tooltip with every schedule's value at t (the panel under the pointer). */
  showTooltip: boolean;
  /** Called with the timestep under the pointer (null when it leaves). */
  onHover: (t: number | null) => void;
}

function scales(panel: ChartPanel, maxSteps: number, width: number, height: number) {
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const x = scaleLinear([0, Math.max(1, maxSteps - 1)], [0, innerW]);
  const [lo, hi] = panel.extent;
  const y = panel.log
    ? scaleLog([lo, hi], [innerH, 0]).clamp(true)
    : scaleLinear([Math.min(0, lo), hi], [innerH, 0]).nice();
  return { x, y, innerW, innerH };
}

/**
 * A line of more steps than this is drawn through the lowest and highest value of each of MAX_POINTS / 2 runs of steps.
 */
export const MAX_POINTS = 2000;

/**
 * The timesteps a line is drawn through: all of them up to {@link MAX_POINTS}, else the lowest and the highest
 * (finite) value of each run of steps, in order, so a long schedule keeps its shape, spikes included, at a
 * bounded cost in work and markup.
 */
export function plottedSteps(values: ArrayLike<number>, steps: number, maxPoints = MAX_POINTS): number[] {
  if (steps <= maxPoints) return Array.from({ length: steps }, (_, t) => t);
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * steps) / buckets);
    const to = Math.floor(((b + 1) * steps) / buckets);
    let lo = from;
    let hi = from;
    for (let t = from; t < to; t++) {
      const v = values[t]!;
      if (!Number.isFinite(v)) continue;
      if (!Number.isFinite(values[lo]!) || v < values[lo]!) lo = t;
      if (!Number.isFinite(values[hi]!) || v > values[hi]!) hi = t;
    }
    if (lo === hi) out.push(lo);
    else out.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  if (out[out.length - 1] !== steps - 1) out.push(steps - 1);
  return out;
}

const tickFormat = (v: number) => formatSignificant(v, { small: 1e-2, large: 1e4, exponentDigits: 0 });

/** The lines and axes of a panel, memoised: hovering redraws only the crosshair. */
const PanelLines = /* @__PURE__ */ memo(function PanelLines({
  panel,
  series,
  maxSteps,
  width,
  height,
}: Omit<NoiseSchedulePanelProps, 't' | 'onHover' | 'showTooltip' | 'naturalWidth'>) {
  const { x, y, innerH } = scales(panel, maxSteps, width, height);
  const read = QUANTITY_INFO[panel.quantity].read;
  const axisText = { fill: 'currentColor', fontSize: AXIS_FONT, fontFamily: themeVar('fontFamily') };
  return (
    <>
      {series.map((s, i) => {
        const values = read(s.schedule);
        const ok = (t: number) => Number.isFinite(values[t]!) && (!panel.log || values[t]! > 0);
        return (
          <LinePath<number>
            key={i}
            data={plottedSteps(values, s.steps)}
            x={(t) => x(t)}
            y={(t) => y(values[t]!)}
            defined={ok}
            fill="none"
            strokeWidth={2}
            data-series={s.label}
            {...seriesStyle(i)}
          />
        );
      })}
      <g className="dk-chart-axes">
        <ChartAxis
          orientation="bottom"
          top={innerH}
          scale={x}
          numTicks={4}
          tickLabel={axisText}
          label="t"
          labelOffset={6}
          labelText={axisText}
        />
        <ChartAxis
          orientation="left"
          scale={y}
          numTicks={panel.log ? 5 : 4}
          tickFormat={tickFormat}
          tickLabel={{ ...axisText, dx: -3, dy: 3 }}
        />
      </g>
    </>
  );
});

/** One small multiple: a quantity of every schedule over t, with a crosshair and its tooltip at `t`. */
export function NoiseSchedulePanel({
  panel,
  series,
  maxSteps,
  width,
  naturalWidth = width,
  height,
  t,
  showTooltip,
  onHover,
}: NoiseSchedulePanelProps) {
  const { x, y, innerW, innerH } = scales(panel, maxSteps, width, height);
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const tt = Math.round(x.invert(((e.clientX - box.left) / box.width) * innerW));
    onHover(Math.min(maxSteps - 1, Math.max(0, tt)));
  };
  // SVG coordinates rounded to 1/1000 px: Math.cos and ** may differ in the last bit between the server's
  // and the browser's engines, which would make hydration see different attributes.
  const cx = t === null ? 0 : round3(x(t));
  const flip = cx > innerW / 2;
  return (
    // The panel's box has its natural width (at most 100%); the chart is drawn at `width`, scaled down below it.
    <figure data-quantity={panel.quantity} className="dk-noise-schedule-panel" style={{ width: naturalWidth }}>
      <figcaption className="dk-noise-schedule-panel-title">{panel.title}</figcaption>
      <ChartFrame width={width} height={height} margin={MARGIN}>
        <PanelLines panel={panel} series={series} maxSteps={maxSteps} width={width} height={height} />
        {t === null ? null : (
          <g data-part="crosshair">
            <line x1={cx} x2={cx} y1={0} y2={innerH} className="dk-noise-schedule-crosshair" />
            {series.map((s, i) => {
              const v = valueAt(s, panel.quantity, t);
              if (v === undefined || !Number.isFinite(v) || (panel.log && v <= 0)) return null;
              return (
                <circle
                  key={i}
                  cx={cx}
                  cy={round3(y(v))}
                  r={3.5}
                  fill={seriesStyle(i).stroke}
                  className="dk-noise-schedule-dot"
                />
              );
            })}
          </g>
        )}
        <rect
          width={innerW}
          height={innerH}
          fill="transparent"
          onPointerMove={onMove}
          onPointerLeave={() => onHover(null)}
          data-part="hover-target"
        />
      </ChartFrame>
      {t === null || !showTooltip ? null : (
        <div
          aria-hidden="true"
          data-part="tooltip"
          className="dk-noise-schedule-tooltip"
          // Beside the crosshair, on the side with more room (it wraps to the room there): shares of the drawn width,
          // so it stays by the crosshair when the chart is scaled.
          style={
            flip
              ? { right: percent(width - MARGIN.left - cx + 8, width) }
              : { left: percent(MARGIN.left + cx + 8, width) }
          }
        >
          <div className="dk-noise-schedule-tooltip-t">t = {t}</div>
          {series.map((s, i) => {
            const v = valueAt(s, panel.quantity, t);
            return (
              <div key={i}>
                <SeriesSwatch index={i} width={16} /> {s.label}:{' '}
                <span className="dk-noise-schedule-tooltip-value">{v === undefined ? '—' : formatNumber(v, 4)}</span>
              </div>
            );
          })}
        </div>
      )}
    </figure>
  );
}

/** `px` as a share of `of`, in CSS. */
function percent(px: number, of: number): string {
  return `${(100 * px) / of}%`;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
