import { forwardRef, type ComponentType } from 'react';
import { labelText, safeRef, type FigureHostProps, type FigureLabel } from '../props/hostProps';
import type { PropProblem } from '../props/propChecks';
import { FLUID_FIGURE_STYLE, InvalidFigure, type FigureRootBase } from './FigureRoot';

/** What a figure's validation layer gives: the checked settings, the host's sanitised attributes, the first problem. */
export interface CheckedFigureProps<S> {
  settings: S;
  host: FigureHostProps;
  problem: PropProblem | null;
}

/**
 * A fluid figure whose props go through its validation layer `check` first: with a problem, the problem is shown
 * in place of the figure (so nothing is loaded for a bad prop); else `Figure` renders with the root's attributes
 * (the host's, the forwarded ref, `ownClass`) and the checked settings. `component` is its name in messages and
 * its display name.
 */
export function checkedFigure<P, S extends { label: FigureLabel }>(
  component: string,
  ownClass: string,
  check: (props: P) => CheckedFigureProps<S>,
  Figure: ComponentType<{ root: FigureRootBase; settings: S }>,
) {
  const CheckedFigure = forwardRef<HTMLDivElement, P>(function CheckedFigure(props, ref) {
    const { settings, host, problem } = check(props as P);
    const root = { ...host, ref: safeRef(ref), ownClass, ownStyle: FLUID_FIGURE_STYLE, role: 'figure' };
    if (problem) return <InvalidFigure {...root} aria-label={labelText(settings.label)} component={component} problem={problem} />;
    return <Figure root={root} settings={settings} />;
  });
  CheckedFigure.displayName = component;
  return CheckedFigure;
}
