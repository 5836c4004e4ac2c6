import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ScoreFieldPlot as ScoreFieldPlot3D } from '../../three';
import { ScoreFieldPlot, type ScoreFieldPlotProps } from './index';

function render(props: ScoreFieldPlotProps = {}): string {
  return renderToString(<ScoreFieldPlot3D {...props} />);
}

describe('ScoreFieldPlot on the server', () => {
  it('renders a named, described figure with its controls and numbers', () => {
    const html = render({ data: 'ring', t: 200 });
    expect(html).toContain('role="figure"');
    expect(html).toContain('aria-label="Score field of the 8-gaussian ring at t = 200"');
    expect(html).toMatch(/aria-describedby="[^"]+-desc"/);
    expect(html).toContain('Density of the 8-gaussian ring noised to t = 200 of 999 (squaredcos_cap_v2 schedule');
    expect(html).toContain('data-t="200"');
    expect(html).toMatch(/<input(?=[^>]*type="range")(?=[^>]*max="999")[^>]*value="200"/);
    expect(html).toContain('<canvas');
    expect(html).toContain('Timestep t');
  });

  it('renders the text fallback of the 3-D view, never three.js', () => {
    const html = render({ view: '3d', t: 50 });
    expect(html).toContain('data-view="3d"');
    expect(html).toContain('Loading the 3-D view');
    expect(html).not.toContain('<canvas');
  });

  it("the root entry's figure (no 3-D renderer) names the entry that has one for view='3d'", () => {
    const html = renderToString(<ScoreFieldPlot view="3d" />);
    expect(html).toContain('role="figure"');
    expect(html).toContain('diffusion-kit/three');
  });

  it('never loads three.js or @react-three/fiber for the 2-D view, nor on the server', async () => {
    vi.resetModules();
    vi.doMock('three', () => {
      throw new Error('three was loaded');
    });
    vi.doMock('@react-three/fiber', () => {
      throw new Error('@react-three/fiber was loaded');
    });
    try {
      const fresh = await import('./index');
      expect(renderToString(<fresh.ScoreFieldPlot data="spiral" t={10} />)).toContain('role="figure"');
      // The root entry's figure has no 3-D renderer: it says where the 3-D view lives instead.
      expect(renderToString(<fresh.ScoreFieldPlot view="3d" />)).toContain('diffusion-kit/three');
      const withThree = await import('../../three');
      expect(renderToString(<withThree.ScoreFieldPlot view="3d" />)).toContain('Loading the 3-D view');
    } finally {
      vi.doUnmock('three');
      vi.doUnmock('@react-three/fiber');
      vi.resetModules();
    }
  });

  it('renders without controls, and with KDE points', () => {
    const html = render({
      data: [
        [0, 0],
        [1, 1],
        [2, 0.5],
      ],
      showControls: false,
    });
    expect(html).toContain('kernel density estimate of 3 points');
    expect(html).not.toContain('type="range"');
  });

  it('takes show.density as a boolean too', () => {
    expect(render({ show: { density: false } })).toMatch(/noise\), not drawn, over x and y/);
    expect(render({ show: { density: true } })).toContain('drawn as a density heatmap');
    expect(render({ show: { density: 'contours' }, densityScale: 'log' })).toContain('drawn as log-density contours');
  });

  it('spreads rest props, merges className and forwards state as data attributes', () => {
    const html = render({ className: 'mine', id: 'plot', 'data-testid': 'p' } as ScoreFieldPlotProps);
    expect(html).toContain('class="dk-figure dk-score-field-plot mine"');
    expect(html).toContain('id="plot"');
    expect(html).toContain('data-testid="p"');
    expect(html).toContain('data-state="ready"');
  });
});

describe('ScoreFieldPlot with bad props shows a message naming the prop, never throws', () => {
  const cases: Array<[string, ScoreFieldPlotProps, string, RegExp]> = [
    ['t outside the schedule', { t: 1000 }, 't', /t must be an integer from 0 to 999; got 1000/],
    ['t NaN', { t: Number.NaN }, 't', /got NaN/],
    ['negative sampleCount', { sampleCount: -3 }, 'sampleCount', /at least 0|from 0/],
    ['negative trajectoryCount', { trajectoryCount: -1 }, 'trajectoryCount', /trajectoryCount/],
    ['absurd gridSize', { gridSize: 1e6 }, 'gridSize', /to 32/],
    ['absurd densityResolution', { densityResolution: 100000 }, 'densityResolution', /to 256/],
    ['empty points', { data: [] }, 'data', /at least 1 point/],
    ['bad preset', { data: 'nope' as never }, 'data', /&#x27;ring&#x27;/],
    ['bad view', { view: 'vr' as never }, 'view', /&#x27;2d&#x27;, &#x27;3d&#x27;/],
    ['bad width', { width: -10 }, 'width', /width/],
    ['bad colour map', { colorMap: 'jet' as never }, 'colorMap', /viridis/],
    ['bad density layer', { show: { density: 'dots' as never } }, 'show.density', /heatmap/],
  ];
  for (const [name, props, prop, message] of cases) {
    it(name, () => {
      const html = render(props);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
      expect(html).toMatch(message);
      expect(html).not.toContain('role="figure"');
    });
  }
});
