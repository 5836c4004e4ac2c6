import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { LatentWalk } from './LatentWalk';
import { latentWalkSchema } from './LatentWalk.schema';

const meta = {
  title: 'Components/LatentWalk',
  component: LatentWalk,
  args: { startWhen: 'mount' },
  argTypes: schemaArgTypes(latentWalkSchema),
  parameters: {
    docs: {
      description: {
        component:
          'What the model does between two inputs. A seed walk keeps the prompt and moves the starting noise from one ' +
          "seed's to another's along a great circle (spherical interpolation: a straight line would shrink the noise in " +
          'the middle, and the model has only seen noise of the full size). A prompt walk keeps the seed and moves the ' +
          "prompt's embedding in a straight line from one prompt to the other. All the points are denoised by the kit's " +
          'model in your browser as one batch. The bars under the strip show how much the glyph changes between ' +
          'neighbours: nearby noise gives nearby glyphs, and a prompt walk shows where the glyph switches radical.',
      },
    },
  },
} satisfies Meta<typeof LatentWalk>;

export default meta;
type Story = StoryObj<typeof meta>;

/** From seed 0 to seed 1 under "water": nine glyphs, 15 DDIM steps. */
export const Default: Story = {};

/** From "water" to "tree" under seed 3: where the left radical switches. */
export const PromptWalk: Story = {
  args: { walk: 'prompts', prompt: 'water', toPrompt: 'tree', seed: 3 },
};

/** A bad prop shows an inline message naming it, with what it accepts. */
export const BadProps: Story = {
  args: { seed: 4, toSeed: 4 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveAttribute('data-prop', 'toSeed');
    await expect(alert).toHaveTextContent('toSeed must differ from seed for a seed walk');
  },
};

/** Interaction test with the real model: the walk is generated, a point is picked by slider, keyboard and click. */
export const PickAPoint: Story = {
  args: { frames: 5, steps: 8 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 120_000 });
    await expect(figure).toHaveAttribute('data-largest-change');
    const slider = canvas.getByRole('slider', { name: 'Position' });
    await expect(slider).toHaveAttribute('aria-valuetext', 'point 1 of 5');
    // The native range input (arrows, Home/End by the browser itself): its change picks the point.
    fireEvent.change(slider, { target: { value: '3' } });
    await expect(figure).toHaveAttribute('data-point', '3');
    await expect(canvas.getByRole('status')).toHaveTextContent(
      /point 3 of 5 \(u = 0\.50, 50% of the way from seed 0 to seed 1\); the largest change is between points \d and \d/,
    );
    // A click on the strip's last cell picks the last point.
    const strip = canvas.getByRole('img', { name: /5 glyphs from seed 0 to seed 1/ });
    const box = strip.getBoundingClientRect();
    fireEvent.click(strip, { clientX: box.right - 2, clientY: box.top + box.height / 2 });
    await expect(figure).toHaveAttribute('data-point', '5');
    // Play from the end starts over and walks to the end again.
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(figure).toHaveAttribute('data-point', '5'), { timeout: 10_000 });
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Play' })).toBeVisible(), { timeout: 10_000 });
  },
};
