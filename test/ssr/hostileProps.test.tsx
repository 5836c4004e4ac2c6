/**
 * Each fault the fuzzing of the server render found, as a plain case: a hostile prop gives an inline message
 * naming the field (and the accepted range or limit), before any work is done, never an exception, a hang,
 * NaN or [object Object] in the markup, or injected CSS. The fuzz test (fuzz.test.tsx) covers the classes;
 * these pin the instances. The work of a render is counted (the schedules and score fields built, the array
 * elements read, the points drawn), never timed.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DatasetMap,
  DenoiseAnimator,
  GaussianSampler,
  NoiseScheduleChart,
  PixelGrid,
  PromptGenerator,
  ScoreFieldPlot,
} from '../../src';
import { computeScoreFieldBase, computeScoreFieldFrame } from '../../src/components/ScoreFieldPlot/scoreFieldModel';
import { noiseScheduleFromConfig } from '../../src/engine/schedulers/noiseScheduleFromConfig';
import { countingReads } from '../../src/components/shared/testing/countingReads';

// The expensive steps of a render, counted: building a noise schedule, and a score field's base and frame.
vi.mock('../../src/engine/schedulers/noiseScheduleFromConfig', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engine/schedulers/noiseScheduleFromConfig')>();
  return { ...actual, noiseScheduleFromConfig: vi.fn(actual.noiseScheduleFromConfig) };
});
vi.mock('../../src/components/ScoreFieldPlot/scoreFieldModel', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/components/ScoreFieldPlot/scoreFieldModel')>();
  return {
    ...actual,
    computeScoreFieldBase: vi.fn(actual.computeScoreFieldBase),
    computeScoreFieldFrame: vi.fn(actual.computeScoreFieldFrame),
  };
});

beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

function render(element: React.ReactElement): { html: string } {
  return { html: renderToString(element) };
}

/** How many times `fn` (a pass-through mock) is called while `run` runs. */
function callsDuring(fn: unknown, run: () => void): number {
  const calls = vi.mocked(fn as () => void).mock.calls;
  const before = calls.length;
  run();
  return calls.length - before;
}

/** The figure's inline message: it names `prop` in data-prop and says `text`. */
function expectMessage(html: string, prop: string, text: RegExp | string) {
  expect(html).toContain('role="alert"');
  expect(html).toContain(`data-prop="${prop}"`);
  const message = html
    .replace(/<!-- -->/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
  if (typeof text === 'string') expect(message).toContain(text);
  else expect(message).toMatch(text);
  expect(html).not.toMatch(/\[object Object\]/);
}

const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;
function deep(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let o = root;
  for (let i = 0; i < depth; i++) o = o.label = {};
  return root;
}

describe('a function where a value is expected is refused, never called as a state initialiser or updater', () => {
  it.each([
    ['GaussianSampler', () => render(<GaussianSampler std={(() => 2) as never} />), 'std'],
    ['NoiseScheduleChart', () => render(<NoiseScheduleChart t={(() => 3) as never} />), 't'],
    ['DatasetMap', () => render(<DatasetMap selected={(() => 1) as never} />), 'selected'],
    ['ScoreFieldPlot', () => render(<ScoreFieldPlot t={(() => 1) as never} />), 't'],
  ])('%s', (_, run, prop) => {
    const { html } = run();
    expectMessage(html, prop, `${prop} must be`);
    expect(html).toContain('got a function');
  });
});

describe('nothing is built from a prop before it is checked', () => {
  it('a Symbol seed (GaussianSampler)', () =>
    expectMessage(
      render(<GaussianSampler seed={Symbol('s') as never} />).html,
      'seed',
      'seed must be an integer from',
    ));

  it('circular quantities (NoiseScheduleChart)', () => {
    expectMessage(
      render(<NoiseScheduleChart quantities={[circular] as never} />).html,
      'quantities',
      "quantities must be a non-empty array of 'beta'",
    );
  });

  it('a deeply nested data.label (ScoreFieldPlot)', () => {
    expectMessage(
      render(<ScoreFieldPlot data={{ components: [{ mean: [0, 0] }], label: deep(50_000) } as never} />).html,
      'data',
      'data.label must be a string',
    );
  });

  it('a BigInt in a schedule (PixelGrid, NoiseScheduleChart)', () => {
    expectMessage(
      render(<PixelGrid glyph={0} t={3} schedule={{ num_train_timesteps: 100n } as never} />).html,
      'schedule',
      'num_train_timesteps must be an integer from 1 to 10000',
    );
    expectMessage(
      render(<NoiseScheduleChart schedules={[{ beta_end: 1n }] as never} />).html,
      'schedules[0]',
      'beta_end must be a number',
    );
  });

  it('a circular scheduler config (DenoiseAnimator)', () => {
    expectMessage(
      render(<DenoiseAnimator scheduler={circular} />).html,
      'scheduler',
      'scheduler.self must be a string',
    );
  });
});

describe('the work a render does is bounded, and the message names the limit', () => {
  it('num_train_timesteps of 1e6 (PixelGrid) and 3e6 (NoiseScheduleChart): no schedule is built', () => {
    let a = { html: '' };
    let b = { html: '' };
    expect(
      callsDuring(noiseScheduleFromConfig, () => {
        a = render(<PixelGrid glyph={0} t={5} schedule={{ num_train_timesteps: 1_000_000 }} />);
        b = render(<NoiseScheduleChart schedules={[{ beta_schedule: 'linear', num_train_timesteps: 3_000_000 }]} />);
      }),
    ).toBe(0);
    expectMessage(
      a.html,
      'schedule',
      'num_train_timesteps must be an integer from 1 to 10000 (the limit on training steps); got 1000000',
    );
    expectMessage(b.html, 'schedules[0]', 'from 1 to 10000 (the limit on training steps); got 3000000');
    // The count is live: an accepted schedule (one no other test builds, so not cached) is built.
    expect(
      callsDuring(noiseScheduleFromConfig, () =>
        render(<NoiseScheduleChart schedules={[{ beta_schedule: 'linear', num_train_timesteps: 1237 }]} />),
      ),
    ).toBeGreaterThan(0);
  });

  it('trained_betas of a huge length is refused before anything is allocated or read', () => {
    const lengthOnly = countingReads({ length: 1e12 });
    const sparse = countingReads(new Array(2 ** 32 - 1));
    let html = '';
    let sparseHtml = '';
    expect(
      callsDuring(noiseScheduleFromConfig, () => {
        html = render(<NoiseScheduleChart schedules={[{ trained_betas: lengthOnly.value as never }]} />).html;
        sparseHtml = render(<NoiseScheduleChart schedules={[{ trained_betas: sparse.value }]} />).html;
      }),
    ).toBe(0);
    expectMessage(html, 'schedules[0]', 'trained_betas must be an array of numbers');
    expectMessage(
      sparseHtml,
      'schedules[0]',
      'trained_betas must hold from 1 to 10000 betas (the limit on training steps); got 4294967295',
    );
    expect([lengthOnly.reads(), sparse.reads()]).toEqual([0, 0]);
    // The count is live: an accepted array is read, element by element.
    const small = countingReads([0.01, 0.02, 0.03]);
    render(<NoiseScheduleChart schedules={[{ trained_betas: small.value }]} />);
    expect(small.reads()).toBeGreaterThanOrEqual(3);
  });

  it("renderer='svg' takes at most 64 x 64 cells", () => {
    const image = { width: 512, height: 512, data: new Float64Array(512 * 512) };
    expectMessage(
      render(<PixelGrid image={image} renderer="svg" cellSize={1} />).html,
      'renderer',
      "renderer 'svg' draws at most 4096 cells (64 x 64); this grid has 512 x 512 = 262144",
    );
  });

  it('writes values in at most 64 x 64 cells (the browser fuzz found 256 x 256 with values took a second to mount)', () => {
    const image = { width: 256, height: 256, data: new Float64Array(256 * 256) };
    expectMessage(
      render(<PixelGrid image={image} showValues cellSize={8} />).html,
      'showValues',
      'showValues writes values in at most 4096 cells (64 x 64); this grid has 256 x 256 = 65536',
    );
    // 'auto' just leaves the values out.
    const hundred = { width: 100, height: 100, data: new Float64Array(100 * 100) };
    expect(render(<PixelGrid image={hundred} showValues="auto" cellSize={40} />).html).not.toContain('role="alert"');
  });

  it('takes images of at most 512 x 512 pixels', () => {
    const image = { width: 1024, height: 1024, data: new Float64Array(1024 * 1024) };
    expectMessage(render(<PixelGrid image={image} />).html, 'image.width', 'from 1 to 512');
  });

  it("ScoreFieldPlot's largest trajectory and grid settings: refused before the field is computed", () => {
    const points = Array.from({ length: 5000 }, (_, i) => [Math.cos(i), Math.sin(i * 1.3)] as const);
    let paths = { html: '' };
    let field = { html: '' };
    const run = () => {
      paths = render(<ScoreFieldPlot trajectoryCount={500} trajectorySteps={1000} show={{ trajectories: true }} />);
      field = render(<ScoreFieldPlot data={points} densityResolution={256} gridSize={32} />);
    };
    let frames = 0;
    const bases = callsDuring(computeScoreFieldBase, () => (frames = callsDuring(computeScoreFieldFrame, run)));
    expect([bases, frames]).toEqual([0, 0]);
    expectMessage(paths.html, 'trajectoryCount', 'the limit is 1000000');
    expectMessage(field.html, 'densityResolution', 'the limit is 15000000');
    // The counts are live: an accepted set computes its base and its frame.
    const accepted = () =>
      render(<ScoreFieldPlot data="ring" gridSize={8} densityResolution={16} sampleCount={10} trajectoryCount={0} />);
    let acceptedFrames = 0;
    expect(
      callsDuring(computeScoreFieldBase, () => (acceptedFrames = callsDuring(computeScoreFieldFrame, accepted))),
    ).toBeGreaterThan(0);
    expect(acceptedFrames).toBeGreaterThan(0);
  });

  it('a chart of long schedules draws a bounded number of points', () => {
    const { html } = render(
      <NoiseScheduleChart
        schedules={Array.from({ length: 8 }, (_, i) => ({ beta_schedule: 'linear', num_train_timesteps: 10_000 - i }))}
      />,
    );
    expect(html).toContain('role="figure"');
    // 8 lines of 10000 steps in 5 panels: at most 2000 points a line, not 10000 (points counted in each path).
    const pointsPerLine = [...html.matchAll(/<path[^>]* d="(M[^"]*)"/g)].map((m) => m[1]!.split(/[ML]/).length - 1);
    expect(pointsPerLine.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...pointsPerLine)).toBeLessThanOrEqual(2000);
    expect(Math.max(...pointsPerLine)).toBeGreaterThan(100);
    expect(html.length).toBeLessThan(3_000_000);
  });
});

describe('what is rendered is checked: labels, class names, colour maps, values that would draw NaN', () => {
  it('a label that is an object or a Promise', () => {
    expectMessage(
      render(<GaussianSampler label={{ text: 'x' } as never} />).html,
      'label',
      'label must be a string or a React element; got object',
    );
    expectMessage(
      render(<DatasetMap label={Promise.resolve('x') as never} />).html,
      'label',
      'label must be a string or a React element',
    );
  });

  it('a React element label is the caption', () => {
    const html = render(<PixelGrid glyph={0} label={<em>the glyph</em>} />).html;
    expect(html).toContain('<em>the glyph</em>');
    expect(html).toContain('role="figure"');
  });

  it('series and data labels must be strings', () => {
    expectMessage(
      render(<NoiseScheduleChart schedules={[{ schedule: 'linear', label: { a: 1 } as never }]} />).html,
      'schedules[0]',
      'schedules[0].label must be a string',
    );
    expectMessage(
      render(
        <ScoreFieldPlot
          data={{
            points: [
              [0, 0],
              [1, 1],
            ],
            label: 5 as never,
          }}
        />,
      ).html,
      'data',
      'data.label must be a string',
    );
  });

  it('a Symbol className is left out, as on a plain element; dangerouslySetInnerHTML never reaches the root', () => {
    const html = render(
      <GaussianSampler
        className={Symbol('c') as never}
        {...({ dangerouslySetInnerHTML: { __html: '<script>x</script>' } } as object)}
      />,
    ).html;
    expect(html).toContain('class="dk-figure dk-gaussian-sampler"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('role="figure"');
  });

  it('a colour-map function that returns the wrong shape', () => {
    expectMessage(
      render(<ScoreFieldPlot colorMap={(() => 'red') as never} />).html,
      'colorMap',
      "colorMap must return [r, g, b], three finite numbers from 0 to 255, for t in [0, 1]; at t = 0 it returned 'red'",
    );
  });

  it('values that passed before but drew NaN: std = 5e-324, range = [-1e308, 1e308]', () => {
    expectMessage(render(<GaussianSampler std={5e-324} />).html, 'std', 'std must be at least 0.000001');
    expectMessage(
      render(<PixelGrid glyph={0} range={[-1e308, 1e308]} />).html,
      'range',
      'both from -1000000000000 to 1000000000000',
    );
  });
});

describe('host data never adds CSS', () => {
  it("a DatasetMap radical's colour must be a colour", () => {
    const { html } = render(
      <DatasetMap radicals={[{ radical: 85, name: 'water', color: 'red;background:url(https://example.com/x)' }]} />,
    );
    expectMessage(html, 'radicals', 'radicals[0].color must be a CSS colour');
    expect(html).not.toMatch(/style="[^"]*url\(/);
    const ok = render(<DatasetMap radicals={[{ radical: 85, name: 'water', color: 'rgb(0 90 200)' }]} />).html;
    expect(ok).toContain('background:rgb(0 90 200)');
  });
});

describe('schedules take diffusers snake_case keys everywhere', () => {
  it('ScoreFieldPlot reads { beta_schedule: "linear" } (it used to ignore it), and camelCase as an alias', () => {
    expect(render(<ScoreFieldPlot schedule={{ beta_schedule: 'linear' }} t={10} />).html).toContain('(linear schedule');
    expect(
      render(<ScoreFieldPlot schedule={{ beta_schedule: 'scaled_linear', num_train_timesteps: 500 }} t={10} />).html,
    ).toContain('t = 10 of 499 (scaled_linear schedule');
    expect(
      render(<ScoreFieldPlot schedule={{ betaSchedule: 'sigmoid', numTrainTimesteps: 300 }} t={10} />).html,
    ).toContain('t = 10 of 299 (sigmoid schedule');
    expectMessage(
      render(<ScoreFieldPlot schedule={{ beta_schedule: 'linear', betaSchedule: 'sigmoid' }} />).html,
      'schedule',
      'give beta_schedule or its alias betaSchedule, not both',
    );
  });
});

describe('the props types', () => {
  it('have no dangerouslySetInnerHTML', () => {
    // @ts-expect-error: a figure draws its own content; React throws when this goes with children.
    const element = <GaussianSampler dangerouslySetInnerHTML={{ __html: '' }} />;
    // @ts-expect-error: the same for every figure.
    const other = <PromptGenerator dangerouslySetInnerHTML={{ __html: '' }} />;
    expect(renderToString(createElement('div', null, element, other))).not.toContain('dangerouslySetInnerHTML');
  });
});
