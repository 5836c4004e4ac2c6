import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const rootDir = path.resolve(__dirname, '../..');
const srcDir = path.join(rootDir, 'src');
const engineDir = path.join(srcDir, 'engine');
/**
 * The rule: code under src/ outside the engine reaches the engine through one of its two entries, nothing deeper.
 * `src/engine` (the folder or its index file) is the public API, which tsup.config.ts maps to `diffusion-kit/engine`;
 * `src/engine/internal` is what only the kit's components need, which the build maps to dist/engine/internal.js and
 * package.json does not export. Both share one copy of the engine in the build, so a class or a setting is the same
 * whichever entry a component took it from; a deeper import would bundle a second copy into the components.
 */
const ENGINE_ENTRIES = new Set([
  engineDir,
  path.join(engineDir, 'index'),
  path.join(engineDir, 'index.ts'),
  path.join(engineDir, 'internal'),
  path.join(engineDir, 'internal.ts'),
]);

/** Every .ts/.tsx file under `dir`, tests and stories included, skipping the engine itself. */
function filesOutsideEngine(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full === engineDir) return [];
    if (statSync(full).isDirectory()) return filesOutsideEngine(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The module specifiers of `import ... from`, `export ... from`, `import '...'` and `import('...')`. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The imports in `file` that reach into the engine past its two entries. */
function deepEngineImports(file: string, text: string): string[] {
  return specifiers(text).filter((spec) => {
    if (!spec.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), spec);
    return (target === engineDir || target.startsWith(engineDir + path.sep)) && !ENGINE_ENTRIES.has(target);
  });
}

describe('imports of the engine from the rest of src/', () => {
  it('go through its public entry, src/engine/index.ts, or its internal one, src/engine/internal.ts, only', () => {
    const files = filesOutsideEngine(srcDir);
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((file) =>
      deepEngineImports(file, readFileSync(file, 'utf8')).map((spec) => `${path.relative(srcDir, file)}: ${spec}`),
    );
    expect(offences).toEqual([]);
  });

  it('are told apart: the entry passes, a deep path does not', () => {
    const file = path.join(srcDir, 'components/X/X.ts');
    const text = [
      "import { createRng } from '../../engine';",
      "import type { Rng } from '../../engine/index';",
      "import { histogram } from '../../engine/internal';",
      "import { randn } from '../../engine/rng/randn';",
      "export { noiseSchedule } from '../../engine/schedules';",
      "const lazy = () => import('../../engine/model/ort');",
      "import { engineLike } from './engineLike';",
    ].join('\n');
    expect(deepEngineImports(file, text)).toEqual([
      '../../engine/rng/randn',
      '../../engine/schedules',
      '../../engine/model/ort',
    ]);
  });
});

/**
 * The names a module exports, as `export { a, type B as C } from '...'` lists write them (`C`), and whether it uses
 * `export *`.
 */
function exportedNames(file: string): { names: string[]; star: boolean } {
  const text = readFileSync(file, 'utf8');
  const names = [...text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((item) =>
        item
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      )
      .filter(Boolean),
  );
  return { names, star: /^export\s+\*/m.test(text) };
}

describe("the engine's two entries", () => {
  const publicEntry = exportedNames(path.join(engineDir, 'index.ts'));
  const internalEntry = exportedNames(path.join(engineDir, 'internal.ts'));

  it('list their exports by name (no `export *`)', () => {
    expect(publicEntry.star).toBe(false);
    expect(internalEntry.star).toBe(false);
    expect(publicEntry.names.length).toBeGreaterThan(50);
    expect(internalEntry.names.length).toBeGreaterThan(10);
  });

  it('never export the same name twice: a public name is imported from the public entry', () => {
    const publicNames = new Set(publicEntry.names);
    expect(internalEntry.names.filter((name) => publicNames.has(name))).toEqual([]);
    expect(new Set(publicEntry.names).size).toBe(publicEntry.names.length);
    expect(new Set(internalEntry.names).size).toBe(internalEntry.names.length);
  });

  it('publish only the public one: no export of package.json reaches the internal entry', () => {
    const pkg = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      imports?: unknown;
    };
    expect(JSON.stringify(pkg.exports)).not.toMatch(/internal/);
    expect(pkg.imports).toBeUndefined();
    expect(JSON.stringify(pkg.exports['./engine'])).toMatch(/dist\/engine\/index\./);
  });
});
