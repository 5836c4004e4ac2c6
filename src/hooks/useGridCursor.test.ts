import { describe, expect, it } from 'vitest';
import { gridMoveOfKey } from './useGridCursor';

describe('gridMoveOfKey', () => {
  it('turns the arrow keys into one step in their screen direction (y down)', () => {
    const step = (key: string) => gridMoveOfKey({ key, ctrlKey: false }, false);
    expect(step('ArrowLeft')).toEqual({ type: 'step', direction: 'left', dx: -1, dy: 0 });
    expect(step('ArrowRight')).toEqual({ type: 'step', direction: 'right', dx: 1, dy: 0 });
    expect(step('ArrowUp')).toEqual({ type: 'step', direction: 'up', dx: 0, dy: -1 });
    expect(step('ArrowDown')).toEqual({ type: 'step', direction: 'down', dx: 0, dy: 1 });
    expect(step('Enter')).toBeNull();
  });

  it('moves to the ends with Home and End only on a surface that has ends; Ctrl means the whole surface', () => {
    expect(gridMoveOfKey({ key: 'Home', ctrlKey: false }, false)).toBeNull();
    expect(gridMoveOfKey({ key: 'Home', ctrlKey: false }, true)).toEqual({ type: 'home', whole: false });
    expect(gridMoveOfKey({ key: 'End', ctrlKey: true }, true)).toEqual({ type: 'end', whole: true });
  });
});
