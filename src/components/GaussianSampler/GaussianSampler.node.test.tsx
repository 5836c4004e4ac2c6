import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThemeScope } from '../../theme/ThemeScope';
import { GaussianSampler } from './GaussianSampler';
import { MAX_SAMPLES, SERVER_MAX_SAMPLES } from './useGaussianSampler';

describe('GaussianSampler on the server', () => {
  it('renders a labelled figure with its description and numbers', () => {
    const html = renderToString(<GaussianSampler mean={1} std={2} sampleCount={200} seed={5} animate showControls />);
    expect(html).toContain('role="figure"');
    expect(html).toMatch(/aria-labelledby="[^"]+-label"/);
    expect(html).toMatch(/aria-describedby="[^"]+-desc"/);
    expect(html).toContain('Samples from a normal distribution and its maximum-likelihood fit');
    // Every sample is in the server render, even when animated (the animation starts on the client).
    expect(html).toContain('data-shown="200"');
    expect(html).toContain('true mean 1.000 and true variance 4.000');
    expect(html).toContain('data-value="true-variance">4.000<');
    expect(html).toMatch(/<path[^>]*data-series="truth"/);
    expect(html).toMatch(/<path[^>]*data-series="fit"/);
    expect(html).toContain('Resample');
  });

  it(`draws at most ${SERVER_MAX_SAMPLES} samples on the server, whatever sampleCount asks for, and says so`, () => {
    // The work of a server render is bounded by the cap, not by the prop: the markup holds that many samples.
    for (const sampleCount of [SERVER_MAX_SAMPLES + 1, 250_000, MAX_SAMPLES]) {
      const html = renderToString(<GaussianSampler sampleCount={sampleCount} seed={7} animate />);
      expect(html).toContain(`data-shown="${SERVER_MAX_SAMPLES}"`);
      expect(html).toContain(`Histogram of ${SERVER_MAX_SAMPLES} of ${sampleCount} samples`);
      expect(html).toMatch(/<path[^>]*data-series="fit"/);
    }
    // Up to the cap, every sample is drawn, as before.
    expect(renderToString(<GaussianSampler sampleCount={SERVER_MAX_SAMPLES} />)).toContain(
      `data-shown="${SERVER_MAX_SAMPLES}"`,
    );
  });

  it('renders an inline message naming the prop for bad props', () => {
    for (const [props, prop] of [
      [{ std: 0 }, 'std'],
      [{ sampleCount: -1 }, 'sampleCount'],
      [{ sampleCount: 5e6 }, 'sampleCount'],
      [{ mean: NaN }, 'mean'],
      [{ bins: 0 }, 'bins'],
      [{ width: 1e9 }, 'width'],
    ] as const) {
      const html = renderToString(<GaussianSampler {...props} />);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
      expect(html).toContain(`${prop} must be`);
    }
  });

  it('passes rest props, className and theme variables through', () => {
    const html = renderToString(
      <ThemeScope theme="dark">
        <GaussianSampler className="mine" data-testid="gs" />
      </ThemeScope>,
    );
    expect(html).toContain('class="dk-figure dk-gaussian-sampler mine"');
    expect(html).toContain('data-testid="gs"');
    expect(html).toContain('--dk-accent:#6ea1ff');
    expect(html).toContain('var(--dk-accent2');
  });
});
