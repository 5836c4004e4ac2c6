// Bundle budget of the chart components, measured on the built package (`npm test` builds before vitest):
// importing a chart must never pull in the model runtime or the 3-D stack up front, and the plain charts must
// not reach them at all. measureImport bundles `export { X } from 'diffusion-kit'` with esbuild (tree-shaken,
// React external) and follows the static imports, the import()s that survive tree shaking, and Workers.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distDir, formatTable, measureImport, type ImportCost } from '../../bench/bundleSize.mjs';

const built = existsSync(path.join(distDir, 'index.js')) && existsSync(path.join(distDir, 'engine/index.js'));
const kit: Record<string, unknown> = built ? await import(/* @vite-ignore */ path.join(distDir, 'index.js')) : {};

/** Charts that must not reach onnxruntime-web, three or @react-three/fiber in any way. */
const PLAIN_CHARTS = [
  'GaussianSampler',
  'PixelGrid',
  'NoiseScheduleChart',
  'ScoreFieldPlot',
  'GuidanceField',
  'DiffusionTrainer',
];
/** DatasetMap is checked once the build exports it. */
const OPTIONAL_PLAIN_CHARTS = ['DatasetMap'];
const THREE_D = ['three', '@react-three/fiber'];
/**
 * Initial JavaScript (gzip, KiB) a page pays for one chart: about twice what each costs when tree shaking works
 * (38 to 47 KiB for the charts, 204 KiB for DatasetMap with its 400 glyphs, measured 2026-11), so that one
 * import dragging in every other component and its data (265 KiB) fails.
 */
const BUDGET_GZIP_KIB: Record<string, number> = {
  GaussianSampler: 96,
  PixelGrid: 96,
  NoiseScheduleChart: 96,
  ScoreFieldPlot: 96,
  GuidanceField: 96,
  DiffusionTrainer: 96,
  DatasetMap: 256,
};

const rows: ImportCost[] = [];
const measured = new Map<string, Promise<ImportCost>>();
function cost(name: string): Promise<ImportCost> {
  let p = measured.get(name);
  if (!p) {
    p = measureImport(name).then((row) => (rows.push(row), row));
    measured.set(name, p);
  }
  return p;
}

describe('bundle budget of the chart components (built dist)', () => {
  afterAll(() => {
    if (rows.length)
      console.log(
        `\nWhat importing each chart costs (esbuild, minified, gzip; React external):\n${formatTable(rows)}\n`,
      );
  });

  it('has a build to measure', () => {
    expect(built, `No built package at ${distDir}: run \`npm run build\` first (npm test builds before vitest).`).toBe(
      true,
    );
  });

  const charts = [...PLAIN_CHARTS, ...OPTIONAL_PLAIN_CHARTS];
  for (const name of charts) {
    const optional = OPTIONAL_PLAIN_CHARTS.includes(name);
    it.skipIf(!built || (optional && !(name in kit)))(
      `${name} loads no heavy library up front`,
      { timeout: 60_000 },
      async () => {
        expect(name in kit, `${name} is not exported by the built package`).toBe(true);
        const row = await cost(name);
        expect(row.staticHeavy, `${name} statically reaches ${row.staticHeavy.join(', ')}`).toEqual([]);
        // A sanity floor: a chart is real code, so a near-empty bundle means the measurement broke.
        expect(row.initialRawKiB).toBeGreaterThan(1);
      },
    );

    it.skipIf(!built || (optional && !(name in kit)))(
      `${name} stays within its budget of initial JavaScript`,
      { timeout: 60_000 },
      async () => {
        const row = await cost(name);
        const budget = BUDGET_GZIP_KIB[name]!;
        expect(
          row.initialGzipKiB,
          `${name} costs ${row.initialGzipKiB} KiB gzip up front (budget ${budget} KiB): is the rest of the kit no longer tree-shaken away?`,
        ).toBeLessThanOrEqual(budget);
      },
    );
  }

  for (const name of [...PLAIN_CHARTS, ...OPTIONAL_PLAIN_CHARTS]) {
    const optional = OPTIONAL_PLAIN_CHARTS.includes(name);
    it.skipIf(!built || (optional && !(name in kit)))(
      `${name} reaches no heavy library at all, not even lazily or in a Worker`,
      { timeout: 60_000 },
      async () => {
        const row = await cost(name);
        const reached = [...row.staticHeavy, ...row.lazyHeavy, ...row.workerHeavy];
        expect(
          reached,
          `${name} reaches ${reached.join(', ')} (lazily: ${row.lazyHeavy.join(', ') || 'none'}; in a Worker: ${row.workerHeavy.join(', ') || 'none'}). ` +
            'Usually a top-level call that the bundler cannot drop, e.g. forwardRef/lazy/memo of another component without a /* @__PURE__ */ annotation.',
        ).toEqual([]);
      },
    );
  }

  it.skipIf(!built)('Math (diffusion-kit/math) loads katex and nothing else heavy', { timeout: 60_000 }, async () => {
    const row = await measureImport('Math', 'diffusion-kit/math');
    rows.push({ ...row, name: 'Math (diffusion-kit/math)' });
    expect(row.staticHeavy).toEqual(['katex']);
    expect([...row.lazyHeavy, ...row.workerHeavy]).toEqual([]);
  });

  it.skipIf(!built)(
    'DiffusionTrainer trains in a Worker of its own, which reaches no heavy library',
    { timeout: 60_000 },
    async () => {
      const row = await cost('DiffusionTrainer');
      expect(row.workers.map((w) => path.basename(w))).toEqual(['trainerWorker.js']);
      expect(row.workerHeavy).toEqual([]);
    },
  );

  it.skipIf(!built)(
    "ScoreFieldPlot from 'diffusion-kit/three' reaches three and @react-three/fiber only lazily, and never the model runtime",
    { timeout: 60_000 },
    async () => {
      const row = await measureImport('ScoreFieldPlot', 'diffusion-kit/three');
      rows.push({ ...row, name: 'ScoreFieldPlot (diffusion-kit/three)' });
      expect(row.staticHeavy).toEqual([]);
      expect([...row.lazyHeavy].sort()).toEqual([...THREE_D].sort());
      expect(row.workerHeavy, 'ScoreFieldPlot starts a Worker that reaches the model runtime').toEqual([]);
      expect(row.initialGzipKiB).toBeLessThanOrEqual(BUDGET_GZIP_KIB.ScoreFieldPlot!);
    },
  );

  it.skipIf(!built)(
    "the root entry and the engine never name three, @react-three/fiber or onnxruntime-web's WebGPU build",
    () => {
      for (const file of ['index.js', 'index.cjs', 'engine/index.js', 'engine/engineWorker.js']) {
        const code = readFileSync(path.join(distDir, file), 'utf8');
        expect(code, `${file} names three`).not.toMatch(/from\s*["']three["']|import\(\s*["']three["']\)/);
        expect(code, `${file} names @react-three`).not.toMatch(/["']@react-three\//);
        expect(code, `${file} names the WebGPU build (its 27 MB wasm would be emitted by every site)`).not.toMatch(
          /onnxruntime-web\/webgpu/,
        );
      }
      // The default engine Worker imports the CPU build statically and nothing lazily: one bundle under any worker
      // format.
      const worker = readFileSync(path.join(distDir, 'engine/engineWorker.js'), 'utf8');
      expect(worker).toMatch(/from\s*["']onnxruntime-web\/wasm["']/);
      expect(worker).not.toMatch(/\bimport\(/);
    },
  );

  /**
   * Model-driven figures: onnxruntime-web only behind the engine's Worker (or an import()), never up front, and
   * no 3-D stack; their initial JavaScript within the chart budget (SamplerRace includes its visx chart).
   */
  for (const name of ['AttentionMap', 'SamplerRace', 'LatentWalk', 'GlyphSketch']) {
    it.skipIf(!built)(
      `${name} loads the model runtime only lazily or in the Worker, within 96 KiB gzip up front`,
      { timeout: 60_000 },
      async () => {
        const row = await cost(name);
        expect(row.staticHeavy, `${name} statically reaches ${row.staticHeavy.join(', ')}`).toEqual([]);
        const reached = [...row.lazyHeavy, ...row.workerHeavy];
        expect(reached, `${name} reaches no model runtime at all: is its Worker still found?`).toContain(
          'onnxruntime-web',
        );
        expect(reached.filter((lib) => lib !== 'onnxruntime-web')).toEqual([]);
        expect(row.initialGzipKiB).toBeLessThanOrEqual(96);
      },
    );
  }
});
