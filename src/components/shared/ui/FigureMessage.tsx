import { useEffect, type ReactNode } from 'react';
import type { PropProblem } from '../props/propChecks';

const warned = new Set<string>();

/** Warns once per distinct message in the console (dev aid; the page itself shows the inline message). */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[diffusion-kit] ${message}`);
}

/** Props of {@link FigureMessage}. */
export interface FigureMessageProps {
  /** The component that could not draw, e.g. `GaussianSampler`. */
  component: string;
  /** What went wrong: a prop problem or any message. */
  problem: PropProblem | string;
  /** An optional action, such as a retry button. */
  action?: ReactNode;
}

/**
 * Shown in place of a figure when its props are invalid or its data failed to load: a short inline message
 * that names the prop and the accepted range. Never a blank box, never an exception into the host page.
 */
export function FigureMessage({ component, problem, action }: FigureMessageProps) {
  const text = typeof problem === 'string' ? problem : problem.message;
  useEffect(() => warnOnce(`${component}: ${text}`), [component, text]);
  return (
    <div
      role="alert"
      data-state="error"
      data-prop={typeof problem === 'string' ? undefined : problem.prop}
      className="dk-message"
    >
      <strong>{component}</strong>: {text}
      {action ? <div className="dk-message-action">{action}</div> : null}
    </div>
  );
}
