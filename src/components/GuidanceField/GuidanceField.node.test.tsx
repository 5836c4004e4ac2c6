import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { GuidanceField, type GuidanceFieldProps } from './index';

function render(props: GuidanceFieldProps = {}): string {
  return renderToString(<GuidanceField {...props} />);
}

describe('GuidanceField on the server', () => {
  it('renders a named, described figure with its controls and the numbers of the guided paths', () => {
    const html = render({ t: 200, guidanceScale: 6, classIndex: 1 });
    expect(html).toContain('role="figure"');
    expect(html).toContain('aria-label="Classifier-free guidance towards class &#x27;square&#x27; at w = 6, t = 200"');
    expect(html).toMatch(/aria-describedby="[^"]+-desc"/);
    expect(html).toContain('noised to t = 200 of 999 (squaredcos_cap_v2 schedule');
    expect(html).toContain('guided score grad log p_t(x) + w (grad log p_t(x | y) - grad log p_t(x)) at w = 6');
    expect(html).toMatch(/24 guided probability-flow paths/);
    expect(html).toContain('pushes the samples past the class, into its tail');
    expect(html).toContain('data-t="200"');
    expect(html).toContain('data-class="1"');
    expect(html).toContain('data-guidance="6"');
    expect(html).toMatch(/<input(?=[^>]*type="range")(?=[^>]*max="10")[^>]*value="6"/);
    expect(html).toMatch(/<input(?=[^>]*type="range")(?=[^>]*max="999")[^>]*value="200"/);
    expect(html).toMatch(
      /<input[^>]*type="radio"[^>]*checked=""[^>]*value="1"|<input[^>]*type="radio"[^>]*value="1"[^>]*checked=""/,
    );
    expect(html).toContain('<canvas');
  });

  it('says w = 0 and w = 1 are the unconditional and conditional scores', () => {
    expect(render({ guidanceScale: 0 })).toContain('at w = 0 (the unconditional score)');
    const one = render({ guidanceScale: 1 });
    expect(one).toContain('at w = 1 (the conditional score)');
    expect(one).not.toContain('pushes the samples past');
  });

  it('describes the density it shows, and leaves out hidden layers', () => {
    expect(render({ density: 'conditional' })).toContain('The heatmap shows the class density p_t(x | y)');
    expect(render({ density: 'guided' })).toContain('the guided (tilted) density');
    const bare = render({ show: { score: false, trajectories: false, contours: false } });
    expect(bare).not.toContain('Arrows on');
    expect(bare).not.toContain('probability-flow paths');
    expect(bare).not.toContain('Contour lines');
  });

  it('takes a caption that names the figure, and custom classes', () => {
    const html = render({
      label: 'Guidance in 2-D',
      data: {
        classes: [
          { label: 'left', components: [{ mean: [-1, 0], cov: 0.2 }] },
          { label: 'right', components: [{ mean: [1, 0], cov: 0.2 }] },
        ],
      },
    });
    expect(html).toMatch(/aria-labelledby="[^"]+-label"/);
    expect(html).toContain('Guidance in 2-D');
    expect(html).toContain('2 classes of 2 gaussians in all');
    expect(html).toContain('&#x27;left&#x27; with prior 0.5');
  });

  it('spreads rest props, merges className, and never loads three.js or the model runtime', async () => {
    const html = render({ className: 'mine', id: 'g', 'data-testid': 'x' } as GuidanceFieldProps);
    expect(html).toContain('class="dk-figure dk-guidance-field mine"');
    expect(html).toContain('id="g"');
    expect(html).toContain('data-state="ready"');
    vi.resetModules();
    for (const lib of ['three', '@react-three/fiber', 'onnxruntime-web']) {
      vi.doMock(lib, () => {
        throw new Error(`${lib} was loaded`);
      });
    }
    try {
      const fresh = await import('./index');
      expect(renderToString(<fresh.GuidanceField data="two-moons" />)).toContain('role="figure"');
    } finally {
      for (const lib of ['three', '@react-three/fiber', 'onnxruntime-web']) vi.doUnmock(lib);
      vi.resetModules();
    }
  });
});

describe('GuidanceField with bad props shows a message naming the prop, never throws', () => {
  const cases: Array<[string, GuidanceFieldProps, string, RegExp]> = [
    ['w above 10', { guidanceScale: 11 }, 'guidanceScale', /guidanceScale must be a number from 0 to 10; got 11/],
    ['negative w', { guidanceScale: -1 }, 'guidanceScale', /from 0 to 10/],
    ['class out of range', { classIndex: 3 }, 'classIndex', /classIndex must be an integer from 0 to 2; got 3/],
    ['class of a 2-class preset', { data: 'two-moons', classIndex: 2 }, 'classIndex', /from 0 to 1/],
    ['t outside the schedule', { t: 1000 }, 't', /t must be an integer from 0 to 999; got 1000/],
    ['bad preset', { data: 'ring' as never }, 'data', /three-clusters/],
    ['one class', { data: { classes: [{ components: [{ mean: [0, 0] }] }] } }, 'data', /2 to 8 classes/],
    ['bad density', { density: 'joint' as never }, 'density', /&#x27;marginal&#x27;/],
    ['bad show', { show: { score: 'yes' as never } }, 'show.score', /true or false/],
    ['too many paths', { trajectoryCount: 201 }, 'trajectoryCount', /to 200/],
    [
      'too much work',
      { data: 'two-moons', densityResolution: 256, gridSize: 32, trajectoryCount: 200, trajectorySteps: 500 },
      'trajectoryCount',
      /limit is 1000000/,
    ],
    ['bad colour map', { colorMap: 'jet' as never }, 'colorMap', /viridis/],
    ['bad label', { label: 5 as never }, 'label', /label must be a string or a React element/],
    ['bad callback', { onGuidanceScaleChange: 5 as never }, 'onGuidanceScaleChange', /function/],
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
