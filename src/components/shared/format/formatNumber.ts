/**
 * Every number a figure writes, formatted here: readouts with fixed decimals ({@link formatNumber}), values
 * written in cells ({@link formatFixed}), and compact significant-digit labels for axes, captions and
 * hover readouts ({@link formatSignificant}).
 */

/**
 * A number for a readout: `digits` decimals for ordinary magnitudes, exponent notation (with `digits`
 * significant decimals) for very large or very small ones, no "-0", and the minus sign U+2212.
 */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '\u221e' : '\u2212\u221e';
  const abs = Math.abs(x);
  let text = abs !== 0 && (abs < 10 ** -digits || abs >= 1e6) ? x.toExponential(digits) : x.toFixed(digits);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return text.replace(/^-/, '\u2212');
}

/** Exactly `digits` decimals, never exponent notation (for values written in cells), no "-0", sign U+2212. */
export function formatFixed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return formatNumber(x, digits);
  const text = x.toFixed(digits);
  return text.charCodeAt(0) === 45 ? (/^-0\.?0*$/.test(text) ? text.slice(1) : `\u2212${text.slice(1)}`) : text;
}

/** Options of {@link formatSignificant}. */
export interface SignificantOptions {
  /** Magnitudes below this (but not 0) are written in exponent notation (default 1e-3). */
  small?: number;
  /** Magnitudes from this up are written in exponent notation (default 1e5). */
  large?: number;
  /** Decimals of the exponent notation (default 2). */
  exponentDigits?: number;
}

/**
 * Three significant digits, plain and without trailing zeros ("0.0123", "1.5", "250"), or exponent
 * notation outside [small, large); ASCII signs, non-finite values as JavaScript writes them.
 */
export function formatSignificant(
  v: number,
  { small = 1e-3, large = 1e5, exponentDigits = 2 }: SignificantOptions = {},
): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < small || a >= large)) return v.toExponential(exponentDigits);
  return String(Number(v.toPrecision(3)));
}
