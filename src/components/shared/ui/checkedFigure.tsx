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
  /** The root's role (default 'figure'; `null` for a figure whose inner parts carry the roles). */
  role?: string | null;
}

/**
 * A figure whose props go through its validation layer first: with a problem, the problem is shown in place of the
 * figure, sized by the figure's layout (so nothing is loaded for a bad prop); else `Figure` renders with the root's
 * attributes (the host's, the forwarded ref, the own class and style) and the checked settings. Every figure is
 * one of these.
 */
export function checkedFigure<P, S extends { label: FigureLabel }>(
  { component, ownClass, check, style = FLUID_FIGURE_STYLE, role = 'figure' }: CheckedFigureDefinition<P, S>,
  Figure: ComponentType<{ root: FigureRootBase; settings: S }>,
) {
  const CheckedFigure = forwardRef<HTMLDivElement, P>(function CheckedFigure(props, ref) {
    const { settings, host, problem } = check(props as P);
    const ownStyle = typeof style === 'function' ? style(problem ? null : settings) : style;
    const root: FigureRootBase = { ...host, ref: safeRef(ref), ownClass, ownStyle, ...(role === null ? {} : { role }) };
    if (problem) return <InvalidFigure {...root} aria-label={labelText(settings.label)} component={component} problem={problem} />;
    return <Figure root={root} settings={settings} />;
  });
  CheckedFigure.displayName = component;
  return CheckedFigure;
}
