import { useId } from 'react';
import { CONTROL_ROW, StepButton, StepScrubber } from '../shared/ui/StepControls';
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

/**
 * Play/pause, step back and forward, a scrubber over every computed step (its maximum grows while the
 * generation runs), the view, and saving the frame as PNG. All native controls, so all keyboard-operable.
 */
export function DenoiseAnimatorControls(p: DenoiseAnimatorControlsProps) {
  const id = useId();
  const none = p.computed === 0;
  return (
    <div style={{ fontSize: 13 }}>
      <div style={CONTROL_ROW}>
        <StepButton delta={-1} index={p.index} computed={p.computed} onStep={p.onStep} />
        <button type="button" onClick={p.playing ? p.onPause : p.onPlay} disabled={none}>
          {p.playing ? 'Pause' : 'Play'}
        </button>
        <StepButton delta={1} index={p.index} computed={p.computed} onStep={p.onStep} />
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
      <div style={CONTROL_ROW}>
        <StepScrubber index={p.index} computed={p.computed} total={p.total} onSeek={p.onSeek} />
      </div>
    </div>
  );
}
