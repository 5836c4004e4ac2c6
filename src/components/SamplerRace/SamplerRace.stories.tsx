import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { SamplerRace } from './SamplerRace';
import { samplerRaceSchema } from './SamplerRace.schema';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';

const meta = {
  title: 'Components/SamplerRace',
  component: SamplerRace,
  argTypes: schemaArgTypes(samplerRaceSchema),
  parameters: {
    docs: {
      description: {
        component:
          'The same starting noise, the same prompt and the same model, through five samplers side by side: DDIM, ' +
          'DPM-Solver++ 2M, Euler, Euler ancestral and DDPM. Each lane shows its images and how long it took; move the ' +
          'step control to race them again at another step count. Below, a chart of quality against steps: for 1, 2, 3, 5, ' +
          '8, 12, 20, 30 and 50 steps (a log-spaced subset of 1 to 50, 131 steps a sampler instead of 1,275), the ' +
          "root-mean-square pixel distance of each sampler's images to a reference made by DDIM in 200 steps from the same " +
          'noise. Deterministic samplers converge towards the reference as steps grow; the stochastic ones (Euler ancestral, ' +
          'DDPM) add fresh noise at every step, so they end at different glyphs, at a distance that does not shrink to zero. ' +
          "Everything runs in the page, one generation at a time in the engine's Worker (a minute or so on a laptop CPU), " +
          'and every run is cached in memory: a step count already on the chart comes back at once.',
      },
    },
  },
} satisfies Meta<typeof SamplerRace>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Five samplers, 10 steps each, and the chart against DDIM with 200 steps. */
export const Default: Story = {};

/** Only the lanes, no chart: a quick comparison. */
export const LanesOnly: Story = { args: { chartSteps: [], schedulers: ['ddim', 'euler', 'eulerAncestral'], steps: 4 } };

/** Dark theme through `ThemeScope`. */
export const Dark: Story = {
  args: {
    prompt: 'tree',
    schedulers: ['ddim', 'dpmSolverMultistep', 'euler'],
    chartSteps: [1, 2, 4, 8],
    referenceSteps: 50,
    count: 2,
  },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <SamplerRace {...args} />
    </ThemeScope>
  ),
};

/** Too much work for one race: an inline message naming the limit. */
export const BadProps: Story = {
  args: { count: 16, steps: 200 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveAttribute('data-prop', 'count');
    await expect(alert).toHaveTextContent('at most 20000 image-steps (MAX_RACE_IMAGE_STEPS');
  },
};

/**
 * Interaction test with the real model: two samplers race, the chart fills in, DDIM's point at the reference's steps is
 * 0.
 */
export const RacesAndCharts: Story = {
  args: {
    count: 1,
    steps: 2,
    schedulers: ['ddim', 'euler'],
    chartSteps: [1, 2],
    referenceScheduler: 'ddim',
    referenceSteps: 2,
    seed: 5,
  },
  tags: ['!autodocs'],
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await step('the lanes finish and the chart is computed', async () => {
      await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 90_000 });
      await expect(canvas.getByText('Race and chart done')).toBeInTheDocument();
      const lanes = within(canvas.getByRole('list', { name: 'Samplers' })).getAllByRole('listitem');
      // The two samplers' lanes, then the shipped student's.
      await expect(lanes).toHaveLength(3);
      await expect(lanes[0]).toHaveTextContent(/RMS to reference: 0$/);
    });
    await step("the student's lane runs after the samplers', from the same noise", async () => {
      const student = within(canvas.getByRole('list', { name: 'Samplers' })).getAllByRole('listitem')[2]!;
      await waitFor(() => expect(student).toHaveAttribute('data-status', 'done'), { timeout: 90_000 });
      await expect(student).toHaveTextContent(/^glyffuser-mini-turbo \(LCM, \d steps?, no guidance pass\)/);
      await expect(student).toHaveTextContent(/RMS to reference: \d/);
    });
    await step('the table holds every point', async () => {
      const rows = within(canvas.getByRole('table')).getAllByRole('row');
      await expect(rows[1]).toHaveTextContent(/^DDIM[\d.]+0$/);
      await expect(rows[2]).not.toHaveTextContent('–');
    });
  },
};
