import { SERIES } from './GaussianSamplerChart';

/** The key of the chart: histogram bars, true density (solid), maximum-likelihood fit (dotted). */
export function GaussianSamplerLegend() {
  return (
    <ul aria-label="Legend" className="dk-gaussian-sampler-legend">
      <li>
        <svg width={18} height={12} aria-hidden="true">
          <rect x={1} y={1} width={16} height={10} {...SERIES.histogram} />
        </svg>
        samples (histogram)
      </li>
      <li>
        <svg width={24} height={12} aria-hidden="true">
          <line x1={1} x2={23} y1={6} y2={6} {...SERIES.truth} />
        </svg>
        true density
      </li>
      <li>
        <svg width={24} height={12} aria-hidden="true">
          <line x1={3} x2={23} y1={6} y2={6} {...SERIES.fit} />
        </svg>
        maximum-likelihood fit
      </li>
    </ul>
  );
}
