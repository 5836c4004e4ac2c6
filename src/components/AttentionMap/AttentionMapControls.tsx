import { useId } from 'react';
import { colorMaps, type ColorMapName } from '../../theme/colorMaps';
import { themeVar } from '../../theme/theme';
import { CONTROL_ROW, StepButton, StepScrubber } from '../shared/ui/StepControls';
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

const SCALE_NAMES: Readonly<Record<AttentionScale, string>> = {
  word: "the word's own maximum",
  all: 'the maximum of all words',
};

/**
 * The step scrubber (shared by the glyphs and the heatmap) with step buttons, and the heatmap's opacity,
 * colour map, scale and the glyphs under it. All native controls, so all keyboard-operable.
 */
export function AttentionMapControls(p: AttentionMapControlsProps) {
  const id = useId();
  const step = (delta: number) => p.onSeek(p.index + delta);
  return (
    <div style={{ fontSize: 13 }}>
      <div style={CONTROL_ROW}>
        <StepButton delta={-1} index={p.index} computed={p.computed} onStep={step} />
        <StepButton delta={1} index={p.index} computed={p.computed} onStep={step} />
        <StepScrubber
          index={p.index}
          computed={p.computed}
          total={p.total}
          onSeek={p.onSeek}
          width={{ basis: 140, max: 320 }}
        />
      </div>
      <div style={CONTROL_ROW}>
        <label htmlFor={`${id}-opacity`}>Heatmap opacity</label>
        <input
          id={`${id}-opacity`}
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={p.opacity}
          aria-valuetext={`${Math.round(p.opacity * 100)}%`}
          onChange={(e) => p.onOpacity(e.currentTarget.valueAsNumber)}
          style={{ width: 110, accentColor: themeVar('accent') }}
        />
        {p.colorMapName !== null ? (
          <>
            <label htmlFor={`${id}-map`}>Colours</label>
            <select
              id={`${id}-map`}
              value={p.colorMapName}
              onChange={(e) => p.onColorMap(e.currentTarget.value as ColorMapName)}
            >
              {(Object.keys(colorMaps) as ColorMapName[]).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor={`${id}-scale`}>Scale to</label>
        <select id={`${id}-scale`} value={p.scale} onChange={(e) => p.onScale(e.currentTarget.value as AttentionScale)}>
          {ATTENTION_SCALES.map((s) => (
            <option key={s} value={s}>
              {SCALE_NAMES[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-base`}>Under it</label>
        <select id={`${id}-base`} value={p.base} onChange={(e) => p.onBase(e.currentTarget.value as AttentionBase)}>
          {ATTENTION_BASES.map((b) => (
            <option key={b} value={b}>
              {BASE_NAMES[b]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
