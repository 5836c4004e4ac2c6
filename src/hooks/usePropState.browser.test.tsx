import { flushSync } from 'react-dom';
import { describe, expect, it } from 'vitest';
import { mount } from '../components/shared/testing/testHelpers.browser';
import { usePropState, type PropStateOptions } from './usePropState';

/** Renders the hook and hands out its latest value and setter. */
function probe<P, T>(prop: P, options?: PropStateOptions<P, T>) {
  const seen: { value?: T; set?: (next: T | ((previous: T) => T)) => void } = {};
  function Probe({ value }: { value: P }) {
    const [state, set] = usePropState(value, options as PropStateOptions<P, T> & { init: (prop: P) => T });
    seen.value = state;
    seen.set = set;
    return null;
  }
  const view = mount(<Probe value={prop} />);
  return { seen, rerender: (next: P) => view.rerender(<Probe value={next} />), unmount: view.unmount };
}

describe('usePropState', () => {
  it('follows the prop, keeps what the setter sets, and lets a new prop win', () => {
    const { seen, rerender, unmount } = probe<number, number>(1);
    expect(seen.value).toBe(1);
    flushSync(() => seen.set!(5));
    expect(seen.value).toBe(5);
    rerender(1); // the same prop: the reader's value stays
    expect(seen.value).toBe(5);
    rerender(2);
    expect(seen.value).toBe(2);
    unmount();
  });

  it('keeps a function prop as a value, never calling it', () => {
    const f = () => 'called';
    const g = () => 'called too';
    const { seen, rerender, unmount } = probe<() => string, () => string>(f);
    expect(seen.value).toBe(f);
    rerender(g);
    expect(seen.value).toBe(g);
    unmount();
  });

  it('compares with `same` and derives the state with `init`', () => {
    const sameJson = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
    const { seen, rerender, unmount } = probe<{ n: number }, number>(
      { n: 1 },
      { same: sameJson, init: (p) => p.n * 10 },
    );
    expect(seen.value).toBe(10);
    flushSync(() => seen.set!((v) => v + 1));
    rerender({ n: 1 }); // a new but equal object
    expect(seen.value).toBe(11);
    rerender({ n: 3 });
    expect(seen.value).toBe(30);
    unmount();
  });
});
