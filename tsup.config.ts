import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { build as esbuild, type PluginBuild } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

const root = process.cwd();
const dist = path.join(root, 'dist');
/** `to` relative to the folder `from`, as an import or a URL writes it: forward slashes, `.`, `./x` or `../x`. */
const relativeUrl = (from: string, to: string) => {
  const rel = path.relative(from, to).split(path.sep).join('/');
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith('../') ? rel : `./${rel}`;
};

/** The engine's entry as the rest of src/ imports it: the folder or its index file. */
const engineEntry = new Set(['src/engine', 'src/engine/index', 'src/engine/index.ts'].map((p) => path.resolve(p)));
/** The engine's internal entry (what only the kit's components need; not in package.json's exports). */
const engineInternalEntry = new Set(['src/engine/internal', 'src/engine/internal.ts'].map((p) => path.resolve(p)));

const external = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  /^onnxruntime-web/,
  'three',
  /^@react-three\//,
  /^@visx\//,
  /^katex(\/|$)/,
  'diffusion-kit/engine',
];
const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  shims: true,
  external,
};

/**
 * The Workers are files of their own in dist/engine/ (engineWorker.js, engineWorkerWebgpu.js, trainerWorker.js):
 * point `new URL('./engineWorker.ts', import.meta.url)` (and the WebGPU Worker's `./engineWorkerWebgpu.ts`, the
 * training Worker's `./trainerWorker.ts`) at their builds, and the shipped model's
 * `new URL('../../../assets/…', import.meta.url)` (src/engine/model/) at the package's assets/, from the folder
 * that the module's code lands in: `outDir(file)`, dist/engine/ for the bundled builds, the module's own
 * folder in the module-per-file ESM build (dist/engine/worker/ for src/engine/worker/createEngineWorker.ts).
 */
const workerUrlPlugin = (outDir: (file: string) => string = () => path.join(dist, 'engine')) => ({
  name: 'engine-worker-url',
  setup(build: PluginBuild) {
    build.onLoad(
      { filter: /(createEngineWorker|createTrainingSession|enableWebGPU|shippedModel)\.ts$/ },
      async (args: { path: string }) => {
        const dir = outDir(args.path);
        const workers = relativeUrl(dir, path.join(dist, 'engine'));
        const assets = relativeUrl(dir, path.join(root, 'assets'));
        return {
          contents: (await readFile(args.path, 'utf8'))
            .replace(/'\.\/(engineWorker|engineWorkerWebgpu|trainerWorker)\.ts'/g, `'${workers}/$1.js'`)
            .replace(/'\.\.\/\.\.\/\.\.\/assets\//g, `'${assets}/`),
          loader: 'ts',
        };
      },
    );
  },
});

/** Inside the Worker files, which register their onnxruntime-web build statically, no default build (ortDefault.ts). */
const noDefaultOrtPlugin = {
  name: 'no-default-ort',
  setup(build: PluginBuild) {
    build.onLoad({ filter: /ortDefault\.ts$/ }, () => ({
      contents: 'export const defaultWasmLoader = undefined;',
      loader: 'ts',
    }));
  },
};

/**
 * CJS and the bundled `diffusion-kit/webgpu`: components import the engine only through its two entries
 * (test/unit/engineEntryImports.test.ts): `src/engine`, which the build points at the package's own
 * `diffusion-kit/engine`, and `src/engine/internal`, which it points at the built dist/engine/internal.js (or .cjs)
 * by a relative path, since package.json does not export it (`internal`: that file from the importing entry's
 * folder). The two share their chunks (the engine build below), so there is one copy of the engine, one set of
 * classes, one configuration.
 */
const engineAsPackagePlugin = (internal: string) => ({
  name: 'engine-as-package',
  setup(build: PluginBuild) {
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

/** The ESM entries of the package (package.json's exports, less the Workers and `diffusion-kit/webgpu`). */
const ESM_ENTRIES = ['src/index.ts', 'src/math.ts', 'src/three.tsx', 'src/engine/index.ts', 'src/engine/internal.ts'];

/**
 * Every module under src/ that the ESM entries reach, statically or by import(), after TypeScript's type-only
 * imports are gone: esbuild resolves them once (nothing written), the npm packages left out.
 */
async function esmModules(): Promise<string[]> {
  const result = await esbuild({
    entryPoints: ESM_ENTRIES,
    bundle: true,
    splitting: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: path.join(root, '.esm-modules'),
    packages: 'external',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs)
    .filter((file) => file.startsWith('src/'))
    .sort();
}

/** A source file's module in the ESM build: src/a/b.tsx is dist/a/b.js. */
const moduleName = (file: string) =>
  path
    .relative(path.join(root, 'src'), path.resolve(root, file))
    .replace(/\.tsx?$/, '')
    .split(path.sep)
    .join('/');

/** The file a relative import names (TypeScript's extensionless and folder imports). */
function resolveSource(target: string): string | null {
  for (const candidate of [
    target,
    `${target}.ts`,
    `${target}.tsx`,
    path.join(target, 'index.ts'),
    path.join(target, 'index.tsx'),
  ]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The ESM build keeps one file per module: each relative import stays an import, of the sibling module's built
 * file (the same path as in src/, `.js`). A bundler then drops every module none of whose exports a page uses
 * (`"sideEffects": false`), whatever its top level does, and pays for nothing else.
 */
const modulePerFilePlugin = (modules: ReadonlySet<string>) => ({
  name: 'module-per-file',
  setup(build: PluginBuild) {
    build.onResolve(
      { filter: /^\.\.?\// },
      (args: { path: string; resolveDir: string; importer: string; kind: string }) => {
        if (args.kind === 'entry-point') return undefined;
        const file = resolveSource(path.resolve(args.resolveDir, args.path));
        if (!file || !modules.has(path.resolve(file))) {
          throw new Error(
            `module-per-file: ${args.path} (from ${args.importer}) is not one of the ESM build's modules`,
          );
        }
        return { path: relativeUrl(path.dirname(args.importer), file).replace(/\.tsx?$/, '.js'), external: true };
      },
    );
  },
});

// The builds:
// - ESM, every entry: one file per module of src/ (dist/ mirrors src/), so that tree shaking works at the
//   granularity of modules whatever their top level does. 'use client' stays on the entries that carry it.
//   `diffusion-kit/engine` is dist/engine/index.js and the components import the same engine files, by relative
//   paths: one copy of the engine, one set of classes, one configuration.
// - CJS: the engine's public entry and its internal one, with code splitting so that they share one copy of the
//   engine; their chunks stay in dist/engine/ (chunkNames), so the Workers' and the model's relative URLs hold.
//   The components (`index`, `math`, `three`), bundled with splitting, reaching the engine through its entries.
// - The types (both formats): the engine's public entry; the components' entries, whose .d.ts carry the internal
//   types they use.
// - The Worker entries (the training Worker; the engine Workers, each naming one onnxruntime-web build), each one
//   bundle, and `diffusion-kit/webgpu`, which reaches the engine through its entries (one copy of its settings).
// `diffusion-kit/math`, the KaTeX formula component, and `diffusion-kit/three`, ScoreFieldPlot with its 3-D view,
// are entries of their own so that only they need katex, three and @react-three/fiber.
export default defineConfig(async (): Promise<Options[]> => {
  const modules = await esmModules();
  const moduleSet = new Set(modules.map((file) => path.resolve(root, file)));
  return [
    {
      ...shared,
      format: ['esm'],
      dts: false,
      entry: Object.fromEntries(modules.map((file) => [moduleName(file), file])),
      splitting: false,
      esbuildPlugins: [
        workerUrlPlugin((file) => path.dirname(path.join(dist, `${moduleName(file)}.js`))),
        modulePerFilePlugin(moduleSet),
      ],
      // diffusion-kit/styles.css: the stylesheet the figures adopt at run time, as a file for pages that render on
      // the server and want the look from the first paint.
      async onSuccess() {
        const { KIT_CSS } = await import(pathToFileURL(path.join(dist, 'theme/kitCss.js')).href);
        await writeFile(path.join(dist, 'styles.css'), `/* diffusion-kit: the figures' stylesheet */\n${KIT_CSS}`);
      },
    },
    {
      ...shared,
      format: ['cjs'],
      dts: false,
      entry: { 'engine/index': 'src/engine/index.ts', 'engine/internal': 'src/engine/internal.ts' },
      splitting: true,
      esbuildOptions(options) {
        options.chunkNames = 'engine/[name]-[hash]';
      },
      esbuildPlugins: [workerUrlPlugin()],
    },
    { ...shared, entry: { 'engine/index': 'src/engine/index.ts' }, dts: { only: true } },
    {
      ...shared,
      entry: { 'engine/trainerWorker': 'src/engine/training/trainerWorker.ts' },
      splitting: false,
      esbuildPlugins: [workerUrlPlugin()],
    },
    {
      ...shared,
      entry: {
        'engine/engineWorker': 'src/engine/worker/engineWorker.ts',
        'engine/engineWorkerWebgpu': 'src/engine/worker/engineWorkerWebgpu.ts',
      },
      splitting: false,
      esbuildPlugins: [workerUrlPlugin(), noDefaultOrtPlugin],
    },
    {
      ...shared,
      entry: { 'engine/webgpu': 'src/engine/worker/enableWebGPU.ts' },
      splitting: false,
      esbuildPlugins: [workerUrlPlugin(), engineAsPackagePlugin('./internal')],
    },
    {
      ...shared,
      format: ['cjs'],
      dts: false,
      entry: { index: 'src/index.ts', math: 'src/math.ts', three: 'src/three.tsx' },
      splitting: true,
      // d3-scale and its d3 packages ship only as ES modules: the CommonJS build carries its own copy, so that a
      // require() of the kit works where require(esm) does not (older Node, Jest without a transform).
      noExternal: [/^d3-/, 'internmap'],
      esbuildPlugins: [engineAsPackagePlugin('./engine/internal')],
    },
    { ...shared, entry: { index: 'src/index.ts', math: 'src/math.ts', three: 'src/three.tsx' }, dts: { only: true } },
  ];
});
