#!/usr/bin/env node
// The package as npm would publish it, checked by the two linters every TypeScript library runs: publint (the
// package.json's entry points, exports and files) and @arethetypeswrong/cli (the types each entry resolves to under
// node16 CJS, node16 ESM and bundlers; node10, which cannot read `exports` subpaths, is left out). Packs once with
// --ignore-scripts (npm test has just built dist/; `prepack` would build it again). Exits non-zero on any problem.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'dk-pack-'));
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
let failed = 0;
try {
  const name = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir]).trim().split('\n').pop();
  const tgz = path.join(dir, name);
  for (const [label, cmd, args] of [
    ['publint', 'npx', ['publint', '--strict', tgz]],
    [
      'attw',
      'npx',
      ['attw', tgz, '--profile', 'node16', '--format', 'table-flipped', '--exclude-entrypoints', './styles.css'],
    ],
  ]) {
    try {
      console.log(run(cmd, args));
      console.log(`check:package ${label}: ok`);
    } catch (error) {
      failed++;
      console.log(String(error.stdout ?? ''));
      console.error(`check:package ${label}: FAILED`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
