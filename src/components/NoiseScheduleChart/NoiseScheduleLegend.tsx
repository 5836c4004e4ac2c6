import { seriesStyle } from './seriesStyle';

/** The key: one line sample (colour and dash) per schedule. */
export function NoiseScheduleLegend({ labels }: { labels: string[] }) {
  return (
    <ul aria-label="Legend" style={{ listStyle: 'none', margin: '6px 0', padding: 0, fontSize: 13 }}>
      {labels.map((label, i) => (
        <li key={i} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 16 }}>
          <svg width={28} height={10} aria-hidden="true">
            <line x1={1} x2={27} y1={5} y2={5} strokeWidth={2} {...seriesStyle(i)} />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
