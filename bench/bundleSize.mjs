// What importing each export of the built kit costs a consumer: esbuild bundles `import { X } from
// 'diffusion-kit'` (minified, tree-shaken, react and react-dom left out as the host's), and we measure the
// initial JavaScript (gzip) and list which heavy libraries are reached statically or only through import().
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HEAVY = ['onnxruntime-web', 'three', '@react-three/fiber'];

/** Bundles one named import of the package and returns its size and the heavy libraries it reaches. */
export async function measureImport(name, entry = 'diffusion-kit') {
  const result = await build({
    stdin: { contents: `export { ${name} } from '${entry}';`, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: path.join(root, 'bench/.bundle-out'),
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
    alias: { 'diffusion-kit/engine': path.join(root, 'dist/engine/index.js'), 'diffusion-kit': path.join(root, 'dist/index.js') },
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
    loader: { '.wasm': 'file' },
  });
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  // Follow static imports from the entry chunk: that is what loads before the component can render.
  const initial = new Set();
  const stack = [entryOut];
  while (stack.length) {
    const out = stack.pop();
    if (initial.has(out)) continue;
    initial.add(out);
    for (const imp of outputs[out].imports) if (imp.kind === 'import-statement' && outputs[imp.path]) stack.push(imp.path);
  }
  const heavyIn = (outs) =>
    HEAVY.filter((lib) => outs.some((o) => Object.keys(outputs[o].inputs).some((input) => input.includes(`node_modules/${lib}/`))));
  const files = new Map(result.outputFiles.map((f) => [path.relative(root, f.path), f.contents]));
  let initialGzip = 0;
  let initialRaw = 0;
  for (const out of initial) {
    const bytes = files.get(out);
    initialRaw += bytes.length;
    initialGzip += gzipSync(bytes).length;
  }
  const lazy = Object.keys(outputs).filter((o) => !initial.has(o) && o.endsWith('.js'));
  return {
    name,
    initialGzipKiB: +(initialGzip / 1024).toFixed(1),
    initialRawKiB: +(initialRaw / 1024).toFixed(1),
    staticHeavy: heavyIn([...initial]),
    lazyHeavy: heavyIn(lazy),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFile } = await import('node:fs/promises');
  const kit = await import(path.join(root, 'dist/index.js')).catch(() => null);
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(kit ?? {}).filter((k) => /^[A-Z]/.test(k));
  const rows = [];
  for (const n of names) rows.push(await measureImport(n));
  console.log('| import | initial JS gzip (KiB) | raw (KiB) | heavy libraries loaded up front | loaded lazily |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.initialGzipKiB} | ${r.initialRawKiB} | ${r.staticHeavy.join(', ') || 'none'} | ${r.lazyHeavy.join(', ') || 'none'} |`);
  await writeFile(path.join(root, 'bench/results/bundle-size.json'), JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2) + '\n');
}
