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
