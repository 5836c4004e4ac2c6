import {
  forwardRef,
  useId,
  type CSSProperties,
  type HTMLAttributes,
  type ReactNode,
  type Ref,
  type RefAttributes,
} from 'react';
import { useKitStyles } from '../../../theme/useKitStyles';
import type { PropProblem } from '../props/propChecks';
import { FigureMessage } from './FigureMessage';
import { visuallyHidden } from './visuallyHidden';

/**
 * The shell every figure shares. A figure destructures its props once, with their defaults; checks them
 * (and whatever its model reports) before it draws anything; and renders either {@link InvalidFigure}, the
 * message naming the bad prop, or itself inside {@link FigureRoot}. Both are the same root: the host's
 * attributes, ref, className and style, on top of the figure's own class and themed style, with `data-state`.
 */

/**
 * Root style of a figure in the flow of the text. The theme's colour, font and `max-width: 100%` come from the
 * class every root carries (`dk-figure`, in the kit's stylesheet), so nothing is left to set inline.
 */
export const TEXT_FIGURE_STYLE: CSSProperties = {};

/** {@link TEXT_FIGURE_STYLE}, never wider than its container (the `dk-figure` class already says so). */
export const FLUID_FIGURE_STYLE: CSSProperties = TEXT_FIGURE_STYLE;

/** Props of {@link FigureRoot}: the host's attributes plus the figure's own class, style and state. */
export interface FigureRootProps extends HTMLAttributes<HTMLDivElement> {
  /** The figure's own root class, e.g. `dk-pixel-grid`; the host's className follows it. */
  ownClass: string;
  /** The figure's own root style; the host's style goes on top. */
  ownStyle: CSSProperties;
  /** What the figure is doing, as `data-state`: 'error', 'loading', 'ready', ... */
  state: string;
}

/** A root before its state is known: what a figure's validating outer part hands to the figure itself. */
export type FigureRootBase = Omit<FigureRootProps, 'state'> & RefAttributes<HTMLDivElement>;

/** The root element of a figure (attributes given after the host's win over them). */
export const FigureRoot = /* @__PURE__ */ forwardRef<HTMLDivElement, FigureRootProps>(function FigureRoot(
  { ownClass, ownStyle, state, className, style, ...rest },
  ref,
) {
  useKitStyles();
  return (
    <div
      {...rest}
      ref={ref}
      className={['dk-figure', ownClass, className].filter(Boolean).join(' ')}
      style={{ ...ownStyle, ...style }}
      data-state={state}
    />
  );
});

/** Props of {@link InvalidFigure}: a root without a state, and what to say. */
export interface InvalidFigureProps extends Omit<FigureRootProps, 'state' | 'children'> {
  /** The component's name, e.g. `DenoiseAnimator`. */
  component: string;
  /** The bad prop (or what else failed). */
  problem: PropProblem | string;
}

/**
 * What a figure renders instead of itself when a prop is invalid: its root, in state 'error', holding the inline
 * message.
 */
export const InvalidFigure = /* @__PURE__ */ forwardRef<HTMLDivElement, InvalidFigureProps>(function InvalidFigure(
  { component, problem, ...root },
  ref,
) {
  return (
    <FigureRoot {...root} ref={ref} state="error">
      <FigureMessage component={component} problem={problem} />
    </FigureRoot>
  );
});

/** A figure's ids, unique on the page: its own, its caption's and its description's. */
export interface FigureIds {
  id: string;
  label: string;
  description: string;
  /** The root's attributes that name the figure by its caption and describe it by its description. */
  aria: { 'aria-labelledby': string; 'aria-describedby': string };
}

/** The ids of a figure's caption and description ({@link FigureCaption}, {@link FigureDescription}). */
export function useFigureIds(): FigureIds {
  const id = useId();
  const label = `${id}-label`;
  const description = `${id}-desc`;
  return { id, label, description, aria: { 'aria-labelledby': label, 'aria-describedby': description } };
}

/**
 * The root props a model figure (one run by the engine, started and paused by its start gate) begins with: the checked
 * root, the gate's ref (it watches the root), the caption and description as the root's name and description, the
 * generation's phase as its state and whether the gate holds the work paused (`data-paused`).
 */
export function modelFigureRootProps(
  root: FigureRootBase,
  gate: { ref: Ref<HTMLDivElement> },
  ids: FigureIds,
  phase: string,
  paused: boolean,
) {
  return { ...root, ref: gate.ref, ...ids.aria, state: phase, 'data-paused': paused ? 'true' : 'false' };
}

/** The figure's visible caption, which names it (the root's `aria-labelledby` points at `id`). */
export function FigureCaption({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="dk-title">
      {children}
    </div>
  );
}

/** The figure's text description, for assistive technology only (the root's `aria-describedby` points at `id`). */
export function FigureDescription({ id, part, children }: { id: string; part?: string; children: ReactNode }) {
  return (
    <p id={id} data-part={part} style={visuallyHidden}>
      {children}
    </p>
  );
}
