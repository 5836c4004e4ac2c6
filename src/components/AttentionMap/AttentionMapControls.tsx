import { useId } from 'react';
import { colorMaps, type ColorMapName } from '../../theme/colorMaps';
import { SegmentedChoice, Select, Slider } from '../shared/ui/controls';
import { StepButton, StepScrubber } from '../shared/ui/StepControls';
import { ATTENTION_SCALES, type AttentionScale } from './attentionMaps';
import { ATTENTION_BASES, BASE_NAMES, type AttentionBase } from './describeAttention';

/** Props of {@link AttentionMapControls}. */
export interface AttentionMapControlsProps {
  /** The step shown, 0-based. */
  index: number;
  /** Steps computed so far. */
  computed: number;
  /** Steps in all. */
  total: number;
  opacity: number;
  /** The colour map's name, or null for a custom function (then the menu is not shown). */
  colorMapName: ColorMapName | null;
  base: AttentionBase;
  scale: AttentionScale;
  onSeek: (index: number) => void;
  onOpacity: (opacity: number) => void;
  onColorMap: (name: ColorMapName) => void;
  onBase: (base: AttentionBase) => void;
  onScale: (scale: AttentionScale) => void;
}

/** The scale's options: the maximum of the word itself or of all words. */
const SCALE_OPTIONS = ATTENTION_SCALES.map((value) => ({
  value,
  label: value === 'word' ? 'this word' : 'all words',
  title: value === 'word' ? "The word's own maximum" : 'The maximum of all words',
}));

/** The glyphs under the heatmap, short (the panel's title says them in full). */
const BASE_OPTIONS = ATTENTION_BASES.map((value) => ({
  value,
  label: value === 'predictedX0' ? 'estimate x\u0302\u2080' : 'sample x\u209c',
  title: BASE_NAMES[value],
}));

/**
 * The step scrubber (shared by the glyphs and the heatmap) with step buttons, and the heatmap's opacity,
 * colour map, scale and the glyphs under it. The kit's controls over native elements, so all keyboard-operable;
 * the rows wrap on a narrow page.
 */
export function AttentionMapControls(p: AttentionMapControlsProps) {
  const id = useId();
  const step = (delta: number) => p.onSeek(p.index + delta);
  return (
    <div>
      <div className="dk-controls">
        <StepButton delta={-1} index={p.index} computed={p.computed} onStep={step} />
        <StepButton delta={1} index={p.index} computed={p.computed} onStep={step} />
        <StepScrubber index={p.index} computed={p.computed} total={p.total} onSeek={p.onSeek} />
      </div>
      <div className="dk-controls">
        <div className="dk-field">
          <label htmlFor={`${id}-opacity`}>Heatmap opacity</label>
          <Slider
            id={`${id}-opacity`}
            className="dk-attention-map-opacity"
            min={0}
            max={1}
            step={0.05}
            value={p.opacity}
            aria-valuetext={`${Math.round(p.opacity * 100)}%`}
            onChange={(e) => p.onOpacity(e.currentTarget.valueAsNumber)}
          />
        </div>
        {p.colorMapName !== null ? (
          <div className="dk-field">
            <label htmlFor={`${id}-map`}>Colours</label>
            <Select
              id={`${id}-map`}
              value={p.colorMapName}
              onChange={(e) => p.onColorMap(e.currentTarget.value as ColorMapName)}
            >
              {(Object.keys(colorMaps) as ColorMapName[]).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <SegmentedChoice legend="Scale to" options={SCALE_OPTIONS} value={p.scale} onChange={p.onScale} />
        <SegmentedChoice legend="Under it" options={BASE_OPTIONS} value={p.base} onChange={p.onBase} />
      </div>
    </div>
  );
}
