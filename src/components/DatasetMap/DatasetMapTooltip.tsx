import { themeVar } from '../../theme/theme';
import { entryPixels } from './datasetMapData';
import { GlyphCanvas } from './GlyphCanvas';
import type { DatasetMapPlotPoint } from './useDatasetMap';

const WIDTH = 220;
const OFFSET = 12;

/** Props of {@link DatasetMapTooltip}. */
export interface DatasetMapTooltipProps {
  point: DatasetMapPlotPoint;
  /** Width of the plot, to keep the tooltip inside it. */
  plotWidth: number;
  plotHeight: number;
}

/**
 * The glyph under the pointer or keyboard cursor: its image, character, definition and radical. Hidden from
 * assistive technology: the same words are the active option's name, which a screen reader announces.
 */
export function DatasetMapTooltip({ point, plotWidth, plotHeight }: DatasetMapTooltipProps) {
  const pixels = entryPixels(point.entry);
  const left = point.px + OFFSET + WIDTH > plotWidth ? Math.max(0, point.px - OFFSET - WIDTH) : point.px + OFFSET;
  const below = point.py < plotHeight / 2;
  const { entry } = point;
  return (
    <div
      data-part="tooltip"
      aria-hidden="true"
      style={{
        position: 'absolute',
        left,
        top: below ? point.py + OFFSET : undefined,
        bottom: below ? undefined : plotHeight - point.py + OFFSET,
        width: WIDTH,
        boxSizing: 'border-box',
        display: 'grid',
        gridTemplateColumns: pixels ? 'auto 1fr' : '1fr',
        gap: 10,
        alignItems: 'start',
        padding: 8,
        background: themeVar('surface'),
        color: themeVar('text'),
        border: `1px solid ${themeVar('border')}`,
        borderRadius: 6,
        boxShadow: '0 2px 8px rgb(0 0 0 / 0.15)',
        pointerEvents: 'none',
        fontSize: 13,
        lineHeight: 1.35,
      }}
    >
      {pixels ? <GlyphCanvas bytes={pixels.bytes} size={pixels.size} display={64} /> : null}
      <div>
        <div style={{ fontSize: 22, lineHeight: 1.1 }}>{entry.char}</div>
        <div data-part="definition">{entry.definition || 'no definition'}</div>
        <div style={{ color: themeVar('muted'), fontSize: 12, marginTop: 2 }}>
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: 8,
              height: 8,
              borderRadius: 4,
              background: point.color,
              marginRight: 4,
            }}
          />
          {entry.radical > 0
            ? `radical ${entry.radical}${point.radicalName ? ` (${point.radicalName})` : ''}`
            : 'radical unknown'}
        </div>
      </div>
    </div>
  );
}
