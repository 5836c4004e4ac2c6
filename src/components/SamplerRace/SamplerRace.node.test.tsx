import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThemeScope } from '../../theme/ThemeScope';
import { SamplerRace } from './SamplerRace';

describe('SamplerRace on the server', () => {
  it('renders the labelled figure, a lane per sampler, the step control and the empty chart, without a Worker', () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const html = renderToString(
      <SamplerRace
        prompt="tree"
        count={4}
        steps={6}
        seed={2}
        cellSize={20}
        schedulers={['ddim', 'euler', 'ddpm']}
        chartSteps={[1, 4, 2]}
      />,
    );
    expect(html).toContain('role="figure"');
    expect(html).toMatch(/aria-labelledby="[^"]+-label"/);
    expect(html).toContain('The same noise through different samplers');
    expect(html).toContain(
      'The same 4 images (seed 2, the prompt &quot;tree&quot;) sampled by the model with 3 samplers side by side (DDIM, Euler, DDPM), each in 6 steps',
    );
    // startWhen 'visible' (the default): nothing starts on the server; the browser starts it once in view.
    expect(html).toContain('data-state="idle"');
    expect(html).toMatch(/role="status"[^>]*>Not started</);
    expect(html).toContain('The model starts when this figure scrolls into view.');
    const mounted = renderToString(<SamplerRace startWhen="mount" />);
    expect(mounted).toContain('data-state="loading"');
    expect(mounted).toMatch(/role="status"[^>]*>Loading model…</);
    // A lane per sampler, and the shipped student's lane after them.
    expect(html.match(/<li data-status="waiting"/g)).toHaveLength(4);
    expect(html).toMatch(/few-step student<\/div>.*starts when the lanes finish/);
    // 2 x 2 cells of 20 px with a 2 px gap
    expect(html.match(/<canvas[^>]*width="42" height="42"/g)).toHaveLength(4);
    expect(
      renderToString(<SamplerRace student={false} schedulers={['ddim']} />).match(/<li data-status="waiting"/g),
    ).toHaveLength(1);
    expect(html).toMatch(/<input[^>]*type="range"[^>]*value="6"/);
    expect(html).toContain('Distance to DDIM with 200 steps, same noise');
    expect(html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="RMS distance to DDIM with 200 steps against the number of steps \(1, 2, 4\)/,
    );
    expect(html).toContain('The chart&#x27;s numbers');
    expect(html.match(/<td[^>]*>–<\/td>/g)).toHaveLength(9);
  });

  it('leaves the chart out for no chart steps', () => {
    const html = renderToString(<SamplerRace chartSteps={[]} />);
    expect(html).not.toContain('<svg role="img"');
    expect(html).not.toContain('RMS to reference');
  });

  it('renders an inline message naming the prop for bad props', () => {
    for (const [props, prop] of [
      [{ steps: 0 }, 'steps'],
      [{ startWhen: 'never ' }, 'startWhen'],
      [{ steps: 201 }, 'steps'],
      [{ count: 17 }, 'count'],
      [{ count: 16, steps: 200 }, 'count'],
      [{ schedulers: 'ddim' }, 'schedulers'],
      [{ schedulers: ['ddim', 'lms'] }, 'schedulers'],
      [{ chartSteps: [1, 500] }, 'chartSteps'],
      [{ referenceScheduler: 'heun' }, 'referenceScheduler'],
      [{ referenceSteps: 2000 }, 'referenceSteps'],
      [{ chartWidth: 10 }, 'chartWidth'],
      [{ guidanceScale: -1 }, 'guidanceScale'],
    ] as const) {
      const html = renderToString(<SamplerRace {...(props as object)} />);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
    }
  });

  it('passes rest props, className and theme variables through', () => {
    const html = renderToString(
      <ThemeScope theme="dark">
        <SamplerRace className="mine" data-testid="sr" />
      </ThemeScope>,
    );
    expect(html).toContain('class="dk-figure dk-sampler-race mine"');
    expect(html).toContain('data-testid="sr"');
    expect(html).toContain('var(--dk-accent2');
  });
});
