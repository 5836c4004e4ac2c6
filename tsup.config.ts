import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/** The engine's entry as the rest of src/ imports it: the folder or its index file. */
const engineEntry = new Set(['src/engine', 'src/engine/index', 'src/engine/index.ts'].map((p) => path.resolve(p)));

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  shims: true,
  external: ['react', 'react-dom', 'react/jsx-runtime', /^onnxruntime-web/, 'three', /^@react-three\//, /^@visx\//, 'diffusion-kit/engine'],
};

/** The Worker is a sibling file in dist too: point the `new URL('./engineWorker.ts', import.meta.url)` at its build. */
const workerUrlPlugin = {
  name: 'engine-worker-url',
  setup(build: { onLoad: Function }) {
    build.onLoad({ filter: /createEngineWorker\.ts$/ }, async (args: { path: string }) => ({
      contents: (await readFile(args.path, 'utf8')).replace("'./engineWorker.ts'", "'./engineWorker.js'"),
      loader: 'ts',
    }));
  },
};

/**
 * Components import the engine only through its entry, `src/engine` (test/unit/engineEntryImports.test.ts):
 * the build points that import at the package's own `diffusion-kit/engine`, so there is one copy, one set of classes.
 */
const engineAsPackagePlugin = {
  name: 'engine-as-package',
  setup(build: { onResolve: Function }) {
    build.onResolve({ filter: /^\.\.?\// }, (args: { path: string; resolveDir: string }) =>
      engineEntry.has(path.resolve(args.resolveDir, args.path)) ? { path: 'diffusion-kit/engine', external: true } : undefined,
    );
  },
};

// Two builds. The engine (and its Worker entry) without code splitting, so the Worker's relative URL holds.
// The React components, whose entry keeps its 'use client' directive (tsup's rollup `treeshake` would drop it).
export default defineConfig([
  {
    ...shared,
    entry: { 'engine/index': 'src/engine/index.ts', 'engine/engineWorker': 'src/engine/worker/engineWorker.ts' },
    splitting: false,
    esbuildPlugins: [workerUrlPlugin],
  },
  { ...shared, entry: { index: 'src/index.ts' }, splitting: true, esbuildPlugins: [engineAsPackagePlugin] },
]);
