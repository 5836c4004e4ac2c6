import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const engineDir = path.resolve(__dirname, '../../src/engine');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * The two Worker entries import their onnxruntime-web build statically (one bundle, no code splitting, whatever
 * the host's worker format); they run only inside the engine's Worker and no engine module imports them.
 */
const WORKER_ENTRIES = ['worker/engineWorker.ts', 'worker/engineWorkerWebgpu.ts'];

const FORBIDDEN =
  /^(react|react-dom|react\/.*|react-dom\/.*|three|three\/.*|@react-three\/.*|@visx\/.*|@storybook\/.*)$/;

describe('the engine boundary', () => {
  it('has no static import of React, a view library or onnxruntime (only lazy import() of the runtime)', () => {
    const files = sourceFiles(engineDir);
    expect(files.length).toBeGreaterThan(3);
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = match[1]!;
        const entry = WORKER_ENTRIES.includes(path.relative(engineDir, file));
        if (FORBIDDEN.test(spec) || (spec.startsWith('onnxruntime') && !entry))
          offences.push(`${path.relative(engineDir, file)}: ${spec}`);
        if (/(^|\/)engineWorker(Webgpu)?$/.test(spec))
          offences.push(`${path.relative(engineDir, file)}: imports the Worker entry ${spec}`);
      }
      for (const match of text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g))
        offences.push(`${path.relative(engineDir, file)}: require(${match[1]})`);
      if (/\.tsx$/.test(file)) offences.push(`${path.relative(engineDir, file)}: a .tsx file`);
    }
    expect(offences).toEqual([]);
  });

  describe('at import time', () => {
    const touched: string[] = [];
    const globals = ['window', 'document', 'navigator', 'self', 'localStorage', 'location'] as const;
    const saved = new Map<string, PropertyDescriptor | undefined>();

    afterEach(() => {
      for (const name of globals) {
        const d = saved.get(name);
        if (d) Object.defineProperty(globalThis, name, d);
        else delete (globalThis as Record<string, unknown>)[name];
      }
      vi.doUnmock('react');
      vi.doUnmock('react-dom');
      vi.resetModules();
    });

    // The whole engine is imported afresh: seconds on a busy 2-core machine.
    it('touches no DOM global and never loads React', { timeout: 60_000 }, async () => {
      for (const name of globals) {
        saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
        Object.defineProperty(globalThis, name, {
          configurable: true,
          get() {
            touched.push(name);
            return undefined;
          },
        });
      }
      vi.doMock('react', () => {
        throw new Error('the engine loaded react');
      });
      vi.doMock('react-dom', () => {
        throw new Error('the engine loaded react-dom');
      });
      vi.resetModules();
      const engine = await import('../../src/engine/index');
      expect(typeof engine.createRng).toBe('function');
      expect(touched).toEqual([]);
    });
  });
});
