// Written by training/manifest.py when it writes the shipped model (assets/models/glyffuser-mini/model.json).
/**
 * The first 16 hex digits of the SHA-256 of the shipped model.json. The default model URL carries it
 * (`model.json?v=...`) because the model cache reads model.json cache-first: a kit release with a new model
 * then asks for a new URL instead of finding the previous manifest in a returning reader's cache.
 */
export const SHIPPED_MODEL_DIGEST = '816087dc6c5722ba';

/**
 * The same for the shipped few-step student (assets/models/glyffuser-mini-turbo/model.json), by
 * training/turbo_manifest.py.
 */
export const SHIPPED_TURBO_MODEL_DIGEST = 'e42c40c678a04844';
