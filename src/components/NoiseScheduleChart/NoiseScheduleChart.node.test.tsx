import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThemeScope } from '../../theme/ThemeScope';
import { NoiseScheduleChart } from './NoiseScheduleChart';

describe('NoiseScheduleChart on the server', () => {
  it('renders five labelled panels for the default schedules', () => {
    const html = renderToString(<NoiseScheduleChart />);
    expect(html).toContain('role="figure"');
    expect(html).toContain('Noise schedules over the diffusion timestep');
    expect((html.match(/data-quantity=/g) ?? []).length).toBe(5);
    expect(html).toContain('cosine (squaredcos_cap_v2)');
    expect(html).toMatch(/β from 1\.000e-4 to 0\.020/);
    expect(html).toContain('type="range"');
    expect(html).not.toContain('data-part="crosshair"');
  });

  it('draws the crosshair and the tooltip values at a chosen t', () => {
    const html = renderToString(<NoiseScheduleChart t={500} quantities={['alphaBar']} />);
    expect(html).toContain('data-t="500"');
    expect(html).toContain('data-part="crosshair"');
    const text = html.replace(/<!-- -->/g, '');
    expect(text).toContain('t = 500');
    // linear abar_500 = prod_{i<=500} (1 - 1e-4 - i 0.0199/999) = 0.077797 (computed by a plain loop).
    expect(text).toMatch(/data-value="0-alphaBar">0\.0778</);
    expect(text).toContain('t = 500. linear: ᾱ 0.0778');
  });

  it('renders an inline message naming the prop for bad props', () => {
    for (const [props, prop] of [
      [{ schedules: [] }, 'schedules'],
      [{ schedules: ['cosine'] }, 'schedules[0]'],
      [{ quantities: ['x'] }, 'quantities'],
      [{ t: 1000 }, 't'],
      [{ panelWidth: 0 }, 'panelWidth'],
    ] as const) {
      const html = renderToString(<NoiseScheduleChart {...(props as object)} />);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
    }
  });

  it('themes through CSS variables and passes rest props', () => {
    const html = renderToString(
      <ThemeScope theme="dark">
        <NoiseScheduleChart className="c" id="chart" />
      </ThemeScope>,
    );
    expect(html).toContain('class="dk-figure dk-noise-schedule-chart c"');
    expect(html).toContain('id="chart"');
    expect(html).toContain('var(--dk-accent2');
  });
});
