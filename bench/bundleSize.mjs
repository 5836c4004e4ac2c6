// What importing each export of the built kit costs a consumer: esbuild bundles `import { X } from
// 'diffusion-kit'` (minified, tree-shaken, react and react-dom left out as the host's), and we measure the
// initial JavaScript (gzip) and list which heavy libraries are reached statically, only through import(), or
// only inside a Web Worker started with `new Worker(new URL('./x.js', import.meta.url))` (esbuild does not
// follow those, bundlers such as Vite do: we bundle the worker file separately and report what it reaches).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// katex is heavy for a page that only wants a chart (about 75 KiB gzip): only `diffusion-kit/math` may load it.
export const HEAVY = ['onnxruntime-web', 'three', '@react-three/fiber', 'katex'];

/**
 * Pay only for what you import: the most initial JavaScript (gzip, KiB) that importing one export may cost. A
 * constant must not drag in the kit (the package ships one file per module, `"sideEffects": false`); a plain
 * chart pays for itself, its helpers and its view libraries only. Printed after the table; `--check` exits 1 when
 * one is over.
 */
export const TARGETS = { KIT_VERSION: 2, NoiseScheduleChart: 30 };

/** One line per target among the measured rows: `KIT_VERSION 0.3 KiB (limit 2): ok`. */
export function formatTargets(rows) {
  return Object.entries(TARGETS)
    .map(([name, limit]) => {
      const row = rows.find((r) => r.name === name);
      if (!row) return null;
      const over = +(row.initialGzipKiB - limit).toFixed(1);
      return `${name} ${row.initialGzipKiB} KiB (limit ${limit}): ${over > 0 ? `OVER by ${over} KiB` : 'ok'}`;
    })
    .filter(Boolean)
    .join('\n');
}

/** The targets that the measured rows exceed. */
export function overTargets(rows) {
  return rows.filter((r) => r.name in TARGETS && r.initialGzipKiB > TARGETS[r.name]).map((r) => r.name);
}

/** The built package to measure: `dist/`, or another build's folder given as BUNDLE_DIST (e.g. to try a fix). */
export const distDir = path.resolve(root, process.env.BUNDLE_DIST ?? 'dist');
const aliases = () => ({
  'diffusion-kit/engine': path.join(distDir, 'engine/index.js'),
  'diffusion-kit/math': path.join(distDir, 'math.js'),
  'diffusion-kit/three': path.join(distDir, 'three.js'),
  'diffusion-kit/webgpu': path.join(distDir, 'engine/webgpu.js'),
  'diffusion-kit': path.join(distDir, 'index.js'),
});

/** esbuild options shared by the import and the worker measurements (host's React left out). */
function bundleOptions(stdinOrEntry) {
  return {
    ...stdinOrEntry,
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: path.join(root, 'bench/.bundle-out'),
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
    alias: aliases(),
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
    loader: { '.wasm': 'file' },
  };
}

/** The output files reachable from `start` through edges of the given kinds (outputs only, externals skipped). */
function reach(outputs, start, kinds) {
  const seen = new Set();
  const stack = [...start];
  while (stack.length) {
    const out = stack.pop();
    if (seen.has(out)) continue;
    seen.add(out);
    for (const imp of outputs[out].imports) if (kinds.includes(imp.kind) && outputs[imp.path]) stack.push(imp.path);
  }
  return seen;
}

const WORKER_URL = /new\s+Worker\(\s*new\s+URL\(\s*["'](\.{1,2}\/[^"']+\.m?js)["']\s*,\s*import\.meta\.url\s*\)/g;

/**
 * Worker files that the reached outputs start: `new Worker(new URL('./w.js', import.meta.url))` is resolved
 * against the directory of each input module of that output (the URL is relative to the original module).
 */
function workerFiles(outputs, files, outs) {
  const found = new Set();
  for (const out of outs) {
    const text = new TextDecoder().decode(files.get(out) ?? new Uint8Array());
    for (const m of text.matchAll(WORKER_URL)) {
      for (const input of Object.keys(outputs[out].inputs)) {
        const candidate = path.resolve(root, path.dirname(input), m[1]);
        if (existsSync(candidate)) found.add(candidate);
      }
    }
  }
  return [...found];
}

/** Which heavy libraries appear among the inputs of these outputs. */
function heavyIn(outputs, outs) {
  return HEAVY.filter((lib) =>
    [...outs].some((o) => Object.keys(outputs[o].inputs).some((input) => input.includes(`node_modules/${lib}/`))),
  );
}

/** What a Worker file reaches, statically or lazily (it is a separate download, started on demand). */
async function measureWorker(file) {
  const result = await build(bundleOptions({ entryPoints: [file] }));
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  return heavyIn(outputs, reach(outputs, [entryOut], ['import-statement', 'dynamic-import']));
}

/**
 * Bundles one named import of the package and returns its size and the heavy libraries it reaches:
 * `staticHeavy` load before the component can render, `lazyHeavy` only through an import() that is still in
 * the tree-shaken code, `workerHeavy` only inside a Web Worker that the code can start.
 */
export async function measureImport(name, entry = 'diffusion-kit') {
  const result = await build(
    bundleOptions({ stdin: { contents: `export { ${name} } from '${entry}';`, resolveDir: root, loader: 'js' } }),
  );
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  // Static imports from the entry chunk: what loads before the component can render. Then the chunks that
  // the surviving code can import() later. Chunks esbuild emitted for an import() that tree shaking removed
  // are reached by nothing, so they do not count.
  const initial = reach(outputs, [entryOut], ['import-statement']);
  const all = reach(outputs, [entryOut], ['import-statement', 'dynamic-import']);
  const lazy = [...all].filter((o) => !initial.has(o));
  const files = new Map(result.outputFiles.map((f) => [path.relative(root, f.path), f.contents]));
  let initialGzip = 0;
  let initialRaw = 0;
  for (const out of initial) {
    const bytes = files.get(out);
    initialRaw += bytes.length;
    initialGzip += gzipSync(bytes).length;
  }
  const staticHeavy = heavyIn(outputs, initial);
  const lazyHeavy = heavyIn(outputs, lazy).filter((lib) => !staticHeavy.includes(lib));
  const workers = workerFiles(outputs, files, all);
  const workerHeavy = [...new Set((await Promise.all(workers.map(measureWorker))).flat())];
  return {
    name,
    initialGzipKiB: +(initialGzip / 1024).toFixed(1),
    initialRawKiB: +(initialRaw / 1024).toFixed(1),
    staticHeavy,
    lazyHeavy,
    workers: workers.map((w) => path.relative(root, w)),
    workerHeavy,
  };
}

/** The size table as Markdown. */
export function formatTable(rows) {
  const list = (xs) => xs.join(', ') || 'none';
  return [
    '| import | initial JS gzip (KiB) | raw (KiB) | heavy libraries loaded up front | loaded lazily (import()) | in a Web Worker |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.initialGzipKiB} | ${r.initialRawKiB} | ${list(r.staticHeavy)} | ${list(r.lazyHeavy)} | ${list(r.workerHeavy)} |`,
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFile } = await import('node:fs/promises');
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const given = args.filter((a) => a !== '--check');
  const kit = await import(path.join(distDir, 'index.js')).catch(() => null);
  const names = given.length ? given : Object.keys(kit ?? {}).filter((k) => /^[A-Z]/.test(k));
  const rows = [];
  for (const n of names) rows.push(await measureImport(n));
  // The formula component has an entry of its own (it is the one import that may load katex).
  if (!given.length && existsSync(path.join(distDir, 'math.js')))
    rows.push({ ...(await measureImport('Math', 'diffusion-kit/math')), name: 'Math (diffusion-kit/math)' });
  console.log(formatTable(rows));
  const targets = formatTargets(rows);
  if (targets) console.log(`\nTargets (initial JS, gzip):\n${targets}`);
  // Only the full run is the record (a run for a few names, or of another build, would overwrite it with less).
  if (!given.length && !process.env.BUNDLE_DIST) {
    await writeFile(
      path.join(root, 'bench/results/bundle-size.json'),
      JSON.stringify({ measuredAt: new Date().toISOString(), targets: TARGETS, rows }, null, 2) + '\n',
    );
  }
  if (check && overTargets(rows).length) process.exitCode = 1;
}
