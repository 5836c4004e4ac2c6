import { LinePath } from '@visx/shape';
import { scaleLinear } from 'd3-scale';
import { themeVar } from '../../theme/theme';
import { ChartAxis } from '../shared/ui/ChartAxis';
import { ChartFrame } from '../shared/ui/ChartFrame';
import type { CurvePoint, GaussianSamplerModel } from './useGaussianSampler';

const MARGIN = { top: 10, right: 14, bottom: 40, left: 52 };

/** Series styles, shared with the legend so the swatches match the chart. */
export const SERIES = {
  histogram: { fill: themeVar('accent'), fillOpacity: 0.3, stroke: themeVar('accent') },
  truth: { stroke: themeVar('accent2'), strokeWidth: 2 },
  fit: { stroke: themeVar('accent3'), strokeWidth: 2.5, strokeDasharray: '0.5 5', strokeLinecap: 'round' as const },
};

/** Props of {@link GaussianSamplerChart}. */
export interface GaussianSamplerChartProps {
  /** What to draw. */
  model: GaussianSamplerModel;
  /** Width of the SVG in px. */
  width: number;
  /** Height of the SVG in px. */
  height: number;
}

/** The histogram, the true pdf (solid) and the MLE fit (dotted) on shared axes; decorative (aria-hidden). */
export function GaussianSamplerChart({ model, width, height }: GaussianSamplerChartProps) {
  const innerWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const x = scaleLinear(model.domain, [0, innerWidth]);
  const y = scaleLinear([0, model.yMax * 1.05], [innerHeight, 0]).nice();
  const { edges, density } = model.histogram;
  const px = (p: CurvePoint) => x(p.x);
  const py = (p: CurvePoint) => y(p.y);
  const axisStyle = { fill: 'currentColor', fontSize: 11, fontFamily: themeVar('fontFamily') };
  return (
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
              style={SERIES.histogram}
            />
          ) : null;
        })}
      </g>
      <LinePath data={model.pdf} x={px} y={py} fill="none" data-series="truth" style={SERIES.truth} />
      {model.fitPdf ? (
        <LinePath data={model.fitPdf} x={px} y={py} fill="none" data-series="fit" style={SERIES.fit} />
      ) : null}
      <g style={{ color: themeVar('muted') }}>
        <ChartAxis
          orientation="bottom"
          top={innerHeight}
          scale={x}
          numTicks={Math.max(2, Math.floor(innerWidth / 70))}
          tickLabel={axisStyle}
          label="x"
          labelOffset={12}
          labelText={{ ...axisStyle, fontSize: 12 }}
        />
        <ChartAxis
          orientation="left"
          scale={y}
          numTicks={Math.max(2, Math.floor(innerHeight / 40))}
          tickLabel={{ ...axisStyle, dx: -4, dy: 3 }}
          label="density"
          labelOffset={30}
          labelText={{ ...axisStyle, fontSize: 12 }}
        />
      </g>
    </ChartFrame>
  );
}
