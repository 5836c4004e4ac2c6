import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { NoiseScheduleChart } from './NoiseScheduleChart';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { noiseScheduleChartSchema } from './NoiseScheduleChart.schema';

const meta = {
  title: 'Components/NoiseScheduleChart',
  component: NoiseScheduleChart,
  argTypes: schemaArgTypes(noiseScheduleChartSchema),
  parameters: {
    docs: {
      description: {
        component:
          'Noise schedules compared over the timestep t, one small multiple per quantity: β_t (the variance added ' +
          'at step t), ᾱ_t = ∏(1 − β_s) (the signal variance left), √ᾱ_t (the scale of x₀ in x_t), the ' +
          'signal-to-noise ratio ᾱ/(1 − ᾱ) on a log scale, and log SNR. Schedules are given as diffusers ' +
          '`beta_schedule` names or `scheduler_config.json` objects, and every number is the engine’s. Hover a ' +
          'panel, or use the timestep slider, to read every schedule’s value at t. The default compares the linear ' +
          'schedule of DDPM with the cosine schedule (`squaredcos_cap_v2`) of improved DDPM: the cosine one keeps ' +
          'more signal for longer and destroys it less abruptly at the end.',
      },
    },
  },
} satisfies Meta<typeof NoiseScheduleChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Linear vs cosine, 1000 steps, all five quantities. */
export const Default: Story = {};

/** A crosshair at a chosen t. */
export const AtTimestep: Story = { args: { t: 500 } };

/** Three schedules given as diffusers configs, including Stable Diffusion's scaled_linear. */
export const DiffusersConfigs: Story = {
  args: {
    schedules: [
      { schedule: { beta_schedule: 'linear', num_train_timesteps: 1000 }, label: 'DDPM linear' },
      { schedule: { beta_schedule: 'scaled_linear', beta_start: 0.00085, beta_end: 0.012 }, label: 'Stable Diffusion' },
      {
        schedule: {
          beta_schedule: 'scaled_linear',
          beta_start: 0.00085,
          beta_end: 0.012,
          rescale_betas_zero_snr: true,
        },
        label: 'SD, zero terminal SNR',
      },
    ],
    quantities: ['alphaBar', 'logSnr'],
    t: 900,
  },
};

/** Only the signal-to-noise ratio, larger. */
export const SnrOnly: Story = { args: { quantities: ['snr', 'logSnr'], panelWidth: 360, panelHeight: 240 } };

/** Dark theme through `ThemeScope`. */
export const Dark: Story = {
  args: { t: 250 },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <NoiseScheduleChart {...args} />
    </ThemeScope>
  ),
};

/** A bad schedule shows an inline message naming it. */
export const BadProps: Story = {
  args: { schedules: ['linear', 'cosine'] as never },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      "schedules[1]: beta_schedule must be one of 'linear'",
    );
  },
};

/** Interaction test: the slider moves the crosshair and the values; hovering a panel shows its t. */
export const SliderAndHover: Story = {
  args: { onTChange: fn(), quantities: ['beta', 'alphaBar'] },
  tags: ['!autodocs'],
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure', { name: 'Noise schedules over the diffusion timestep' });
    await expect(figure).toHaveAccessibleDescription(/linear \(1000 steps\)/);
    await expect(figure.querySelector('[data-part="crosshair"]')).toBeNull();

    await step('the slider selects t', async () => {
      fireEvent.change(canvas.getByLabelText('timestep t'), { target: { value: '999' } });
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '999'));
      await expect(args.onTChange).toHaveBeenCalledWith(999);
      // beta_999 of the linear schedule is beta_end = 0.02; the cosine one is capped at 0.999.
      await expect(figure.querySelector('[data-value="0-beta"]')).toHaveTextContent('0.0200');
      await expect(figure.querySelector('[data-value="1-beta"]')).toHaveTextContent('0.9990');
      await expect(figure.querySelector('[data-part="live"]')).toHaveTextContent(/^t = 999\. linear: β 0\.0200/);
    });

    await step('hovering a panel moves the crosshair to the t under the pointer', async () => {
      const target = figure.querySelector('[data-quantity="alphaBar"] [data-part="hover-target"]')!;
      const box = target.getBoundingClientRect();
      fireEvent.pointerMove(target, { clientX: box.left + box.width / 2, clientY: box.top + 10 });
      // The middle of the x axis [0, 999] is t = 499.5, rounded to 500 (or 499 by a pixel).
      await waitFor(() => expect(Number(figure.getAttribute('data-t'))).toBeGreaterThanOrEqual(499));
      await expect(Number(figure.getAttribute('data-t'))).toBeLessThanOrEqual(500);
      // The hovered panel shows a tooltip with every schedule's value; the others only the crosshair.
      await expect(figure.querySelector('[data-quantity="alphaBar"] [data-part="tooltip"]')).toHaveTextContent(
        /linear: 0\.07\d\d/,
      );
      await expect(figure.querySelector('[data-quantity="beta"] [data-part="tooltip"]')).toBeNull();
      await expect(figure.querySelector('[data-quantity="beta"] [data-part="crosshair"]')).not.toBeNull();
      await userEvent.unhover(target);
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '999'));
    });
  },
};
