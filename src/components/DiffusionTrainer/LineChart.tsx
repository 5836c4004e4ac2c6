import { themeVar } from '../../theme/theme';
import { formatSignificant } from '../shared/format/formatNumber';

/** One series of {@link LineChart}: x and y values (y > 0, drawn on a log scale). */
export interface LineSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  dashed?: boolean;
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  title: string;
  xLabel: string;
  width: number;
  height: number;
  series: LineSeries[];
  /** The x range; by default that of the series. */
  xDomain?: [number, number];
  /** What a screen reader hears for the picture. */
  alt: string;
  /** Shown when no series has a point. */
  empty: string;
  part: string;
}

const M = { left: 44, right: 8, top: 6, bottom: 30 };

/** A small chart of positive series on a logarithmic y axis (losses and errors span decades). */
export function LineChart({ title, xLabel, width, height, series, xDomain, alt, empty, part }: LineChartProps) {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      const y = s.y[i]!;
      if (!(y > 0 && Number.isFinite(y))) continue;
      xMin = Math.min(xMin, s.x[i]!);
      xMax = Math.max(xMax, s.x[i]!);
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  if (xDomain) [xMin, xMax] = xDomain;
  const has = Number.isFinite(yMin) && Number.isFinite(xMin);
  if (has && yMax / yMin < 1.5) {
    yMax *= 1.25;
    yMin /= 1.25;
  }
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const sx = (x: number) => M.left + (xMax > xMin ? ((x - xMin) / (xMax - xMin)) * w : w / 2);
  const ly = (y: number) => M.top + (1 - (Math.log(y) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin) || 1)) * h;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return (
    <div data-part={part} className="dk-diffusion-trainer-panel" style={{ width }}>
      <div className="dk-diffusion-trainer-title">{title}</div>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={alt} className="dk-diffusion-trainer-plot">
        <rect x={M.left} y={M.top} width={w} height={h} fill="none" stroke={themeVar('border')} />
        {has ? (
          <>
            {series.map((s) => {
              let d = '';
              for (let i = 0; i < s.x.length; i++) {
                const y = s.y[i]!;
                if (!(y > 0 && Number.isFinite(y))) continue;
                d += `${d ? 'L' : 'M'}${r1(sx(s.x[i]!))} ${r1(ly(y))}`;
              }
              return (
                <path
                  key={s.name}
                  data-series={s.name}
                  d={d}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={1.5}
                  strokeDasharray={s.dashed ? '4 3' : undefined}
                />
              );
            })}
            <text
              x={M.left - 4}
              y={M.top + 4}
              textAnchor="end"
              dominantBaseline="hanging"
              className="dk-diffusion-trainer-tick"
            >
              {formatSignificant(yMax)}
            </text>
            <text x={M.left - 4} y={M.top + h} textAnchor="end" className="dk-diffusion-trainer-tick">
              {formatSignificant(yMin)}
            </text>
            <text
              x={M.left}
              y={height - 16}
              textAnchor="start"
              dominantBaseline="hanging"
              className="dk-diffusion-trainer-tick"
            >
              {formatSignificant(xMin)}
            </text>
            <text
              x={M.left + w}
              y={height - 16}
              textAnchor="end"
              dominantBaseline="hanging"
              className="dk-diffusion-trainer-tick"
            >
              {formatSignificant(xMax)}
            </text>
          </>
        ) : (
          <text
            x={M.left + w / 2}
            y={M.top + h / 2}
            textAnchor="middle"
            dominantBaseline="middle"
            className="dk-diffusion-trainer-note"
          >
            {empty}
          </text>
        )}
        <text x={M.left + w / 2} y={height - 4} textAnchor="middle" className="dk-diffusion-trainer-tick">
          {xLabel}
        </text>
      </svg>
      <div className="dk-diffusion-trainer-legend">
        {series.map((s) => (
          <span key={s.name} className="dk-diffusion-trainer-key">
            <svg width={18} height={8} aria-hidden="true">
              <line
                x1={0}
                y1={4}
                x2={18}
                y2={4}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '4 3' : undefined}
              />
            </svg>
            {s.name}
          </span>
        ))}
      </div>
    </div>
  );
}
