/**
 * Playback of a generation that may still be running: which computed frame is shown and whether it
 * advances. A pure reducer (tested in Node); `usePlayback` drives it with a timer.
 */
export interface PlaybackState {
  /** The frame shown, 0-based, among the frames computed so far. */
  index: number;
  /** Whether the timer advances `index`. */
  playing: boolean;
  /** Whether the reader has moved or stopped the playback (then nothing moves it for them). */
  touched: boolean;
}

/** What the timer and the controls ask. `computed` frames exist so far, of `total`. */
export type PlaybackAction =
  | { type: 'reset'; autoplay: boolean }
  | { type: 'tick'; computed: number; total: number; loop: boolean }
  | { type: 'play'; computed: number; total: number }
  | { type: 'pause' }
  | { type: 'step'; delta: number; computed: number }
  | { type: 'seek'; index: number; computed: number }
  | { type: 'showLast'; computed: number };

export function initialPlayback(autoplay: boolean): PlaybackState {
  return { index: 0, playing: autoplay, touched: false };
}

function clampIndex(index: number, computed: number): number {
  return Math.max(0, Math.min(Math.round(index), Math.max(0, computed - 1)));
}

export function playbackReducer(state: PlaybackState, action: PlaybackAction): PlaybackState {
  switch (action.type) {
    case 'reset':
      return initialPlayback(action.autoplay);
    case 'tick': {
      if (!state.playing) return state;
      // Advance while frames exist; at the newest frame of an unfinished generation, wait for the next.
      const finished = action.total > 0 && action.computed >= action.total;
      if (state.index < action.computed - 1) {
        const index = state.index + 1;
        // Arriving on the last frame of a finished generation ends the playback there (unless looping).
        return { ...state, index, playing: action.loop || !finished || index < action.total - 1 };
      }
      if (!finished) return state;
      return action.loop ? { ...state, index: 0 } : { ...state, playing: false };
    }
    case 'play': {
      // Play at the last frame of a finished generation starts over.
      const atEnd = action.total > 0 && action.computed >= action.total && state.index >= action.total - 1;
      return { index: atEnd ? 0 : state.index, playing: true, touched: true };
    }
    case 'pause':
      return state.playing || !state.touched ? { ...state, playing: false, touched: true } : state;
    case 'step':
    case 'seek': {
      const target = action.type === 'step' ? state.index + action.delta : action.index;
      const index = clampIndex(target, action.computed);
      if (index === state.index && !state.playing && state.touched) return state;
      return { index, playing: false, touched: true };
    }
    case 'showLast':
      return state.touched || action.computed === 0 ? state : { ...state, index: action.computed - 1 };
  }
}
