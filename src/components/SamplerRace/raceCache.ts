/** A finished generation of a race: the final images (model pixel values) and how long it took. */
export interface RaceResult {
  sample: Float32Array;
  elapsedMs: number;
}

/**
 * Finished race generations in memory, least recently used dropped first once the values held pass
 * `maxBytes`. Keyed by everything that decides the images: model, prompt, seed, count, guidance, sampler and
 * steps ({@link raceCacheKey}), so a reader who comes back to a step count, or a second figure with the same
 * settings, gets the result without running the model.
 */
export class RaceCache {
  private readonly entries = new Map<string, RaceResult>();
  private bytes = 0;

  constructor(readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string): RaceResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, result: RaceResult): void {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.sample.byteLength;
    this.entries.delete(key);
    this.entries.set(key, result);
    this.bytes += result.sample.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes || k === key) break;
      this.entries.delete(k);
      this.bytes -= v.sample.byteLength;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** What decides a race's images besides the sampler and its steps. */
export interface RaceContext {
  /** The model's URL and what the engine reports of it (name, version, device). */
  model: string;
  prompt: string;
  seed: number;
  count: number;
  /** The guidance scale, or null for the model's default. */
  guidanceScale: number | null;
}

/** The cache key of one generation of a race. */
export function raceCacheKey(context: RaceContext, jobKey: string): string {
  return JSON.stringify([context.model, context.prompt, context.seed, context.count, context.guidanceScale, jobKey]);
}

/** The page's race results, shared by every SamplerRace (about 32 MB at most). */
export const sharedRaceCache = /* @__PURE__ */ new RaceCache();
