import { describe, expect, it } from 'vitest';
import { formatFixed, formatNumber } from './formatNumber';

describe('formatNumber', () => {
  it('writes fixed decimals, a true minus sign and no negative zero', () => {
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(-0.5, 2)).toBe('\u22120.50');
    expect(formatNumber(-0.0001, 2)).toBe('\u22121.00e-4');
    expect(formatNumber(-0)).toBe('0.000');
    expect(formatNumber(-0.0004, 3)).toBe('\u22124.000e-4');
  });

  it('switches to exponent notation for tiny and huge magnitudes', () => {
    expect(formatNumber(4.2e-5, 3)).toBe('4.200e-5');
    expect(formatNumber(2.5e7, 2)).toBe('2.50e+7');
    expect(formatNumber(0)).toBe('0.000');
  });

  it('names non-finite values', () => {
    expect(formatNumber(Infinity)).toBe('\u221e');
    expect(formatNumber(-Infinity)).toBe('\u2212\u221e');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

describe('formatFixed', () => {
  it('keeps fixed decimals for tiny values and drops negative zero', () => {
    expect(formatFixed(4.52e-4, 2)).toBe('0.00');
    expect(formatFixed(-4.52e-4, 2)).toBe('0.00');
    expect(formatFixed(-0.5, 2)).toBe('\u22120.50');
    expect(formatFixed(12345678.9, 1)).toBe('12345678.9');
    expect(formatFixed(-3, 0)).toBe('\u22123');
    expect(formatFixed(-0.2, 0)).toBe('0');
  });
});
