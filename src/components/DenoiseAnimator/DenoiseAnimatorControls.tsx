import { useId } from 'react';
import { Button, Select } from '../shared/ui/controls';
import { StepButton, StepScrubber } from '../shared/ui/StepControls';
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
 * generation runs), the view, and saving the frame as PNG. The kit's controls over native elements, so all
 * keyboard-operable; the rows wrap on a narrow page.
 */
export function DenoiseAnimatorControls(p: DenoiseAnimatorControlsProps) {
  const id = useId();
  const none = p.computed === 0;
  return (
    <div>
      <div className="dk-controls">
        <StepButton delta={-1} index={p.index} computed={p.computed} onStep={p.onStep} />
        <Button variant="primary" onClick={p.playing ? p.onPause : p.onPlay} disabled={none}>
          {p.playing ? 'Pause' : 'Play'}
        </Button>
        <StepButton delta={1} index={p.index} computed={p.computed} onStep={p.onStep} />
        <Button onClick={p.onSave} disabled={none}>
          Save PNG
        </Button>
        <div className="dk-field">
          <label htmlFor={`${id}-view`}>Show</label>
          <Select id={`${id}-view`} value={p.view} onChange={(e) => p.onView(e.currentTarget.value as DenoiseView)}>
            {DENOISE_VIEWS.map((v) => (
              <option key={v} value={v}>
                {VIEW_NAMES[v]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="dk-controls">
        <StepScrubber index={p.index} computed={p.computed} total={p.total} onSeek={p.onSeek} />
      </div>
    </div>
  );
}
