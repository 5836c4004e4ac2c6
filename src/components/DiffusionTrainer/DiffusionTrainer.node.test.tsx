import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThemeScope } from '../../theme/ThemeScope';
import { DiffusionTrainer, checkDiffusionTrainerProps } from './DiffusionTrainer';

describe('DiffusionTrainer on the server', () => {
  it('renders the untrained network, the exact score and the text summary, and trains nothing', () => {
    // (The time of a render is checked by the prop fuzzing of test/ssr/fuzz.test.tsx.)
    const html = renderToString(<DiffusionTrainer data="two-moons" seed={3} autoStart />);
    expect(html).toContain('role="figure"');
    expect(html).toMatch(/aria-labelledby="[^"]+-label"/);
    expect(html).toContain('Training a small diffusion model in the page');
    expect(html).toContain('data-step="0"');
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('data-mode="server"');
    expect(html).toContain('two moons (16 gaussians) (2000 points)');
    // 2 + 16 inputs -> 64 -> 64 -> 64 -> 2: 18*64+64 + 2*(64*64+64) + 64*2+2 = 9666 parameters.
    expect(html).toContain('(9666 parameters)');
    expect(html).toMatch(/<path[^>]*data-series="arrows"/);
    expect(html).toContain('Exact score at t = 100');
    expect(html).toMatch(/the learned score differs from the exact one by [\d.]+ on average/);
    // No samples on the server: they are drawn on the page.
    expect(html).not.toContain('data-series="samples"');
    expect(html).toContain('>Train<');
  });

  it('takes drawn points and says there is no exact score for them', () => {
    const html = renderToString(
      <DiffusionTrainer
        data={[
          [0, 0],
          [1, 1],
          [1, -1],
          [-1, 1],
          [-1, -1],
        ]}
        showControls={false}
      />,
    );
    expect(html).toContain('data-data="drawn"');
    expect(html).toContain('5 drawn points');
    expect(html).toContain('Drawn data has no exact score');
    expect(html).toContain('role="application"');
  });

  it('renders an inline message naming the prop for bad props, never a throw', () => {
    for (const [props, prop] of [
      [{ data: 'moons' }, 'data'],
      [
        {
          data: [
            [0, 0],
            [0, 9],
          ],
        },
        'data[1]',
      ],
      [{ maxSteps: 0 }, 'maxSteps'],
      [{ maxSteps: 1e6 }, 'maxSteps'],
      [{ hiddenWidth: 4096 }, 'hiddenWidth'],
      [{ learningRate: 0 }, 'learningRate'],
      [{ scheduler: 'pndm' }, 'scheduler'],
      [{ t: 1000 }, 't'],
      [{ sampleCount: 2000, samplingSteps: 200, hiddenWidth: 128, hiddenLayers: 4 }, 'sampleCount'],
      [{ schedule: { beta_schedule: 'nope' } }, 'schedule'],
      // One training timestep leaves the loss nothing to learn (the fuzz test found it threw in the trainer).
      [{ schedule: { beta_schedule: 'linear', num_train_timesteps: 1 } }, 'schedule'],
      [{ schedule: { trained_betas: [0.5] } }, 'schedule'],
      [{ schedule: { trained_betas: [0, 0.02, 0.04] } }, 'schedule'],
    ] as const) {
      const html = renderToString(<DiffusionTrainer {...(props as object)} />);
      expect(html, JSON.stringify(props)).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
    }
    expect(
      checkDiffusionTrainerProps({ t: 499, schedule: { beta_schedule: 'linear', num_train_timesteps: 500 } }).problem,
    ).toBeNull();
  });

  it('passes rest props, className and theme variables through', () => {
    const html = renderToString(
      <ThemeScope theme="dark">
        <DiffusionTrainer className="mine" data-testid="dt" gridSize={4} />
      </ThemeScope>,
    );
    expect(html).toContain('class="dk-figure dk-diffusion-trainer mine"');
    expect(html).toContain('data-testid="dt"');
    expect(html).toContain('var(--dk-accent2');
  });
});
