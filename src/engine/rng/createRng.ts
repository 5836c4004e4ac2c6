import { deterministicLog } from './deterministicLog';
import type { Rng } from './Rng';

/** Thrown when a seed is not an integer the generator can use. */
export class SeedError extends RangeError {
  readonly field = 'seed';
  constructor(seed: unknown) {
    super(`seed must be a safe integer (from -(2^53 - 1) to 2^53 - 1); got ${String(seed)}.`);
    this.name = 'SeedError';
  }
}

/** splitmix32: spreads a seed over the 128-bit state so nearby seeds give unrelated streams. */
function splitmix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman & Vigna, 2018) with 32-bit integer arithmetic; normals by Marsaglia's polar method,
 * which needs only sqrt (correctly rounded by IEEE-754) and our deterministic log.
 */
class Xoshiro128 implements Rng {
  private spare: number | null = null;
  constructor(
    readonly seed: number,
    private s: Uint32Array,
  ) {}

  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  uniform(): number {
    // 27 + 26 = 53 bits: every double in [0, 1) on the grid of 2^-53.
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    // Polar method: (u, v) uniform in the unit disc; then u*f and v*f are two independent N(0, 1).
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * deterministicLog(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  clone(): Rng {
    const copy = new Xoshiro128(this.seed, this.s.slice());
    copy.spare = this.spare;
    return copy;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A seeded generator: the same `seed` gives the same stream on every platform and every run. */
export function createRng(seed: number): Rng {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) throw new SeedError(seed);
  // Both 32-bit halves of the seed feed the mixer, so seeds beyond 2^32 stay distinct.
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const mix = { x: low ^ Math.imul(high, 0x27d4eb2d) };
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) s[i] = splitmix32(mix);
  if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s[0] = 1; // all-zero state is a fixed point
  return new Xoshiro128(seed, s);
}
