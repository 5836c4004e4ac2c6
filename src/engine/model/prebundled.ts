/**
 * The package's own folder when a dev server has pre-bundled this module away from it, else null.
 *
 * Vite up to version 7 (Astro 5's dev server among them) copies a dependency's code into
 * `node_modules/.vite/deps/` in dev and leaves its `new URL('./file', import.meta.url)` pointing there, where the
 * file is not (Vite 8 rewrites such URLs itself). The files are still served from the package's real folder,
 * `node_modules/diffusion-kit/`, next to `.vite/`: URLs are then taken relative to it.
 */
export function prebundledPackageRoot(moduleUrl: string): string | null {
  const match = /^(.*\/node_modules\/)\.vite\/deps(?:_temp_[\w-]+)?\/[^/]*$/.exec(moduleUrl.split(/[?#]/)[0]!);
  return match ? `${match[1]}diffusion-kit/` : null;
}
