import { formatChange } from './describeLatentWalk';

/** Props of {@link WalkChangeBars}. */
export interface WalkChangeBarsProps {
  /** The change between neighbouring points (count - 1 values, 0 to 1). */
  changes: readonly number[];
  /** Side of one glyph of the strip and the gap between glyphs, CSS pixels (a bar sits under each gap). */
  cell: number;
  gap: number;
  /** The strip's width, CSS pixels. */
  width: number;
  /** The index of the largest change, drawn in the accent colour; -1 for none. */
  largest: number;
}

const HEIGHT = 28;

/**
 * Bars under the strip, one under each gap between neighbouring glyphs, as tall as the change between them (scaled
 * to the largest, which is drawn in the accent colour): where a walk jumps from one glyph to another stands out.
 */
export function WalkChangeBars({ changes, cell, gap, width, largest }: WalkChangeBarsProps) {
  const top = Math.max(0, ...changes);
  const barWidth = Math.max(2, Math.min(16, cell * 0.4));
  const text = changes.length
    ? `Change between neighbouring points: ${changes.map((c, i) => `${i + 1} to ${i + 2}: ${formatChange(c)}`).join(', ')}.`
    : 'Change between neighbouring points: not computed yet.';
  return (
    <svg
      className="dk-latent-walk-bars"
      role="img"
      aria-label={text}
      viewBox={`0 0 ${Math.max(1, width)} ${HEIGHT}`}
      width={width}
      height={HEIGHT}
      preserveAspectRatio="none"
    >
      {changes.map((c, i) => {
        const h = top > 0 ? Math.max(1, (c / top) * (HEIGHT - 2)) : 1;
        const x = (i + 1) * (cell + gap) - gap / 2 - barWidth / 2;
        return (
          <rect
            key={i}
            className={i === largest ? 'dk-latent-walk-bar dk-latent-walk-bar-largest' : 'dk-latent-walk-bar'}
            x={x}
            y={HEIGHT - h}
            width={barWidth}
            height={h}
          />
        );
      })}
    </svg>
  );
}
