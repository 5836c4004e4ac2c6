import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { GaussianSampler } from './GaussianSampler';
import { gaussianSamplerSchema } from './GaussianSampler.schema';

const meta = {
  title: 'Components/GaussianSampler',
  component: GaussianSampler,
  argTypes: schemaArgTypes(gaussianSamplerSchema),
  parameters: {
    docs: {
      description: {
        component:
          'Draws `sampleCount` samples from N(mean, std²) with a seeded generator and shows their histogram ' +
          '(normalised to a density, so it sits on the same axes as the pdf), the true density (solid) and the ' +
          'maximum-likelihood fit (dotted). The estimated mean is the sample mean; the estimated variance is the ' +
          '**biased** maximum-likelihood estimator (1/n) Σ (xᵢ − μ̂)², which divides by n rather than n − 1 and so ' +
          'is on average (n − 1)/n times the true variance. With few samples the fit wanders; with many it ' +
          'settles on the truth. `animate` lets the samples arrive one by one (never when the reader asks for ' +
          'reduced motion).',
      },
    },
  },
} satisfies Meta<typeof GaussianSampler>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 500 samples of the standard normal. */
export const Default: Story = {};

/** Few samples: the maximum-likelihood fit is visibly off. */
export const FewSamples: Story = { args: { sampleCount: 20, bins: 12, seed: 4 } };

/** Many samples: histogram, truth and fit agree. */
export const ManySamples: Story = { args: { sampleCount: 100_000, bins: 80, mean: 1.5, std: 0.6 } };

/** Built-in controls: sliders for the parameters and a resample button. */
export const WithControls: Story = { args: { showControls: true } };

/** Samples appear progressively (skipped when the reader prefers reduced motion). */
export const Animated: Story = { args: { animate: true, sampleCount: 1000, animationDuration: 3000 } };

/** Dark theme through `ThemeScope`: only CSS variables change. */
export const Dark: Story = {
  args: { showControls: true },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <GaussianSampler {...args} />
    </ThemeScope>
  ),
};

/** A bad prop shows an inline message naming it, instead of a figure. */
export const BadProps: Story = {
  args: { std: 0 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('std must be a number above 0');
  },
};

function cellText(root: HTMLElement, name: string): string {
  return root.querySelector(`[data-value="${name}"]`)?.textContent ?? '';
}

/** Interaction test: the controls change the readout; resample changes the estimates but not the truth. */
export const ControlsInteraction: Story = {
  args: { showControls: true, onParamsChange: fn() },
  tags: ['!autodocs'],
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await expect(figure).toHaveAccessibleName('Samples from a normal distribution and its maximum-likelihood fit');
    await expect(figure).toHaveAccessibleDescription(/true mean 0\.000 and true variance 1\.000/);
    const mleBefore = cellText(figure, 'mle-mean');

    await step('resample changes the seed and the estimates', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Resample' }));
      await waitFor(() => expect(figure).toHaveAttribute('data-seed', '1'));
      await expect(cellText(figure, 'mle-mean')).not.toBe(mleBefore);
      await expect(cellText(figure, 'true-mean')).toBe('0.000');
      await expect(args.onParamsChange).toHaveBeenCalledWith(expect.objectContaining({ seed: 1 }));
    });

    await step('the std slider changes the true variance', async () => {
      const slider = canvas.getByLabelText(/standard deviation/);
      // user-event does not step range inputs with arrow keys; a native input's keyboard support is the browser's.
      fireEvent.change(slider, { target: { value: '1.1' } });
      // std 1.0 -> 1.1, variance 1.21
      await waitFor(() => expect(cellText(figure, 'true-variance')).toBe('1.210'));
      await expect(figure).toHaveAccessibleDescription(/true variance 1\.210/);
    });

    await step('the MLE variance explains its bias in a tooltip', async () => {
      const abbr = figure.querySelector('[data-value="mle-variance"] abbr');
      await expect(abbr?.getAttribute('title')).toMatch(/divides by n, not n - 1/);
    });
  },
};

/** Interaction test: an animated sampler ends with every sample shown. */
export const AnimationFinishes: Story = {
  args: { animate: true, sampleCount: 300, animationDuration: 300 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const figure = within(canvasElement).getByRole('figure');
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'idle'), { timeout: 3000 });
    await expect(figure).toHaveAttribute('data-shown', '300');
  },
};
