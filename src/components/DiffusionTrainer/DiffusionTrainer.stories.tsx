import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { DiffusionTrainer } from './DiffusionTrainer';
import { diffusionTrainerSchema } from './DiffusionTrainer.schema';

const meta = {
  title: 'Components/DiffusionTrainer',
  component: DiffusionTrainer,
  argTypes: schemaArgTypes(diffusionTrainerSchema),
  parameters: {
    docs: {
      description: {
        component:
          'Train a small diffusion model in the page. A perceptron ε_θ(xₜ, t) (input: the point and a sinusoidal ' +
          'embedding of t; 3 hidden layers of 64 SiLU units by default, about 9,700 parameters) learns the ' +
          'noise-prediction loss of DDPM, E‖ε − ε_θ(√ᾱₜ x₀ + √(1 − ᾱₜ) ε, t)‖², with a hand-written backward pass ' +
          'and Adam, in a Web Worker (in short slices of the page where Workers are missing). The loss curve ' +
          'updates live. Beside the data, the **learned score** −ε_θ / √(1 − ᾱₜ) and, for the presets, the ' +
          '**exact score** of the noised data (a gaussian mixture stays one under noising), their mean error per t, ' +
          "and samples drawn from the model with any of the kit's schedulers. A few thousand steps on two moons " +
          'take well under a minute on one core. Pick “points you draw” to draw your own data (pointer, or arrow ' +
          'keys and Enter on the pad).',
      },
    },
  },
} satisfies Meta<typeof DiffusionTrainer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two moons, untrained: press Train. */
export const Default: Story = {};

/** Starts on its own; a short run on the ring. */
export const AutoStart: Story = { args: { data: 'ring', autoStart: true, maxSteps: 1500 } };

/** Your own data: an empty drawing pad. */
export const DrawYourOwn: Story = { args: { data: [] } };

/** Dark theme through `ThemeScope`: only CSS variables change. */
export const Dark: Story = {
  args: { data: 'checker' },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <DiffusionTrainer {...args} />
    </ThemeScope>
  ),
};

/** A bad prop shows an inline message naming it, instead of a figure. */
export const BadProps: Story = {
  args: { hiddenWidth: 4096 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('hiddenWidth must be an integer from 4 to 128');
  },
};

/** Interaction test: Train runs, the loss curve and the samples appear, Pause holds, Reset returns to step 0. */
export const TrainPauseReset: Story = {
  args: { maxSteps: 400, sampleCount: 200, samplingSteps: 20, onTrainingProgress: fn() },
  tags: ['!autodocs'],
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await expect(figure).toHaveAccessibleName('Training a small diffusion model in the page');
    await expect(figure).toHaveAttribute('data-step', '0');

    await step('Train runs in a Worker and reports progress', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Train' }));
      await waitFor(() => expect(Number(figure.getAttribute('data-step'))).toBeGreaterThan(0), { timeout: 20_000 });
      await expect(figure).toHaveAttribute('data-mode', 'worker');
      await expect(args.onTrainingProgress).toHaveBeenCalled();
      await waitFor(() =>
        expect(
          figure.querySelector('[data-part="loss"] path[data-series="noise-prediction loss"]')?.getAttribute('d'),
        ).toMatch(/^M/),
      );
    });

    await step('Pause holds the step', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Pause' }));
      await waitFor(() => expect(figure).toHaveAttribute('data-state', 'paused'));
      const held = figure.getAttribute('data-step');
      await new Promise((r) => setTimeout(r, 300));
      await expect(figure).toHaveAttribute('data-step', held!);
    });

    await step('samples are drawn from the model', async () => {
      await waitFor(
        () => expect(figure.querySelector('[data-part="samples"] path[data-series="samples"]')).not.toBeNull(),
        { timeout: 20_000 },
      );
      await expect(figure).toHaveAccessibleDescription(/samples drawn from the model with DDIM in 20 steps/);
    });

    await step('Reset returns to step 0', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Reset' }));
      await waitFor(() => expect(figure).toHaveAttribute('data-step', '0'));
      await expect(figure).toHaveAttribute('data-state', 'idle');
    });
  },
};

/** Interaction test: drawing data from the keyboard, then training on it. */
export const DrawWithKeyboard: Story = {
  args: { data: [], maxSteps: 200, sampleCount: 100, samplingSteps: 10, onDataChange: fn() },
  tags: ['!autodocs'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    const pad = canvas.getByRole('application');
    await expect(canvas.getByRole('button', { name: 'Train' })).toBeDisabled();
    pad.focus();
    await userEvent.keyboard('{Enter}{ArrowRight>5}{Enter}');
    await expect(args.onDataChange).toHaveBeenCalled();
    await waitFor(() => expect(pad).toHaveAccessibleName(/Drawing pad, 10 points; cursor at x 0\.5, y 0\.0/));
    await userEvent.keyboard('{Backspace}');
    await waitFor(() => expect(pad).toHaveAccessibleName(/9 points/));
    await expect(figure).toHaveAttribute('data-data', 'drawn');
    await expect(canvas.getByText('Drawn data has no exact score')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Train' }));
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 30_000 });
    await expect(figure).toHaveAttribute('data-step', '200');
  },
};
