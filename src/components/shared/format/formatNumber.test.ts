import { describe, expect, it } from 'vitest';
import { formatFixed, formatNumber, formatSignificant } from './formatNumber';

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

describe('formatSignificant', () => {
  it('writes three significant digits plainly, exponents outside the range, ASCII signs', () => {
    expect(formatSignificant(0.012345)).toBe('0.0123');
    expect(formatSignificant(-1.5)).toBe('-1.5');
    expect(formatSignificant(250)).toBe('250');
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(4.2e-5)).toBe('4.20e-5');
    expect(formatSignificant(123456)).toBe('1.23e+5');
    expect(formatSignificant(Infinity)).toBe('Infinity');
    expect(formatSignificant(NaN)).toBe('NaN');
  });

  it('takes its own range and exponent decimals (axis ticks)', () => {
    const tick = (v: number) => formatSignificant(v, { small: 1e-2, large: 1e4, exponentDigits: 0 });
    expect(tick(0.005)).toBe('5e-3');
    expect(tick(20000)).toBe('2e+4');
    expect(tick(0.25)).toBe('0.25');
  });
});
