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
  external: ['react', 'react-dom', 'react/jsx-runtime', /^onnxruntime-web/, 'three', /^@react-three\//, /^@visx\//, /^katex(\/|$)/, 'diffusion-kit/engine'],
};

/**
 * The Workers are sibling files in dist too: point `new URL('./engineWorker.ts', import.meta.url)` (and the
 * training Worker's `./trainerWorker.ts`) at their builds.
 */
const workerUrlPlugin = {
  name: 'engine-worker-url',
  setup(build: { onLoad: Function }) {
    build.onLoad({ filter: /(createEngineWorker|createTrainingSession)\.ts$/ }, async (args: { path: string }) => ({
      contents: (await readFile(args.path, 'utf8')).replace("'./engineWorker.ts'", "'./engineWorker.js'").replace("'./trainerWorker.ts'", "'./trainerWorker.js'"),
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
// The React components, whose entry keeps its 'use client' directive (tsup's rollup `treeshake` would drop it),
// and `diffusion-kit/math`, the KaTeX formula component, an entry of its own so that only it needs katex.
export default defineConfig([
  {
    ...shared,
    entry: {
      'engine/index': 'src/engine/index.ts',
      'engine/engineWorker': 'src/engine/worker/engineWorker.ts',
      'engine/trainerWorker': 'src/engine/training/trainerWorker.ts',
    },
    splitting: false,
    esbuildPlugins: [workerUrlPlugin],
  },
  { ...shared, entry: { index: 'src/index.ts', math: 'src/math.ts' }, splitting: true, esbuildPlugins: [engineAsPackagePlugin] },
]);
