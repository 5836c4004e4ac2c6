import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { AttentionMap } from './AttentionMap';
import { attentionMapSchema } from './AttentionMap.schema';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';

const meta = {
  title: 'Components/AttentionMap',
  component: AttentionMap,
  args: { steps: 20 },
  argTypes: schemaArgTypes(attentionMapSchema),
  parameters: {
    docs: {
      description: {
        component:
          'Where each word of the prompt acts. Inside the U-Net, cross-attention lets every position of the image look at ' +
          "the prompt's word vectors; the share of its attention that a position gives each word is a map over the image. " +
          "This figure generates glyphs with the kit's model in your browser and lays the map of one word (16 × 16, the " +
          'resolution where the model attends, averaged over heads and layers, upsampled smoothly) over the glyphs at any ' +
          'step. Hover or tab through the words; arrow keys move between them. The step slider moves glyphs and map ' +
          "together. By default each word's map is scaled to its own maximum, so a word that takes little attention still " +
          'shows where it acts: switch the scale to "all words" to compare words, or read their shares on the buttons. ' +
          'A model without a `cross_attention` output gets an inline message instead.',
      },
    },
  },
} satisfies Meta<typeof AttentionMap>;

export default meta;
type Story = StoryObj<typeof meta>;

/** "water tree": four glyphs, 20 DDIM steps, the map of "water" over the estimate of the finished glyphs. */
export const Default: Story = {};

/** Greyscale heatmap over the sample itself, scaled across both words. */
export const GreysOverTheSample: Story = {
  args: { prompt: 'gold metal', colorMap: 'greys', base: 'sample', scale: 'all', opacity: 0.5 },
};

/** Dark theme through `ThemeScope`. */
export const Dark: Story = {
  args: { prompt: 'fire mountain' },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <AttentionMap {...args} />
    </ThemeScope>
  ),
};

/** A bad prop shows an inline message naming it, with the limit. */
export const BadProps: Story = {
  args: { count: 64, steps: 100 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveAttribute('data-prop', 'steps');
    await expect(alert).toHaveTextContent('count x steps must be at most 2000 (MAX_ATTENTION_IMAGE_STEPS');
  },
};

/** Interaction test with the real model: words by click and keyboard, steps by the slider. */
export const WordsAndSteps: Story = {
  args: { prompt: 'water tree', count: 2, steps: 3, cellSize: 48 },
  tags: ['!autodocs'],
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await step('it generates every step and shows the newest', async () => {
      await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 60_000 });
      await expect(figure).toHaveAttribute('data-step', '3');
      await expect(canvas.getByRole('status')).toHaveTextContent(/^step 3 of 3: "water" takes/);
    });
    await step('the words are toggle buttons with one tab stop', async () => {
      const [water, tree] = within(canvas.getByRole('toolbar', { name: 'Prompt words' })).getAllByRole('button');
      await expect(water).toHaveAttribute('aria-pressed', 'true');
      await expect(tree).toHaveAttribute('tabindex', '-1');
      water!.focus();
      await userEvent.keyboard('{ArrowRight}');
      await expect(tree).toHaveAttribute('aria-pressed', 'true');
      await expect(tree).toHaveFocus();
      await expect(canvas.getByRole('status')).toHaveTextContent(/^step 3 of 3: "tree" takes/);
      await userEvent.keyboard('{Home}');
      await expect(water).toHaveAttribute('aria-pressed', 'true');
    });
    await step('the slider moves glyphs and map together', async () => {
      fireEvent.change(canvas.getByLabelText('Step'), { target: { value: '1' } });
      await waitFor(() => expect(figure).toHaveAttribute('data-step', '1'));
      await expect(canvas.getByRole('img')).toHaveAccessibleName(/at step 1 of 3 with the attention to "water"/);
    });
  },
};
