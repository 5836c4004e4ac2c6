import { describe, expect, it } from 'vitest';
import { extent, histogram } from './histogram';

describe('histogram', () => {
  it('bins half-open with the last bin closed, like numpy.histogram', () => {
    // numpy.histogram([0, 0.5, 1, 1.5, 2, 3, 4], bins=4, range=(0, 4)) -> [2, 2, 1, 2]
    const h = histogram([0, 0.5, 1, 1.5, 2, 3, 4], { bins: 4, min: 0, max: 4 });
    expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(h.counts)).toEqual([2, 2, 1, 2]);
    expect(h.binWidth).toBe(1);
    expect(h.outside).toBe(0);
  });

  it('normalises to a density: count / (total * width)', () => {
    const h = histogram([0, 0.5, 1, 1.5, 2, 3, 4], { bins: 4, min: 0, max: 4 });
    expect(Array.from(h.density)).toEqual([2 / 7, 2 / 7, 1 / 7, 2 / 7]);
    // With bins of width 0.5, density doubles.
    const fine = histogram([0.1, 0.2, 0.6, 0.9], { bins: 2, min: 0, max: 1 });
    expect(Array.from(fine.density)).toEqual([1, 1]);
  });

  it('counts values outside the range (and NaN) as outside, still in the total', () => {
    const h = histogram([-5, 0.25, 0.75, 9, NaN], { bins: 2, min: 0, max: 1 });
    expect(Array.from(h.counts)).toEqual([1, 1]);
    expect(h.outside).toBe(3);
    expect(h.total).toBe(5);
    expect(Array.from(h.density)).toEqual([0.4, 0.4]);
  });

  it('defaults to the data extent and bins a prefix', () => {
    const h = histogram([2, 4, 3, 100], { bins: 2, count: 3 });
    expect(Array.from(h.edges)).toEqual([2, 3, 4]);
    expect(Array.from(h.counts)).toEqual([1, 2]);
    expect(extent([3, -1, 8, 2])).toEqual([-1, 8]);
  });

  it('widens a zero-width range by 0.5 each side', () => {
    const h = histogram([1, 1, 1], { bins: 1 });
    expect(Array.from(h.edges)).toEqual([0.5, 1.5]);
    expect(Array.from(h.counts)).toEqual([3]);
  });

  it('rejects bad options, naming them', () => {
    expect(() => histogram([1], { bins: 0 })).toThrow(/^bins must be/);
    expect(() => histogram([1], { bins: 2, count: 5 })).toThrow(/^count must be/);
    expect(() => histogram([1], { bins: 2, min: 3, max: 1 })).toThrow(/^min and max/);
  });
});
