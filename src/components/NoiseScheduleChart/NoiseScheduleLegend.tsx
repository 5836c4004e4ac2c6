import { SeriesSwatch } from './SeriesSwatch';

/** The key: one line sample (colour and dash) per schedule. */
export function NoiseScheduleLegend({ labels }: { labels: string[] }) {
  return (
    <ul aria-label="Legend" className="dk-noise-schedule-legend">
      {labels.map((label, i) => (
        <li key={i}>
          <SeriesSwatch index={i} />
          {label}
        </li>
      ))}
    </ul>
  );
}
