import { forwardRef, type CSSProperties, type HTMLAttributes } from 'react';
import { themeVar } from '../../theme/theme';
import { FigureMessage } from './FigureMessage';
import type { PropProblem } from './propChecks';

/** The root class names of a figure: its own, then the host's. */
export function figureClass(own: string, className: string | undefined): string {
  return [own, className].filter(Boolean).join(' ');
}

/** The root style of a model-driven figure, themed, with the host's style on top. */
export function figureStyle(style: CSSProperties | undefined): CSSProperties {
  return { color: themeVar('text'), fontFamily: themeVar('fontFamily'), maxWidth: '100%', ...style };
}

/** Props of {@link InvalidFigure}: the host's HTML attributes plus what to say. */
export interface InvalidFigureProps extends HTMLAttributes<HTMLDivElement> {
  /** The component's name, e.g. `DenoiseAnimator`. */
  component: string;
  /** The component's own root class. */
  ownClass: string;
  /** The figure's accessible name. */
  label: string;
  problem: PropProblem;
}

/** What a figure renders instead of itself when a prop is invalid: its root, holding the inline message. */
export const InvalidFigure = /* @__PURE__ */ forwardRef<HTMLDivElement, InvalidFigureProps>(function InvalidFigure(
  { component, ownClass, label, problem, className, style, ...rest },
  ref,
) {
  return (
    <div {...rest} ref={ref} role="figure" aria-label={label} data-state="error" className={figureClass(ownClass, className)} style={figureStyle(style)}>
      <FigureMessage component={component} problem={problem} />
    </div>
  );
});
