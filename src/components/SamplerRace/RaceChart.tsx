import { Group } from '@visx/group';
import { LinePath } from '@visx/shape';
import { scaleLinear, scaleLog } from 'd3-scale';
import { useState } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth';
import { lightTheme, themeVar } from '../../theme/theme';
import { ChartAxis } from '../shared/ui/ChartAxis';

/** One sampler's line: its distance to the reference at each step count computed so far. */
export interface RaceSeries {
  name: string;
  /** CSS colour (a theme variable). */
  color: string;
  dash: string | undefined;
  points: Array<{ steps: number; distance: number }>;
}

/** Props of {@link RaceChart}. */
export interface RaceChartProps {
  series: RaceSeries[];
  /** The chart's step counts (the x axis spans them, on a log scale). */
  chartSteps: readonly number[];
  /** The lanes' step count, marked by a vertical line. */
  steps: number;
  /** The chart's natural width: it takes the width it is given up to this (and keeps its height). */
  width: number;
  height: number;
  /** The chart's accessible name (a summary of what it shows). */
  label: string;
}

/**
 * Room for the axes inside the SVG: below, the tick marks (8), the tick labels (11 px) and the axis label (8 under
 * them, 12 px, with its descenders); on the left, the tick labels and the turned axis label (36 px from the ticks).
 * Nothing is drawn outside, so nothing under the chart (the progress line) can sit on the axis title.
 */
const MARGIN = { top: 10, right: 14, bottom: 46, left: 58 };
/** The narrowest the chart is drawn; a narrower container scales it down (its viewBox). */
const MIN_WIDTH = 200;
/** The axes' type sizes, from the theme's tokens (tick labels: textXs; axis labels: textSm). */
const TICK_FONT = parseFloat(lightTheme.textXs);
const LABEL_FONT = parseFloat(lightTheme.textSm);

/**
 * Quality against steps: each sampler's RMS distance to the many-step reference, on a log axis of steps.
 * Lines fill in from the left as the Worker computes them. Decorative for assistive technology beyond its
 * label: the table next to it holds the numbers.
 */
export function RaceChart({ series, chartSteps, steps, width: naturalWidth, height, label }: RaceChartProps) {
  // Drawn at the width it is given (so its text keeps its size), up to its natural width.
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const given = useElementWidth(box);
  const width = given === null ? naturalWidth : Math.max(MIN_WIDTH, Math.min(naturalWidth, given));
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const lo = Math.min(...chartSteps);
  const hi = Math.max(...chartSteps);
  const x = scaleLog([lo, hi > lo ? hi : lo * 2], [0, innerW]).clamp(true);
  let top = 0;
  for (const s of series)
    for (const p of s.points) if (Number.isFinite(p.distance) && p.distance > top) top = p.distance;
  const y = scaleLinear([0, top > 0 ? top * 1.05 : 1], [innerH, 0]).nice();
  const tickColor = themeVar('muted');
  const axisProps = {
    stroke: themeVar('border'),
    tickLabel: { fill: tickColor, fontSize: TICK_FONT, fontFamily: themeVar('fontFamily') },
    labelText: { fill: themeVar('text'), fontSize: LABEL_FONT, fontFamily: themeVar('fontFamily') },
  };
  return (
    <div ref={setBox} className="dk-sampler-race-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {steps >= lo && steps <= hi ? (
            <line
              x1={x(steps)}
              x2={x(steps)}
              y1={0}
              y2={innerH}
              stroke={themeVar('grid')}
              strokeWidth={6}
              data-part="steps-marker"
            />
          ) : null}
          {series.map((s) => {
            const points = s.points.filter((p) => Number.isFinite(p.distance)).sort((a, b) => a.steps - b.steps);
            return (
              <g key={s.name} data-series={s.name}>
                <LinePath
                  data={points}
                  x={(p) => x(p.steps)}
                  y={(p) => y(p.distance)}
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                  fill="none"
                />
                {points.map((p) => (
                  <circle key={p.steps} cx={x(p.steps)} cy={y(p.distance)} r={3} fill={s.color} data-steps={p.steps} />
                ))}
              </g>
            );
          })}
          <ChartAxis
            orientation="left"
            scale={y}
            numTicks={5}
            label="RMS distance to reference"
            labelOffset={36}
            {...axisProps}
          />
          <ChartAxis
            orientation="bottom"
            top={innerH}
            scale={x}
            tickValues={chartSteps}
            tickFormat={(v) => String(v)}
            label="steps (log scale)"
            labelOffset={8}
            {...axisProps}
          />
        </Group>
      </svg>
    </div>
  );
}
