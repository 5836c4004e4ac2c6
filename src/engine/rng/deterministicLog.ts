/**
 * Natural logarithm built only from IEEE-754 basic operations (+, -, *, /), so it returns the same bits on
 * every JavaScript engine. `Math.log` is implementation-defined in ECMAScript and may differ in the last bit.
 *
 * x = m * 2^e with m in [sqrt(1/2), sqrt(2)); log x = e*ln2 + 2*atanh(s), s = (m - 1)/(m + 1), |s| < 0.172,
 * and atanh(s) = s + s^3/3 + s^5/5 + ... converges to double precision within 14 terms.
 */
const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const view = new DataView(new ArrayBuffer(8));

export function deterministicLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  // Read the binary exponent straight from the bits (subnormals: scale into the normal range first).
  let extra = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54
    extra = -54;
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  let e = ((hi >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hi & 0x800fffff) | (1023 << 20)); // same mantissa, exponent 0: m in [1, 2)
  let m = view.getFloat64(0);
  if (m >= SQRT2) {
    m /= 2;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  // Horner form of the odd series, highest term first.
  let series = 0;
  for (let k = 27; k >= 3; k -= 2) series = (series + 1 / k) * s2;
  return (e + extra) * LN2 + 2 * s * (1 + series);
}
