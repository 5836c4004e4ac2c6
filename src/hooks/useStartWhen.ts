import { useCallback, useMemo, useState, type Ref, type RefCallback } from 'react';
import { mergeRefs } from './mergeRefs';
import { useInView } from './useInView';
import { usePageVisible } from './usePageVisible';

/**
 * When a model-driven figure begins its model work (loading the model, generating):
 * - 'visible' (default): when any part of it scrolls into view, so a long page does no work for figures the
 *   reader has not reached;
 * - 'mount': at once, wherever it is;
 * - 'never': only when the reader presses its Start button.
 * Once started, running work pauses while the figure is far from the viewport or the page is hidden.
 */
export type StartWhen = 'visible' | 'mount' | 'never';

export const START_WHEN: readonly StartWhen[] = ['visible', 'mount', 'never'];

/** How far from the viewport a started figure keeps working: one screen above and below. */
export const KEEP_WORKING_MARGIN = '100% 0px';

/** Where a figure's model work stands. */
export interface StartGate {
  /** Model work may begin; stays true once true. */
  started: boolean;
  /** Started, and neither far from the viewport nor on a hidden page: running work may go on. */
  active: boolean;
  /** Starts now, whatever `startWhen` says (the figure's Start button). */
  start(): void;
  /** The ref for the figure's root element, merged with the host's ref. */
  ref: RefCallback<HTMLDivElement>;
}

/**
 * The start-and-pause gate of a model-driven figure (see {@link StartWhen}); SSR-safe: nothing starts on the server.
 */
export function useStartWhen(startWhen: StartWhen, hostRef?: Ref<HTMLDivElement>): StartGate {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const visible = useInView(startWhen === 'visible' ? element : null);
  const near = useInView(element, KEEP_WORKING_MARGIN);
  const pageVisible = usePageVisible();
  const [startedLatch, setStarted] = useState(false);
  // The first sight latches the start, so scrolling away later pauses rather than un-starts. (State set in
  // render: React's pattern for state derived from a change; it runs once, and never on the server, where
  // `visible` stays null.)
  if (startWhen === 'visible' && visible === true && !startedLatch) setStarted(true);
  const started = startedLatch || startWhen === 'mount' || (startWhen === 'visible' && visible === true);
  const start = useCallback(() => setStarted(true), []);
  const ref = useMemo(() => mergeRefs<HTMLDivElement>(hostRef, setElement), [hostRef]);
  return { started, active: started && near !== false && pageVisible, start, ref };
}
