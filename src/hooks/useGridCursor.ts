import { useState, type KeyboardEvent } from 'react';

/** A screen direction of an arrow key. */
export type GridDirection = 'left' | 'right' | 'up' | 'down';

/** The arrow key's direction, or null for any other key. */
export function directionOfKey(key: string): GridDirection | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

/** One step in each direction, in screen coordinates (y grows downwards). */
const STEPS: Readonly<Record<GridDirection, { dx: number; dy: number }>> = {
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
};

/**
 * What a key asks of the cursor: an arrow key a step in its direction (`dx`, `dy` of -1, 0 or 1, y down);
 * Home and End the start or the end of the cursor's row, or with Ctrl (`whole`) of the whole surface.
 */
export type GridMove =
  { type: 'step'; direction: GridDirection; dx: number; dy: number } | { type: 'home' | 'end'; whole: boolean };

/** The move of a key: arrows always, Home and End only on a surface with `ends`; null for other keys. */
export function gridMoveOfKey(event: { key: string; ctrlKey: boolean }, ends: boolean): GridMove | null {
  const direction = directionOfKey(event.key);
  if (direction) return { type: 'step', direction, ...STEPS[direction] };
  if (ends && (event.key === 'Home' || event.key === 'End'))
    return { type: event.key === 'Home' ? 'home' : 'end', whole: event.ctrlKey };
  return null;
}

/** Options of {@link useGridCursor}. */
export interface GridCursorOptions<C> {
  /** Where a move takes the cursor from `from` (null while there is none), or null to leave it where it is. */
  move(from: C | null, move: GridMove): C | null;
  /** Whether Home and End are moves (to the ends of the row, with Ctrl of the surface). */
  ends?: boolean;
  /** Where focus puts the cursor when there is none; without it, focus leaves the cursor as it is. */
  start?(): C;
  /** Called with every cursor the keyboard or focus moves to (e.g. to announce it). */
  onMove?(cursor: C): void;
  /**
   * Other keys of the surface, by `KeyboardEvent.key` (Enter, Escape, zoom): each gets the cursor and its
   * setter and says whether it used the key (a used key is kept from the browser's default action).
   */
  keys?: Readonly<Record<string, (cursor: C | null, setCursor: (next: C | null) => void) => boolean>>;
  /** Where the cursor lives when it is not React state (a camera that moves without a render). */
  store?: { get(): C | null; set(next: C | null): void };
}

/** What {@link useGridCursor} gives: the cursor, whether the surface has focus, and the surface's handlers. */
export interface GridCursor<C> {
  cursor: C | null;
  setCursor(next: C | null): void;
  focused: boolean;
  onKeyDown(event: KeyboardEvent<Element>): void;
  onFocus(): void;
  onBlur(): void;
}

/**
 * The keyboard cursor of a 2-D surface (a grid of cells, a scatter of points, a camera's orbit): the arrow
 * keys move it a step in their direction, Home and End to the ends (where the surface has them), other
 * keys as the surface says; every move key is kept from the browser (no scrolling). Focus puts the cursor at
 * its start when there is none, blur takes it away. Spread `onKeyDown`, `onFocus` and `onBlur` on the
 * focusable element; the cursor is React state unless a `store` holds it.
 */
export function useGridCursor<C>({
  move,
  ends = false,
  start,
  onMove,
  keys,
  store,
}: GridCursorOptions<C>): GridCursor<C> {
  const [state, setState] = useState<C | null>(null);
  const [focused, setFocused] = useState(false);
  const cursor = store ? store.get() : state;
  const setCursor = (next: C | null) => (store ? store.set(next) : setState(() => next));
  const moveTo = (next: C) => {
    setCursor(next);
    onMove?.(next);
  };
  return {
    cursor,
    setCursor,
    focused,
    onKeyDown(event) {
      const current = store ? store.get() : cursor;
      const asked = gridMoveOfKey(event, ends);
      if (asked) {
        event.preventDefault();
        const next = move(current, asked);
        if (next !== null) moveTo(next);
        return;
      }
      const key = keys?.[event.key];
      if (key?.(current, setCursor)) event.preventDefault();
    },
    onFocus() {
      setFocused(true);
      if (cursor === null && start) moveTo(start());
    },
    onBlur() {
      setFocused(false);
      setCursor(null);
    },
  };
}
