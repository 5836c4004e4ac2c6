'use client';
/**
 * diffusion-kit: React components for explaining diffusion models. The engine is re-exported under
 * `diffusion-kit/engine`; this entry holds the components.
 */
export { KIT_VERSION } from './version';
