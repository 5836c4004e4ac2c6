import { entryPixels } from './datasetMapData';
import { GlyphCanvas } from './GlyphCanvas';
import type { DatasetMapPlotPoint } from './useDatasetMap';

/** The tooltip's width (CSS pixels), at most: never wider than the map. */
const WIDTH = 220;
const OFFSET = 12;

/** Props of {@link DatasetMapTooltip}. */
export interface DatasetMapTooltipProps {
  point: DatasetMapPlotPoint;
  /** The map's shown size over its laid-out size (the point's `px`, `py` are in the laid-out size). */
  scale: number;
  /** Size of the map as shown (CSS pixels), to keep the tooltip inside it. */
  plotWidth: number;
  plotHeight: number;
}

/**
 * The glyph under the pointer or keyboard cursor: its image, character, definition and radical. Hidden from
 * assistive technology: the same words are the active option's name, which a screen reader announces.
 */
export function DatasetMapTooltip({ point, scale, plotWidth, plotHeight }: DatasetMapTooltipProps) {
  const pixels = entryPixels(point.entry);
  const width = Math.min(WIDTH, plotWidth);
  const x = point.px * scale;
  const y = point.py * scale;
  const left = x + OFFSET + width > plotWidth ? Math.max(0, x - OFFSET - width) : x + OFFSET;
  const below = y < plotHeight / 2;
  const { entry } = point;
  return (
    <div
      data-part="tooltip"
      aria-hidden="true"
      className="dk-dataset-map-tooltip"
      style={{ left, top: below ? y + OFFSET : undefined, bottom: below ? undefined : plotHeight - y + OFFSET, width }}
    >
      {pixels ? <GlyphCanvas bytes={pixels.bytes} size={pixels.size} display={64} /> : null}
      <div className="dk-dataset-map-tooltip-text">
        <div className="dk-dataset-map-char">{entry.char}</div>
        <div data-part="definition">{entry.definition || 'no definition'}</div>
        <div className="dk-dataset-map-radical">
          <span aria-hidden="true" className="dk-dataset-map-swatch" style={{ background: point.color }} />
          {entry.radical > 0
            ? `radical ${entry.radical}${point.radicalName ? ` (${point.radicalName})` : ''}`
            : 'radical unknown'}
        </div>
      </div>
    </div>
  );
}
