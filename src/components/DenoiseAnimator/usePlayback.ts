import { useEffect, useRef } from 'react';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { usePropState } from '../../hooks/usePropState';
import { initialPlayback, playbackReducer, type PlaybackAction, type PlaybackState } from './playback';

/** Inputs of {@link usePlayback}. */
export interface PlaybackOptions {
  /** Frames computed so far. */
  computed: number;
  /** Frames the generation will have. */
  total: number;
  /** Start over at the end. */
  loop: boolean;
  /** Frames shown per second while playing. */
  frameRate: number;
  /** Start playing as frames arrive. */
  autoplay: boolean;
  /** When it changes (a new generation), playback starts over. */
  resetKey: string;
  /** Once the generation is done, show its last frame unless the reader has moved (reduced motion). */
  showLastWhenDone: boolean;
}

/** Playback controls over a growing list of frames, advanced by one timer while playing. */
export function usePlayback({
  computed,
  total,
  loop,
  frameRate,
  autoplay,
  resetKey,
  showLastWhenDone,
}: PlaybackOptions) {
  // A new generation starts over, adjusted during render so no frame of the old one is shown.
  const [state, setState] = usePropState(resetKey, { init: () => initialPlayback(autoplay) });
  const dispatch = (action: PlaybackAction) => setState((s) => playbackReducer(s, action));
  const latest = useRef({ computed, total, loop });
  useIsomorphicLayoutEffect(() => {
    latest.current = { computed, total, loop };
  });
  useEffect(() => {
    if (!state.playing) return;
    const timer = setInterval(() => dispatch({ type: 'tick', ...latest.current }), 1000 / frameRate);
    return () => clearInterval(timer);
  }, [state.playing, frameRate]);
  const done = total > 0 && computed >= total;
  useEffect(() => {
    if (showLastWhenDone && done) dispatch({ type: 'showLast', computed });
  }, [showLastWhenDone, done, computed]);

  return {
    state: state satisfies PlaybackState,
    play: () => dispatch({ type: 'play', computed: latest.current.computed, total: latest.current.total }),
    pause: () => dispatch({ type: 'pause' }),
    step: (delta: number) => dispatch({ type: 'step', delta, computed: latest.current.computed }),
    seek: (index: number) => dispatch({ type: 'seek', index, computed: latest.current.computed }),
  };
}
