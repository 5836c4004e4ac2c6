import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Cross-origin isolation (optional): onnxruntime-web runs its wasm on several threads only when the page is
// isolated (SharedArrayBuffer). Without these headers the model runs on one thread. Nothing else is needed for
// the kit: its model and wasm are emitted by Vite from the package itself.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
});
