import type { StartWhen } from '../../../hooks/useStartWhen';
import { themeVar } from '../../../theme/theme';

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
    <div
      data-start-notice=""
      style={{ display: 'flex', gap: 8, alignItems: 'baseline', fontSize: 12, color: themeVar('muted') }}
    >
      <span>{text}</span>
      <button type="button" onClick={onStart}>
        {startWhen === 'never' ? 'Start' : 'Start now'}
      </button>
    </div>
  );
}

/** The status line of a figure whose running work waits (far from view or on a hidden page). */
export const PAUSED_TEXT = 'Paused while out of view';
