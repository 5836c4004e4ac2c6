import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { themeVar } from '../../theme/theme';
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
  const x = scaleLinear<number>({ domain: model.domain, range: [0, innerWidth] });
  const y = scaleLinear<number>({ domain: [0, model.yMax * 1.05], range: [innerHeight, 0], nice: true });
  const { edges, density } = model.histogram;
  const px = (p: CurvePoint) => x(p.x);
  const py = (p: CurvePoint) => y(p.y);
  const axisStyle = { fill: 'currentColor', fontSize: 11, fontFamily: themeVar('fontFamily') };
  return (
    <svg width={width} height={height} aria-hidden="true" focusable="false" style={{ display: 'block', overflow: 'visible' }}>
      <Group left={MARGIN.left} top={MARGIN.top}>
        <g data-series="histogram">
          {Array.from(density, (d, i) => {
            const x0 = x(edges[i]!);
            const x1 = x(edges[i + 1]!);
            const top = y(d);
            return d > 0 ? (
              <rect key={i} x={x0} y={top} width={Math.max(0.5, x1 - x0 - 1)} height={innerHeight - top} style={SERIES.histogram} />
            ) : null;
          })}
        </g>
        <LinePath data={model.pdf} x={px} y={py} fill="none" data-series="truth" style={SERIES.truth} />
        {model.fitPdf ? <LinePath data={model.fitPdf} x={px} y={py} fill="none" data-series="fit" style={SERIES.fit} /> : null}
        <g style={{ color: themeVar('muted') }}>
          <AxisBottom
            top={innerHeight}
            scale={x}
            numTicks={Math.max(2, Math.floor(innerWidth / 70))}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ ...axisStyle, textAnchor: 'middle' }}
            label="x"
            labelOffset={12}
            labelProps={{ ...axisStyle, textAnchor: 'middle', fontSize: 12 }}
          />
          <AxisLeft
            scale={y}
            numTicks={Math.max(2, Math.floor(innerHeight / 40))}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ ...axisStyle, textAnchor: 'end', dx: -4, dy: 3 }}
            label="density"
            labelOffset={30}
            labelProps={{ ...axisStyle, textAnchor: 'middle', fontSize: 12 }}
          />
        </g>
      </Group>
    </svg>
  );
}
