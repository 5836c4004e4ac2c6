/**
 * A seeded source of randomness. Every stochastic function of the engine takes one, so the same seed gives
 * the same numbers on every platform and every run (only integer and IEEE-754 basic arithmetic is used).
 */
export interface Rng {
  /** The seed this generator was created from. */
  readonly seed: number;
  /** The next 32-bit unsigned integer of the stream. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A standard normal draw, N(0, 1). */
  normal(): number;
  /** An independent copy of this generator at its current position. */
  clone(): Rng;
}
