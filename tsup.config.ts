import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  splitting: true,
  target: 'es2022',
  external: ['react', 'react-dom', 'react/jsx-runtime', /^onnxruntime-web/, 'three', /^@react-three\//, /^@visx\//],
};

// Two builds: the framework-free engine, and the React components. esbuild keeps the entry's
// 'use client' directive (tsup's rollup `treeshake` would drop it, so it stays off).
export default defineConfig([
  { ...shared, entry: { 'engine/index': 'src/engine/index.ts' }, clean: false },
  { ...shared, entry: { index: 'src/index.ts' }, clean: false },
]);
