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
};

export default nextConfig;
