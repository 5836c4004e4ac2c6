import { LinePath } from '@visx/shape';
import { scaleLinear } from 'd3-scale';
import { lightTheme, themeVar } from '../../theme/theme';
import { ChartAxis } from '../shared/ui/ChartAxis';
import { ChartFrame, useChartWidth } from '../shared/ui/ChartFrame';
import type { CurvePoint, GaussianSamplerModel } from './useGaussianSampler';

const MARGIN = { top: 10, right: 14, bottom: 40, left: 52 };
/** The axes' type sizes, from the theme's tokens (tick labels: textXs; axis labels: textSm). */
const TICK_FONT = parseFloat(lightTheme.textXs);
const LABEL_FONT = parseFloat(lightTheme.textSm);

/** Series styles (SVG attributes), shared with the legend so the swatches match the chart. */
export const SERIES = {
  histogram: { fill: themeVar('accent'), fillOpacity: 0.3, stroke: themeVar('accent') },
  truth: { stroke: themeVar('accent2'), strokeWidth: 2 },
  fit: { stroke: themeVar('accent3'), strokeWidth: 2.5, strokeDasharray: '0.5 5', strokeLinecap: 'round' as const },
};

/** Props of {@link GaussianSamplerChart}. */
export interface GaussianSamplerChartProps {
  /** What to draw. */
  model: GaussianSamplerModel;
  /** Natural width of the chart in px: it takes the width it is given, up to this. */
  width: number;
  /** Height of the SVG in px. */
  height: number;
}

/** The histogram, the true pdf (solid) and the MLE fit (dotted) on shared axes; decorative (aria-hidden). */
export function GaussianSamplerChart({ model, width: naturalWidth, height }: GaussianSamplerChartProps) {
  // Laid out at the width it is given (its text keeps its size), up to its natural width.
  const { ref, width } = useChartWidth(naturalWidth);
  const innerWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const x = scaleLinear(model.domain, [0, innerWidth]);
  const y = scaleLinear([0, model.yMax * 1.05], [innerHeight, 0]).nice();
  const { edges, density } = model.histogram;
  const px = (p: CurvePoint) => x(p.x);
  const py = (p: CurvePoint) => y(p.y);
  const axisText = { fill: 'currentColor', fontSize: TICK_FONT, fontFamily: themeVar('fontFamily') };
  const labelText = { ...axisText, fontSize: LABEL_FONT };
  return (
    // The box has the natural width (at most 100%): it measures the space, whatever the chart is drawn at.
    <div ref={ref} className="dk-chart-box dk-gaussian-sampler-chart" style={{ width: naturalWidth }}>
      <ChartFrame width={width} height={height} margin={MARGIN}>
        <g data-series="histogram">
          {Array.from(density, (d, i) => {
            const x0 = x(edges[i]!);
            const x1 = x(edges[i + 1]!);
            const top = y(d);
            return d > 0 ? (
              <rect
                key={i}
                x={x0}
                y={top}
                width={Math.max(0.5, x1 - x0 - 1)}
                height={innerHeight - top}
                {...SERIES.histogram}
              />
            ) : null;
          })}
        </g>
        <LinePath data={model.pdf} x={px} y={py} fill="none" data-series="truth" {...SERIES.truth} />
        {model.fitPdf ? (
          <LinePath data={model.fitPdf} x={px} y={py} fill="none" data-series="fit" {...SERIES.fit} />
        ) : null}
        <g className="dk-chart-axes">
          <ChartAxis
            orientation="bottom"
            top={innerHeight}
            scale={x}
            numTicks={Math.max(2, Math.floor(innerWidth / 70))}
            tickLabel={axisText}
            label="x"
            labelOffset={12}
            labelText={labelText}
          />
          <ChartAxis
            orientation="left"
            scale={y}
            numTicks={Math.max(2, Math.floor(innerHeight / 40))}
            tickLabel={{ ...axisText, dx: -4, dy: 3 }}
            label="density"
            labelOffset={30}
            labelText={labelText}
          />
        </g>
      </ChartFrame>
    </div>
  );
}
