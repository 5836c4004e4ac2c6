import { cssColor, type ColorMap } from '../../theme/colorMaps';
import { themeVar } from '../../theme/theme';
import { formatShare } from './describeAttention';

/** Props of {@link ColorScale}. */
export interface ColorScaleProps {
  /** The colour map of the heatmap. */
  colorMap: ColorMap;
  /** The share the top of the scale stands for (the bottom is 0), or null before anything is computed. */
  top: number | null;
}

const STOPS = [0, 0.25, 0.5, 0.75, 1];

/** A horizontal colour bar from no attention to the top of the scale (decorative: the summary says the numbers). */
export function ColorScale({ colorMap, top }: ColorScaleProps) {
  const gradient = `linear-gradient(to right, ${STOPS.map((t) => `${cssColor(colorMap, t)} ${t * 100}%`).join(', ')})`;
  return (
    <div
      aria-hidden="true"
      style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 12, color: themeVar('muted') }}
    >
      <span>0%</span>
      <span
        style={{
          display: 'inline-block',
          width: 120,
          height: 10,
          borderRadius: 2,
          border: `1px solid ${themeVar('border')}`,
          background: gradient,
        }}
      />
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{top === null ? '' : formatShare(top)}</span>
    </div>
  );
}
