import { forwardRef, type ComponentType, type CSSProperties } from 'react';
import type { CheckedProps } from '../props/figureSchema';
import { labelText, safeRef, type FigureLabel } from '../props/hostProps';
import { FLUID_FIGURE_STYLE, InvalidFigure, type FigureRootBase } from './FigureRoot';

/** How {@link checkedFigure} builds a figure from its validation layer. */
export interface CheckedFigureDefinition<P, S> {
  /** The figure's name, in messages and as its display name. */
  component: string;
  /** The root's own class, e.g. `dk-pixel-grid`. */
  ownClass: string;
  /** The validation layer: settings, the host's attributes and the first problem (see `checkFigureProps`). */
  check: (props: P) => CheckedProps<S>;
  /**
   * The root's own style, from the figure's layout: a fixed one, or one sized by the settings (given `null` when
   * a prop is invalid, so that the message is not squeezed into a bad size). Default: fluid, at most 100% wide.
   */
  style?: CSSProperties | ((settings: S | null) => CSSProperties);
  /**
   * The root's role (default 'figure'; `null` for a figure whose inner parts carry the roles, or that gives its root
   * the role itself once it knows its name: then the root that shows a problem has neither a role nor a name).
   */
  role?: string | null;
  /**
   * The accessible name of the root that shows a problem when the label is not a string (left out, or an element):
   * for a figure that names itself from its content (default: none).
   */
  fallbackName?: string;
}

/**
 * A figure whose props go through its validation layer first: with a problem, the problem is shown in place of the
 * figure, sized by the figure's layout (so nothing is loaded for a bad prop); else `Figure` renders with the root's
 * attributes (the host's, the forwarded ref, the own class and style) and the checked settings. Every figure is
 * one of these.
 */
export function checkedFigure<P, S extends object>(
  {
    component,
    ownClass,
    check,
    style = FLUID_FIGURE_STYLE,
    role = 'figure',
    fallbackName,
  }: CheckedFigureDefinition<P, S>,
  Figure: ComponentType<{ root: FigureRootBase; settings: S }>,
) {
  const CheckedFigure = forwardRef<HTMLDivElement, P>(function CheckedFigure(props, ref) {
    const { settings, host, problem } = check(props as P);
    const ownStyle = typeof style === 'function' ? style(problem ? null : settings) : style;
    const root: FigureRootBase = { ...host, ref: safeRef(ref), ownClass, ownStyle, ...(role === null ? {} : { role }) };
    if (problem) {
      // The error root is named by the label (else `fallbackName`), unless it has no role: a name on a plain div is not
      // announced.
      const name =
        role === null ? {} : { 'aria-label': labelText((settings as { label?: FigureLabel }).label) ?? fallbackName };
      return <InvalidFigure {...root} {...name} component={component} problem={problem} />;
    }
    return <Figure root={root} settings={settings} />;
  });
  CheckedFigure.displayName = component;
  return CheckedFigure;
}
