import { type DatasetMapLegendItem, OTHER_COLOR } from './useDatasetMap';

/** Props of {@link DatasetMapLegend}. */
export interface DatasetMapLegendProps {
  items: readonly DatasetMapLegendItem[];
  otherCount: number;
}

/** A dot of a radical's colour (the colour comes from the data). */
function Swatch({ color, faded }: { color: string; faded?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className="dk-dataset-map-swatch"
      data-faded={faded ? '' : undefined}
      style={{ background: color }}
    />
  );
}

/**
 * The colours of the map: one row per highlighted radical with its glyph count, then the grey rest. The rows' look is
 * the kit's (`.dk-dataset-map .dk-dataset-map-item`, two classes deep): host pages often style bare `li` elements.
 */
export function DatasetMapLegend({ items, otherCount }: DatasetMapLegendProps) {
  return (
    <ul data-part="legend" aria-label="Colours: radicals" className="dk-dataset-map-legend">
      {items.map((item) => (
        <li key={item.radical} className="dk-dataset-map-item">
          <Swatch color={item.color} />
          {item.name}{' '}
          <span className="dk-dataset-map-count">
            ({item.radical}) · {item.count}
          </span>
        </li>
      ))}
      {otherCount > 0 ? (
        <li className="dk-dataset-map-item">
          <Swatch color={OTHER_COLOR} faded />
          other <span className="dk-dataset-map-count">· {otherCount}</span>
        </li>
      ) : null}
    </ul>
  );
}
