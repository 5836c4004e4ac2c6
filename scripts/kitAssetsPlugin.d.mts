import type { Plugin } from 'vite';
/** Serves the repository's `assets/` folder at `/kit-assets/` on a Vite dev server. */
export function kitAssetsPlugin(root: string): Plugin;
