import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Cross-origin isolation: onnxruntime-web runs its wasm on several threads only when the page is isolated
// (SharedArrayBuffer). Without these headers it silently falls back to one thread.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
  // The kit starts its engine in a module Worker that imports onnxruntime-web on demand: the Worker's bundle is
  // code-split, which Vite allows only for ES-module workers.
  worker: { format: 'es' },
  // In dev, let the kit's `new Worker(new URL(...))` and onnxruntime-web's own wasm URLs resolve in place.
  optimizeDeps: { exclude: ['diffusion-kit', 'onnxruntime-web'] },
});
