import type { StartWhen } from '../../../hooks/useStartWhen';
import { Button } from './controls';

/** Props of {@link StartNotice}. */
export interface StartNoticeProps {
  startWhen: StartWhen;
  /** Starts the figure's model work now. */
  onStart: () => void;
}

/** What a figure that has not started its model work says, with a button to start it now. */
export function StartNotice({ startWhen, onStart }: StartNoticeProps) {
  const text =
    startWhen === 'never'
      ? 'The model runs only when you ask.'
      : 'The model starts when this figure scrolls into view.';
  return (
    <div className="dk-model-start" data-start-notice="">
      <span>{text}</span>
      <Button variant="primary" onClick={onStart}>
        {startWhen === 'never' ? 'Start' : 'Start now'}
      </Button>
    </div>
  );
}

/** The status line of a figure whose running work waits (far from view or on a hidden page). */
export const PAUSED_TEXT = 'Paused while out of view';
