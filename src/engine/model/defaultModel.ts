import { SHIPPED_MODEL_DIGEST } from './shippedModelDigest';

/**
 * Where the shipped glyffuser-mini model is looked for when a component or `loadModel` is given none:
 * `/kit-assets/models/glyffuser-mini/model.json`. Storybook serves the package's `assets/` folder there;
 * a site copies `node_modules/diffusion-kit/assets` to its public folder as `kit-assets` (see the Getting
 * started guide), or points the kit elsewhere with `setDefaultModelUrl`. The query `?v=<digest of the
 * shipped model.json>` (ignored by static servers) gives each release's model its own cache entry.
 */
let defaultModelUrl = `/kit-assets/models/glyffuser-mini/model.json?v=${SHIPPED_MODEL_DIGEST}`;

/** The URL of the model.json used when none is given. */
export function getDefaultModelUrl(): string {
  return defaultModelUrl;
}

/** Changes the URL of the model.json used when none is given (call once, before the first figure loads it). */
export function setDefaultModelUrl(url: string): void {
  if (typeof url !== 'string' || url.length === 0) throw new TypeError('setDefaultModelUrl: url must be a non-empty string.');
  defaultModelUrl = url;
}
