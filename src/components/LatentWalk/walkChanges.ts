/**
 * How much the glyphs change from one point of a walk to the next: the mean absolute difference of neighbouring
 * images' display bytes, as a share of full ink (0: the same glyph, 1: every pixel flipped from paper to ink).
 * `bytes` is a batch of `count` images of `size` bytes each; the result has count - 1 entries, entry i between
 * images i and i + 1.
 */
export function neighbourChanges(bytes: Uint8Array, count: number, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < count; i++) {
    let sum = 0;
    const a = i * size;
    const b = a + size;
    for (let k = 0; k < size; k++) sum += Math.abs(bytes[a + k]! - bytes[b + k]!);
    out.push(sum / (255 * size));
  }
  return out;
}

/** The index of the largest change (the first of equals), or -1 for none. */
export function largestChange(changes: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < changes.length; i++) if (best < 0 || changes[i]! > changes[best]!) best = i;
  return best;
}

/** Where point i of n sits on the walk, from 0 (the first end) to 1 (the other). */
export function walkPosition(i: number, n: number): number {
  return n <= 1 ? 0 : i / (n - 1);
}
