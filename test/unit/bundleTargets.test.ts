// Pay only for what you import, measured on the built package (`npm test` builds before vitest): the package ships
// one file per module with `"sideEffects": false` (tsup.config.ts), so a page that imports a constant or ThemeScope
// gets that module and what it uses, not the shared code of every figure. bench/bundleSize.mjs prints the same
// targets (TARGETS) after its table; NoiseScheduleChart's target is checked here too.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS, distDir, measureImport } from '../../bench/bundleSize.mjs';

const built = existsSync(path.join(distDir, 'index.js')) && existsSync(path.join(distDir, 'engine/index.js'));

/** Exports that are a constant or a tiny component: each costs no more than a constant may (KIT_VERSION's target). */
const CONSTANT_SIZED = ['KIT_VERSION', 'ThemeScope', 'lightTheme', 'darkTheme', 'themeVar', 'cssVarName'];

describe('pay only for what you import (built dist)', () => {
  it('measures a fresh build (npm test builds before vitest; alone, run `npm run build` first)', () => {
    expect(built, `no built package in ${path.relative(process.cwd(), distDir)}: run \`npm run build\` first`).toBe(
      true,
    );
  });
  for (const name of CONSTANT_SIZED) {
    it(`${name} costs at most ${TARGETS.KIT_VERSION} KiB gzip up front`, { timeout: 60_000 }, async () => {
      const row = await measureImport(name);
      expect(
        row.initialGzipKiB,
        `importing ${name} alone costs ${row.initialGzipKiB} KiB gzip: does the build still keep one file per module, and package.json "sideEffects": false?`,
      ).toBeLessThanOrEqual(TARGETS.KIT_VERSION!);
    });
  }

  it(
    `NoiseScheduleChart alone costs at most ${TARGETS.NoiseScheduleChart} KiB gzip up front`,
    { timeout: 60_000 },
    async () => {
      const row = await measureImport('NoiseScheduleChart');
      expect(row.initialGzipKiB, 'a chart-only page: what new dependency does the chart reach?').toBeLessThanOrEqual(
        TARGETS.NoiseScheduleChart!,
      );
    },
  );
});
