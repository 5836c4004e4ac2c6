import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(__dirname, '../../src');
const engineDir = path.join(srcDir, 'engine');
/** The engine's public entry, as tsup.config.ts maps it to `diffusion-kit/engine`: the folder or its index file. */
const ENGINE_ENTRY = new Set([engineDir, path.join(engineDir, 'index'), path.join(engineDir, 'index.ts')]);

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

/** The imports in `file` that reach into the engine past its entry. */
function deepEngineImports(file: string, text: string): string[] {
  return specifiers(text).filter((spec) => {
    if (!spec.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), spec);
    return (target === engineDir || target.startsWith(engineDir + path.sep)) && !ENGINE_ENTRY.has(target);
  });
}

describe('imports of the engine from the rest of src/', () => {
  it('go through its public entry, src/engine/index.ts, only', () => {
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
      "import { randn } from '../../engine/rng/randn';",
      "export { noiseSchedule } from '../../engine/schedules';",
      "const lazy = () => import('../../engine/model/ort');",
      "import { engineLike } from './engineLike';",
    ].join('\n');
    expect(deepEngineImports(file, text)).toEqual(['../../engine/rng/randn', '../../engine/schedules', '../../engine/model/ort']);
  });
});
