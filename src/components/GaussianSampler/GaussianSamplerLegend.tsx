import { themeVar } from '../../theme/theme';
import { SERIES } from './GaussianSamplerChart';

const item = { display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 16 } as const;

/** The key of the chart: histogram bars, true density (solid), maximum-likelihood fit (dotted). */
export function GaussianSamplerLegend() {
  return (
    <ul
      aria-label="Legend"
      style={{ listStyle: 'none', margin: '4px 0', padding: 0, fontSize: 13, color: themeVar('text') }}
    >
      <li style={item}>
        <svg width={18} height={12} aria-hidden="true">
          <rect x={1} y={1} width={16} height={10} style={SERIES.histogram} />
        </svg>
        samples (histogram)
      </li>
      <li style={item}>
        <svg width={24} height={12} aria-hidden="true">
          <line x1={1} x2={23} y1={6} y2={6} style={SERIES.truth} />
        </svg>
        true density
      </li>
      <li style={item}>
        <svg width={24} height={12} aria-hidden="true">
          <line x1={3} x2={23} y1={6} y2={6} style={SERIES.fit} />
        </svg>
        maximum-likelihood fit
      </li>
    </ul>
  );
}
