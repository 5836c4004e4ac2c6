import { themeVar } from '../../theme/theme';
import { type DatasetMapLegendItem, OTHER_COLOR } from './useDatasetMap';

/** Props of {@link DatasetMapLegend}. */
export interface DatasetMapLegendProps {
  items: readonly DatasetMapLegendItem[];
  otherCount: number;
}

/** Each row sets its own colour and spacing: host pages often style bare `li` elements. */
const ROW = { display: 'inline-flex', alignItems: 'center', gap: 5, margin: 0, color: themeVar('text') } as const;

function Swatch({ color, faded }: { color: string; faded?: boolean }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 5,
        background: color,
        opacity: faded ? 0.5 : 1,
      }}
    />
  );
}

/** The colours of the map: one row per highlighted radical with its glyph count, then the grey rest. */
export function DatasetMapLegend({ items, otherCount }: DatasetMapLegendProps) {
  return (
    <ul
      data-part="legend"
      aria-label="Colours: radicals"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: '4px 14px',
        fontSize: 13,
      }}
    >
      {items.map((item) => (
        <li key={item.radical} style={ROW}>
          <Swatch color={item.color} />
          {item.name}{' '}
          <span style={{ color: themeVar('muted') }}>
            ({item.radical}) · {item.count}
          </span>
        </li>
      ))}
      {otherCount > 0 ? (
        <li style={ROW}>
          <Swatch color={OTHER_COLOR} faded />
          other <span style={{ color: themeVar('muted') }}>· {otherCount}</span>
        </li>
      ) : null}
    </ul>
  );
}
