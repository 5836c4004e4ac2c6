import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/** The engine's entry as the rest of src/ imports it: the folder or its index file. */
const engineEntry = new Set(['src/engine', 'src/engine/index', 'src/engine/index.ts'].map((p) => path.resolve(p)));
/** The engine's internal entry (what only the kit's components need; not in package.json's exports). */
const engineInternalEntry = new Set(['src/engine/internal', 'src/engine/internal.ts'].map((p) => path.resolve(p)));

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
 * WebGPU Worker's `./engineWorkerWebgpu.ts`, the training Worker's `./trainerWorker.ts`) at their builds. The
 * shipped model's `new URL('../../../assets/…', import.meta.url)` (src/engine/model/) sits one folder less
 * deep in dist/engine/.
 */
const workerUrlPlugin = {
  name: 'engine-worker-url',
  setup(build: { onLoad: Function }) {
    build.onLoad({ filter: /(createEngineWorker|createTrainingSession|enableWebGPU|shippedModel)\.ts$/ }, async (args: { path: string }) => ({
      contents: (await readFile(args.path, 'utf8'))
        .replace(/'\.\/(engineWorker|engineWorkerWebgpu|trainerWorker)\.ts'/g, "'./$1.js'")
        .replace(/'\.\.\/\.\.\/\.\.\/assets\//g, "'../../assets/"),
      loader: 'ts',
    }));
  },
};

/** Inside the Worker files, which register their onnxruntime-web build statically, no default build (ortDefault.ts). */
const noDefaultOrtPlugin = {
  name: 'no-default-ort',
  setup(build: { onLoad: Function }) {
    build.onLoad({ filter: /ortDefault\.ts$/ }, () => ({ contents: 'export const defaultWasmLoader = undefined;', loader: 'ts' }));
  },
};

/**
 * Components import the engine only through its two entries (test/unit/engineEntryImports.test.ts): `src/engine`,
 * which the build points at the package's own `diffusion-kit/engine`, and `src/engine/internal`, which it points at
 * the built dist/engine/internal.js (or .cjs) by a relative path, since package.json does not export it (`internal`:
 * that file from the importing entry's folder). The two share their chunks (the engine build below), so there is one
 * copy of the engine, one set of classes, one configuration.
 */
const engineAsPackagePlugin = (internal: string) => ({
  name: 'engine-as-package',
  setup(build: { onResolve: Function; initialOptions: { outExtension?: Record<string, string> } }) {
    // tsup builds CJS with code splitting as ESM and converts it afterwards: its output extension tells the format.
    const ext = build.initialOptions.outExtension?.['.js'] ?? '.js';
    build.onResolve({ filter: /^\.\.?\// }, (args: { path: string; resolveDir: string }) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (engineEntry.has(target)) return { path: 'diffusion-kit/engine', external: true };
      if (engineInternalEntry.has(target)) return { path: `${internal}${ext}`, external: true };
      return undefined;
    });
  },
});

// Five builds. The engine's public entry and its internal one, with code splitting so that they share one copy of
// the engine; their chunks stay in dist/engine/ (chunkNames), so the Workers' and the model's relative URLs hold.
// Only the public entry gets types: the components' own .d.ts carry the internal types they use. The Worker
// entries (the training Worker; the engine Workers, each naming one onnxruntime-web build), each one bundle.
// `diffusion-kit/webgpu`, which reaches the engine through its entries (one copy of its settings). The React
// components, whose entry keeps its 'use client' directive (tsup's rollup `treeshake` would drop it),
// `diffusion-kit/math`, the KaTeX formula component, and `diffusion-kit/three`, ScoreFieldPlot with its 3-D view:
// entries of their own so that only they need katex, three and @react-three/fiber.
export default defineConfig([
  {
    ...shared,
    entry: { 'engine/index': 'src/engine/index.ts', 'engine/internal': 'src/engine/internal.ts' },
    dts: { entry: { 'engine/index': 'src/engine/index.ts' } },
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'engine/[name]-[hash]';
    },
    esbuildPlugins: [workerUrlPlugin],
  },
  { ...shared, entry: { 'engine/trainerWorker': 'src/engine/training/trainerWorker.ts' }, splitting: false, esbuildPlugins: [workerUrlPlugin] },
  {
    ...shared,
    entry: { 'engine/engineWorker': 'src/engine/worker/engineWorker.ts', 'engine/engineWorkerWebgpu': 'src/engine/worker/engineWorkerWebgpu.ts' },
    splitting: false,
    esbuildPlugins: [workerUrlPlugin, noDefaultOrtPlugin],
  },
  {
    ...shared,
    entry: { 'engine/webgpu': 'src/engine/worker/enableWebGPU.ts' },
    splitting: false,
    esbuildPlugins: [workerUrlPlugin, engineAsPackagePlugin('./internal')],
  },
  {
    ...shared,
    entry: { index: 'src/index.ts', math: 'src/math.ts', three: 'src/three.tsx' },
    splitting: true,
    esbuildPlugins: [engineAsPackagePlugin('./engine/internal')],
  },
]);
