import { useId } from 'react';
import { themeVar } from '../../theme/theme';
import { DENOISE_VIEWS, VIEW_NAMES, type DenoiseView } from './describeDenoise';

/** Props of {@link DenoiseAnimatorControls}. */
export interface DenoiseAnimatorControlsProps {
  /** Whether playback is running. */
  playing: boolean;
  /** The frame shown, 0-based. */
  index: number;
  /** Frames computed so far. */
  computed: number;
  /** Frames in all. */
  total: number;
  /** The view shown. */
  view: DenoiseView;
  onPlay: () => void;
  onPause: () => void;
  onStep: (delta: number) => void;
  onSeek: (index: number) => void;
  onView: (view: DenoiseView) => void;
  onSave: () => void;
}

const row = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '6px 0' } as const;

/**
 * Play/pause, step back and forward, a scrubber over every computed step (its maximum grows while the
 * generation runs), the view, and saving the frame as PNG. All native controls, so all keyboard-operable.
 */
export function DenoiseAnimatorControls(p: DenoiseAnimatorControlsProps) {
  const id = useId();
  const none = p.computed === 0;
  return (
    <div style={{ fontSize: 13 }}>
      <div style={row}>
        <button type="button" onClick={() => p.onStep(-1)} disabled={none || p.index === 0}>
          Step back
        </button>
        <button type="button" onClick={p.playing ? p.onPause : p.onPlay} disabled={none}>
          {p.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => p.onStep(1)} disabled={none || p.index >= p.computed - 1}>
          Step forward
        </button>
        <button type="button" onClick={p.onSave} disabled={none}>
          Save PNG
        </button>
        <label htmlFor={`${id}-view`} style={{ marginLeft: 8 }}>
          Show
        </label>
        <select id={`${id}-view`} value={p.view} onChange={(e) => p.onView(e.currentTarget.value as DenoiseView)}>
          {DENOISE_VIEWS.map((v) => (
            <option key={v} value={v}>
              {VIEW_NAMES[v]}
            </option>
          ))}
        </select>
      </div>
      <div style={row}>
        <label htmlFor={`${id}-scrub`}>Step</label>
        <input
          id={`${id}-scrub`}
          type="range"
          min={1}
          max={Math.max(1, p.computed)}
          step={1}
          value={none ? 1 : p.index + 1}
          disabled={none}
          aria-valuetext={none ? 'no step computed yet' : `step ${p.index + 1} of ${p.total}`}
          onChange={(e) => p.onSeek(e.currentTarget.valueAsNumber - 1)}
          style={{ flex: '1 1 160px', maxWidth: 360, accentColor: themeVar('accent') }}
        />
        <span style={{ color: themeVar('muted'), fontVariantNumeric: 'tabular-nums' }}>
          {`${p.computed} of ${p.total} computed`}
        </span>
      </div>
    </div>
  );
}
