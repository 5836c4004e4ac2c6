import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Cross-origin isolation for every route: onnxruntime-web runs its wasm on several threads only when the page
 * is isolated (SharedArrayBuffer). Without these headers it silently falls back to one thread.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
        ],
      },
    ];
  },
  // Only because this example lives inside the kit's repository (which has its own lockfile): build from this
  // folder and its node_modules alone, as a standalone site would. A real site leaves this out.
  turbopack: { root: path.dirname(fileURLToPath(import.meta.url)) },
};

export default nextConfig;
