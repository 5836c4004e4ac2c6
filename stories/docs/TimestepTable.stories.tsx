import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { TimestepTable } from './TimestepTable';

const meta = {
  title: 'Engine/TimestepTable',
  component: TimestepTable,
  args: { steps: 10, numTrainTimesteps: 1000, stepsOffset: 0, scheduler: 'ddim' },
  argTypes: {
    steps: { control: { type: 'range', min: 1, max: 50 } },
    stepsOffset: { control: { type: 'range', min: 0, max: 5 } },
    scheduler: { control: 'select', options: ['ddpm', 'ddim', 'dpmSolverMultistep', 'euler', 'eulerAncestral'] },
  },
} satisfies Meta<typeof TimestepTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TenSteps: Story = {};

/** diffusers' documented values for T = 1000, 10 steps: leading 900..0, trailing 999..99, linspace 999..0. */
export const MatchesDiffusers: Story = {
  play: async ({ canvasElement }) => {
    const rows = within(canvasElement).getAllByRole('row');
    const text = (spacing: string) =>
      (rows.find((r) => r.dataset.spacing === spacing) as HTMLTableRowElement).cells[1]!.textContent;
    await expect(text('leading')).toBe('900, 800, 700, 600, 500, 400, 300, 200, 100, 0');
    await expect(text('trailing')).toBe('999, 899, 799, 699, 599, 499, 399, 299, 199, 99');
    await expect(text('linspace')).toBe('999, 888, 777, 666, 555, 444, 333, 222, 111, 0');
  },
};
