import { LoadOptionsError } from './errors';

/**
 * Where model files are kept between visits: one bucket of the Cache API (Cache Storage), shared by the page
 * and its Workers on the same origin. The Cache API exists only on secure origins (https, localhost) and not
 * in Node; there the kit simply downloads every time. Read lazily through `globalThis.caches`, never at import.
 */

/** The Cache Storage bucket of the kit's model files. The suffix changes when the stored format does. */
export const MODEL_CACHE_NAME = 'diffusion-kit-models-v1';

/**
 * How `loadModel` uses the cache: 'auto' (default) reads verified files from it and stores downloads in it
 * where the Cache API exists (else as 'none'); 'none' neither reads nor writes it; 'reload' downloads every
 * file again and replaces the stored copies.
 */
export type ModelCacheMode = 'auto' | 'none' | 'reload';

export const MODEL_CACHE_MODES: readonly ModelCacheMode[] = ['auto', 'none', 'reload'];

/** The `cache` option of `loadModel`, defaulted; anything else throws a LoadOptionsError naming it. */
export function checkCacheMode(mode: unknown): ModelCacheMode {
  if (mode === undefined) return 'auto';
  if (!MODEL_CACHE_MODES.includes(mode as ModelCacheMode)) {
    throw new LoadOptionsError(
      'cache',
      `must be one of ${MODEL_CACHE_MODES.map((m) => `'${m}'`).join(', ')}; got ${typeof mode === 'string' ? `'${mode}'` : typeof mode}.`,
    );
  }
  return mode as ModelCacheMode;
}

/** The kit's bucket, or null where the Cache API is absent or refused (insecure origin, storage blocked). */
export async function openModelCache(): Promise<Cache | null> {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!storage) return null;
  try {
    return await storage.open(MODEL_CACHE_NAME);
  } catch {
    return null;
  }
}

/**
 * Deletes every model file the kit has stored on this origin (the next load downloads them again). Resolves
 * true when there was something to delete, false when not or where the Cache API is absent.
 */
export async function clearModelCache(): Promise<boolean> {
  const storage = (globalThis as { caches?: CacheStorage }).caches;
  if (!storage) return false;
  try {
    return await storage.delete(MODEL_CACHE_NAME);
  } catch {
    return false;
  }
}
