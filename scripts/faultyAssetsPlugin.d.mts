import type { Plugin } from 'vite';
/** Serves the repository's `assets/` at `/kit-faults/<fault>/<key>/...` with a fault put in (fault tests). */
export function faultyAssetsPlugin(root: string): Plugin;
