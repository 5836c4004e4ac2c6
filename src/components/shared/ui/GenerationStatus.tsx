import type { StartWhen } from '../../../hooks/useStartWhen';
import type { EngineState } from '../../../hooks/sharedEngine';
import { EngineErrorMessage } from './EngineErrorMessage';
import { ModelStatus } from './ModelStatus';
import { StartNotice } from './StartNotice';

/** Where a model-driven figure's generation stands, as its hook reports it. */
export interface GenerationState {
  /** 'idle' shows the Start notice, 'error' the error with its Retry. */
  phase: string;
  engineState: EngineState;
  error: Error | null;
  errorPhase: 'load' | 'generate';
  retry: () => void;
}

/** Props of {@link GenerationStatus}. */
export interface GenerationStatusProps {
  /** The figure's name, for the error message. */
  component: string;
  /** The status line (a live region). */
  status: string;
  generation: GenerationState;
  startWhen: StartWhen;
  onStart: () => void;
  /** Least width of the status line in CSS pixels, as far as the row allows (default 160). */
  minWidth?: number;
}

/**
 * The status row of a model-driven figure: the live status line beside the Start notice (before the model is
 * asked for) or the model's loading status, and under it the engine's error with a Retry.
 */
export function GenerationStatus({
  component,
  status,
  generation: g,
  startWhen,
  onStart,
  minWidth = 160,
}: GenerationStatusProps) {
  return (
    <>
      <div className="dk-model-status-row">
        <div
          className="dk-model-status"
          role="status"
          aria-live="polite"
          aria-atomic="true"
          // At least `minWidth` (computed from the prop), never wider than the row: the notice beside it keeps still.
          style={{ minWidth: `min(${minWidth}px, 100%)` }}
        >
          {status}
        </div>
        {g.phase === 'idle' ? (
          <StartNotice startWhen={startWhen} onStart={onStart} />
        ) : (
          <ModelStatus state={g.engineState} />
        )}
      </div>
      {g.phase === 'error' && g.error ? (
        <EngineErrorMessage component={component} error={g.error} phase={g.errorPhase} onRetry={g.retry} />
      ) : null}
    </>
  );
}
