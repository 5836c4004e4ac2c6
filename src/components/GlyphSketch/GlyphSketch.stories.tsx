import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { GlyphSketch } from './GlyphSketch';
import { glyphSketchSchema } from './GlyphSketch.schema';

const meta = {
  title: 'Components/GlyphSketch',
  component: GlyphSketch,
  args: { startWhen: 'mount' },
  argTypes: schemaArgTypes(glyphSketchSchema),
  parameters: {
    docs: {
      description: {
        component:
          'The reader draws, the model finishes. *Finish my sketch* is SDEdit (Meng et al. 2022): the sketch is noised ' +
          'with the forward process to the level that the strength names, so that its rough shape survives and its ' +
          'details are lost, and the model denoises it from there, as it would any noisy glyph: strength 0 keeps the ' +
          'sketch, 1 ignores it. *Repaint* is RePaint (Lugmayr et al. 2022): at every step the cells outside the mask ' +
          'are replaced by the glyph itself noised to that step, so the model redraws only the masked cells, in keeping ' +
          'with the rest; the result equals the glyph wherever the mask is off. Draw with a mouse, a pen or a finger, or ' +
          'with the keyboard (arrows move the cursor, Space paints, D and E switch draw and erase).',
      },
    },
  },
} satisfies Meta<typeof GlyphSketch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A rough water radical, finished for "water" at strength 0.9: four seeds, live by the shipped student. */
export const Default: Story = {};

/** 泡 with its left third masked, repainted for "tree". */
export const Repaint: Story = {
  args: { mode: 'repaint', prompt: 'tree' },
};

/** A bad prop shows an inline message naming it, with what it accepts. */
export const BadProps: Story = {
  args: { strength: 1.5 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveAttribute('data-prop', 'strength');
    await expect(alert).toHaveTextContent('strength must be a number from 0 to 1');
  },
};

/** Live (the shipped student): a stroke drawn by keyboard is finished again a moment later, with no button. */
export const Live: Story = {
  args: { count: 2, strength: 0.75 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 120_000 });
    await expect(figure).toHaveAttribute('data-live', 'true');
    // The student's LCM grid of LIVE_SKETCH_STEPS (8) steps: strength 0.75 runs the last 6.
    await expect(figure).toHaveAttribute('data-computed', '6');
    await expect(canvas.queryByRole('button', { name: /^Generate/ })).toBeNull();
    const before = figure.getAttribute('data-start-timestep');
    await expect(before).not.toBeNull();
    const pad = canvas.getByRole('application', { name: 'Sketch of a glyph' });
    pad.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'generating'), { timeout: 10_000 });
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 120_000 });
    // Draw over the first result: it becomes the sketch.
    await userEvent.click(canvas.getByRole('button', { name: 'Draw over result 1' }));
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'generating'), { timeout: 10_000 });
  },
};

/** Interaction test with the full model, step by step (no live model): finish, draw a stroke by keyboard, again. */
export const DrawAndFinish: Story = {
  args: { count: 2, steps: 8, liveModel: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 120_000 });
    // strength 0.9 of 8 steps: the last 7 of the grid.
    await expect(figure).toHaveAttribute('data-computed', '7');
    await expect(canvas.getByRole('button', { name: 'Generate again' })).toBeEnabled();
    const pad = canvas.getByRole('application', { name: 'Sketch of a glyph' });
    pad.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{Shift>}{ArrowRight}{ArrowRight}{ArrowRight}{/Shift}');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'generating'), { timeout: 10_000 });
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'done'), { timeout: 120_000 });
  },
};
