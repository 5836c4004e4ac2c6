/**
 * Root-mean-square distance between two batches of images of the same shape, in the model's pixel units:
 * sqrt(mean((a - b)^2)) over every value. 0 for the same images; for glyffuser-mini (pixels in [-1, 1]) a
 * glyph against its inverse is 2. NaN when the shapes differ or a batch is empty.
 */
export function rmsDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return Math.sqrt(sum / a.length);
}
