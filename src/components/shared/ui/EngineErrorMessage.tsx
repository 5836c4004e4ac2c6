import { Button } from './controls';
import { FigureMessage } from './FigureMessage';
import { describeEngineError } from '../generation/engineStatus';

/** Props of {@link EngineErrorMessage}. */
export interface EngineErrorMessageProps {
  /** The component that shows it, e.g. `DenoiseAnimator`. */
  component: string;
  /** The error from loading the model or from a generation. */
  error: Error;
  /** Whether the model failed to load or a generation failed. */
  phase: 'load' | 'generate';
  /** Called by the Retry button (e.g. `engine.retry()`). */
  onRetry: () => void;
}

/** An inline message for a model that failed to load or a generation that failed, with a Retry button. */
export function EngineErrorMessage({ component, error, phase, onRetry }: EngineErrorMessageProps) {
  const field = (error as { field?: unknown }).field;
  const problem =
    phase === 'generate' && typeof field === 'string' && field
      ? { prop: field, message: describeEngineError(error, phase) }
      : describeEngineError(error, phase);
  return <FigureMessage component={component} problem={problem} action={<Button onClick={onRetry}>Retry</Button>} />;
}
