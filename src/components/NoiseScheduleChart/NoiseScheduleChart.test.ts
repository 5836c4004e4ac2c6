import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { noiseSchedule } from '../../engine';
import { QUANTITIES } from './quantities';
import {
  buildNoiseScheduleChartModel,
  checkChartT,
  DEFAULT_SERIES,
  useNoiseScheduleChart,
  valueAt,
} from './useNoiseScheduleChart';

const model = buildNoiseScheduleChartModel(DEFAULT_SERIES, QUANTITIES).model!;
const [linear, cosine] = model.series as [(typeof model.series)[0], (typeof model.series)[0]];

describe('the default chart', () => {
  it('compares linear and squaredcos_cap_v2 with 1000 steps in five panels', () => {
    expect(model.series.map((s) => s.label)).toEqual(['linear', 'cosine (squaredcos_cap_v2)']);
    expect(model.maxSteps).toBe(1000);
    expect(model.panels.map((p) => p.quantity)).toEqual(['beta', 'alphaBar', 'sqrtAlphaBar', 'snr', 'logSnr']);
    expect(model.panels.find((p) => p.quantity === 'snr')!.log).toBe(true);
  });

  it('plots exactly the engine numbers', () => {
    const engine = {
      linear: noiseSchedule({ betaSchedule: 'linear', numTrainTimesteps: 1000 }),
      cosine: noiseSchedule({ betaSchedule: 'squaredcos_cap_v2', numTrainTimesteps: 1000 }),
    };
    for (const t of [0, 1, 250, 500, 998, 999]) {
      expect(valueAt(linear, 'beta', t)).toBe(engine.linear.betas[t]);
      expect(valueAt(linear, 'alphaBar', t)).toBe(engine.linear.alphasCumprod[t]);
      expect(valueAt(cosine, 'sqrtAlphaBar', t)).toBe(engine.cosine.sqrtAlphasCumprod[t]);
      expect(valueAt(cosine, 'snr', t)).toBe(engine.cosine.snr[t]);
      expect(valueAt(linear, 'logSnr', t)).toBe(engine.linear.logSnr[t]);
    }
  });

  it('agrees with the closed forms (derived by hand, not by the engine)', () => {
    // linear: beta_t = 1e-4 + t (0.02 - 1e-4) / 999
    expect(valueAt(linear, 'beta', 0)).toBeCloseTo(1e-4, 15);
    expect(valueAt(linear, 'beta', 999)).toBeCloseTo(0.02, 15);
    expect(valueAt(linear, 'beta', 500)).toBeCloseTo(1e-4 + (500 * 0.0199) / 999, 15);
    // cosine: while betas are below the cap, abar_t telescopes to f((t + 1)/T) / f(0), f(s) = cos^2((s + 0.008)/1.008
    // pi/2)
    const f = (s: number) => Math.cos(((s + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
    const abar = f(500 / 1000) / f(0);
    expect(valueAt(cosine, 'alphaBar', 499)).toBeCloseTo(abar, 12);
    expect(valueAt(cosine, 'snr', 499)).toBeCloseTo(abar / (1 - abar), 10);
    expect(valueAt(cosine, 'logSnr', 499)).toBeCloseTo(Math.log(abar / (1 - abar)), 10);
    expect(valueAt(cosine, 'sqrtAlphaBar', 499)).toBeCloseTo(Math.sqrt(abar), 12);
  });

  it('gives undefined past a schedule’s last step, and log extents of positive values only', () => {
    const mixed = buildNoiseScheduleChartModel(
      ['linear', { beta_schedule: 'linear', num_train_timesteps: 10 }],
      ['snr'],
    ).model!;
    expect(mixed.maxSteps).toBe(1000);
    expect(valueAt(mixed.series[1]!, 'snr', 10)).toBeUndefined();
    const zsnr = buildNoiseScheduleChartModel(
      [{ beta_schedule: 'linear', rescale_betas_zero_snr: true }],
      ['snr'],
    ).model!;
    // Zero terminal SNR: the last SNR is 0, which a log axis cannot show; the extent skips it.
    expect(valueAt(zsnr.series[0]!, 'snr', 999)).toBe(0);
    expect(zsnr.panels[0]!.extent[0]).toBeGreaterThan(0);
  });

  it('describes the schedules in words', () => {
    expect(model.description).toMatch(/linear \(1000 steps\): β from 1\.000e-4 to 0\.020/);
    expect(model.description).toMatch(/signal-to-noise ratio falls below 1 at t = \d+/);
  });
});

describe('bad props', () => {
  it('names the prop and the diffusers key', () => {
    expect(buildNoiseScheduleChartModel([], QUANTITIES).problem!.prop).toBe('schedules');
    const bad = buildNoiseScheduleChartModel(
      ['linear', { schedule: { beta_schedule: 'cosine' }, label: 'x' }],
      QUANTITIES,
    ).problem!;
    expect(bad.prop).toBe('schedules[1]');
    expect(bad.message).toMatch(/schedules\[1\]: beta_schedule must be one of/);
    expect(buildNoiseScheduleChartModel(['linear'], ['snr', 'entropy' as never]).problem!.prop).toBe('quantities');
    expect(checkChartT(1000, 1000)!.message).toMatch(/t must be an integer from 0 to 999; got 1000/);
    expect(checkChartT(2.5, 1000)!.prop).toBe('t');
    expect(checkChartT(undefined, 1000)).toBeNull();
  });
});

describe('useNoiseScheduleChart', () => {
  it('builds the model in a render and accepts labelled series', () => {
    let out: ReturnType<typeof useNoiseScheduleChart> | undefined;
    function Probe() {
      out = useNoiseScheduleChart([{ schedule: 'sigmoid', label: 'GeoDiff' }], ['beta']);
      return null;
    }
    renderToString(createElement(Probe));
    expect(out!.model!.series[0]!.label).toBe('GeoDiff');
    expect(out!.model!.panels).toHaveLength(1);
  });
});

const ENGINE_DIR = path.resolve(__dirname, '../../engine');

describe('import weight', () => {
  it('imports neither onnxruntime-web nor three, directly or through its relative imports', () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const spec = (m[1] ?? m[2])!;
        if (!spec.startsWith('.')) {
          external.add(spec);
          continue;
        }
        const base = path.resolve(path.dirname(file), spec);
        // The engine's two entries are the package's own `diffusion-kit/engine` and its sibling internal file in
        // the build; that a chart reaches no heavy library through them is checked on the build
        // (test/unit/bundleBudget.test.ts).
        if (base === ENGINE_DIR || base === path.join(ENGINE_DIR, 'internal')) {
          external.add(base === ENGINE_DIR ? 'diffusion-kit/engine' : 'diffusion-kit/engine (internal)');
          continue;
        }
        const next = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(existsSync);
        if (next) visit(next);
      }
    };
    visit(path.resolve(__dirname, 'index.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect([...external].filter((s) => /onnxruntime|^three|@react-three/.test(s))).toEqual([]);
    expect([...external].sort()).toEqual(expect.arrayContaining(['react', 'd3-scale']));
  });
});
