import { flushSync } from 'react-dom';
import { type Root, createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../shared/testing/axeViolations.browser';
import { ThemeScope } from '../../theme/ThemeScope';
import { GuidanceField, type GuidanceFieldProps } from './index';

let root: Root | null = null;
let host: HTMLDivElement | null = null;

function mount(node: React.ReactNode): HTMLDivElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  flushSync(() => root!.render(node));
  return host;
}

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = null;
  host = null;
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('GuidanceField in Chromium', () => {
  it('draws on the canvas, and the picture changes with w, t and the class', () => {
    const props: GuidanceFieldProps = { guidanceScale: 1, t: 0 };
    const el = mount(<GuidanceField {...props} />);
    const canvas = el.querySelector<HTMLCanvasElement>('canvas[data-layer="field"]')!;
    const blank = document.createElement('canvas');
    blank.width = canvas.width;
    blank.height = canvas.height;
    const first = canvas.toDataURL();
    expect(first).not.toBe(blank.toDataURL());
    const seen = new Set([first]);
    for (const next of [
      { guidanceScale: 8 },
      { guidanceScale: 8, t: 400 },
      { guidanceScale: 8, t: 400, classIndex: 2 },
    ]) {
      flushSync(() => root!.render(<GuidanceField {...props} {...next} />));
      seen.add(canvas.toDataURL());
    }
    expect(seen.size).toBe(4);
  });

  it('redraws a w change within a frame or so (timings logged; the machine is shared)', () => {
    const el = mount(<GuidanceField guidanceScale={0} />);
    const figure = el.querySelector('[role="figure"]')!;
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const w = Math.round((((i * 7) % 101) / 10) * 10) / 10;
      const start = performance.now();
      flushSync(() => root!.render(<GuidanceField guidanceScale={w} />));
      if (i >= 5) times.push(performance.now() - start);
      expect(figure.getAttribute('data-guidance')).toBe(String(w));
    }
    console.log(
      `[GuidanceField redraw] w change, 24 paths x 50 steps (+ w = 1 reference cached): median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    );
    expect(median(times)).toBeGreaterThan(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations (${theme} theme, every layer, a caption)`, async () => {
      const el = mount(
        <ThemeScope theme={theme} style={{ padding: 8 }}>
          <GuidanceField guidanceScale={6} t={200} label="Guidance towards the top class" />
        </ThemeScope>,
      );
      // After drawing: the canvas is painted, the trajectories summed up in the hover line and the legend.
      const canvas = el.querySelector<HTMLCanvasElement>('canvas[data-layer="field"]')!;
      const blank = Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height });
      expect(canvas.toDataURL()).not.toBe(blank.toDataURL());
      expect(el.querySelector('[data-part="hover"]')!.textContent).toMatch(/^w = 6: \d+% of \d+ ends in/);
      expect(el.querySelector('[data-part="legend"]')).not.toBeNull();
      expect(await axeViolations(el)).toEqual([]);
    });
  }

  it('reads its colours from the theme variables', () => {
    const el = mount(
      <ThemeScope theme="dark">
        <GuidanceField />
      </ThemeScope>,
    );
    const controls = el.querySelector<HTMLElement>('[data-part="controls"]')!;
    expect(getComputedStyle(controls).color).toBe('rgb(232, 234, 237)'); // darkTheme.text
  });
});
