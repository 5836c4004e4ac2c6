import axe from 'axe-core';
import { flushSync } from 'react-dom';
import { type Root, createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScoreFieldPlot } from '../../three';
import type { ScoreFieldPlotProps } from './index';
import { computeScoreFieldFrame } from './scoreFieldModel';
import { computeScoreFieldModel } from './useScoreFieldPlot';

let root: Root | null = null;
let host: HTMLDivElement | null = null;

function mount(props: ScoreFieldPlotProps): HTMLDivElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  flushSync(() => root!.render(<ScoreFieldPlot {...props} />));
  return host;
}

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = null;
  host = null;
  vi.restoreAllMocks();
});

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p90: q(0.9), max: s[s.length - 1]!, mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

describe('ScoreFieldPlot in Chromium', () => {
  // Timings are logged, not asserted: this machine is shared and slow; the budget is 8 ms per redraw.
  for (const [name, props] of [
    ['ring, arrows + heatmap + 500 samples', { data: 'ring' }],
    [
      'two-moons (16 gaussians), + 24 flow paths',
      { data: 'two-moons', show: { trajectories: true }, trajectoryCount: 24 },
    ],
    ['spiral (14 gaussians), contours', { data: 'spiral', show: { density: 'contours' } }],
  ] as Array<[string, ScoreFieldPlotProps]>) {
    it(`redraws on a t change (32x32 arrows, 128x128 density): ${name}`, () => {
      const base: ScoreFieldPlotProps = {
        gridSize: 32,
        densityResolution: 128,
        sampleCount: 500,
        width: 480,
        height: 480,
        ...props,
      };
      const el = mount({ ...base, t: 0 });
      const figure = el.querySelector('[role="figure"]')!;
      const times: number[] = [];
      // Warm-up, then 60 t changes; each is a synchronous React render + layout-effect canvas draw.
      for (let i = 0; i < 70; i++) {
        const t = (i * 13) % 1000;
        const start = performance.now();
        flushSync(() => root!.render(<ScoreFieldPlot {...base} t={t} />));
        const ms = performance.now() - start;
        if (i >= 10) times.push(ms);
        expect(figure.getAttribute('data-t')).toBe(String(t));
      }
      const s = stats(times);
      // The model's share: the exact density and score grids and the noised samples, without React or canvas.
      const model = computeScoreFieldModel(
        {
          data: base.data ?? 'ring',
          schedule: 'squaredcos_cap_v2',
          seed: 0,
          sampleCount: 500,
          trajectoryCount: 0,
          trajectorySteps: 50,
          gridSize: 32,
          densityResolution: 128,
        },
        0,
      );
      const computeTimes: number[] = [];
      for (let i = 0; i < 70; i++) {
        const start = performance.now();
        computeScoreFieldFrame(model.base!, (i * 13) % 1000, { gridSize: 32, densityResolution: 128 });
        if (i >= 10) computeTimes.push(performance.now() - start);
      }
      const c = stats(computeTimes);
      console.log(
        `[ScoreFieldPlot redraw] ${name}: median ${s.median.toFixed(2)} ms, p90 ${s.p90.toFixed(2)} ms, ` +
          `max ${s.max.toFixed(2)} ms, mean ${s.mean.toFixed(2)} ms over ${times.length} t changes ` +
          `(of which the model: median ${c.median.toFixed(2)} ms)`,
      );
      expect(s.median).toBeGreaterThan(0);
    });
  }

  it('draws something on the canvas and changes it with t', () => {
    const el = mount({ data: 'ring', t: 0 });
    const canvas = el.querySelector<HTMLCanvasElement>('canvas[data-layer="field"]')!;
    const first = canvas.toDataURL();
    flushSync(() => root!.render(<ScoreFieldPlot data="ring" t={500} />));
    expect(canvas.toDataURL()).not.toBe(first);
  });

  it('has no axe violations, in 2-D with every layer', async () => {
    const el = mount({ data: 'two-moons', t: 300, show: { trajectories: true } });
    const result = await axe.run(el);
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('shows a clear message, not a crash, where WebGL is missing', async () => {
    const original = HTMLCanvasElement.prototype.getContext;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
      kind: string,
      ...rest: unknown[]
    ) {
      if (kind.startsWith('webgl')) return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
    } as typeof original);
    const el = mount({ view: '3d' });
    // The check runs once the lazy 3-D view has loaded: a wide deadline (vi.waitFor's default is one second).
    await vi.waitFor(() => expect(el.textContent).toContain('needs WebGL'), { timeout: 30_000 });
    expect(el.querySelector('[role="figure"]')).not.toBeNull();
  });

  it('catches a 3-D view that fails after the check (error boundary)', async () => {
    // Let the capability check pass but make three's renderer fail: WebGL contexts fail for canvases with a size.
    const original = HTMLCanvasElement.prototype.getContext;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
      kind: string,
      ...rest: unknown[]
    ) {
      if (kind.startsWith('webgl') && this.isConnected) return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
    } as typeof original);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const el = mount({ view: '3d' });
    await vi.waitFor(() => expect(el.textContent).toMatch(/3-D view could not start/), { timeout: 30_000 });
  });
});
