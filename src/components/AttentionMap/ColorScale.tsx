import { cssColor, type ColorMap } from '../../theme/colorMaps';
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
    <div aria-hidden="true" className="dk-readout dk-attention-map-scale">
      <span>0%</span>
      {/* The colour map's colours (data). */}
      <span className="dk-attention-map-scale-bar" style={{ background: gradient }} />
      <span>{top === null ? '' : formatShare(top)}</span>
    </div>
  );
}
