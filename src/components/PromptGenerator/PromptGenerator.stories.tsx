import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { PromptGenerator } from './PromptGenerator';
import { promptGeneratorSchema } from './PromptGenerator.schema';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';

const meta = {
  title: 'Components/PromptGenerator',
  component: PromptGenerator,
  args: { prompt: 'gold', guidanceScale: 3, steps: 20 },
  argTypes: schemaArgTypes(promptGeneratorSchema),
  parameters: {
    docs: {
      description: {
        component:
          "Type an English word or phrase and generate glyphs with the kit's model, in your browser. The prompt is " +
          'split into words and each known word becomes a vector the U-Net attends to; a word the model never saw ' +
          'becomes the same blank "unknown" vector, so the figure lists such words under the field. Classifier-free ' +
          'guidance runs the model twice per step, with the prompt and with the empty prompt, and pushes the result ' +
          'away from the unprompted prediction: ε̂ = ε̂(∅) + w (ε̂(prompt) − ε̂(∅)). An empty prompt gives ' +
          'unconditional samples. Results are listed newest first under their settings; tick Compare on two of them ' +
          'to see them side by side. **Single step** runs one DDIM step from pure noise (t = 999) and shows the ' +
          'predicted clean image x̂₀ for the prompt beside the one for the empty prompt, same noise: one step already ' +
          'leans toward the prompt.',
      },
    },
  },
} satisfies Meta<typeof PromptGenerator>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type a prompt and press Generate (or Enter). */
export const Default: Story = {};

/** Generates 16 glyphs for "gold" as soon as the model is loaded. */
export const GenerateOnLoad: Story = { args: { generateOnLoad: true } };

/** One step from pure noise: predicted x̂₀ for "gold" beside the one for the empty prompt. */
export const SingleStep: Story = { args: { mode: 'singleStep', generateOnLoad: true } };

/** Dark theme through `ThemeScope`. */
export const Dark: Story = {
  args: { prompt: 'water' },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <PromptGenerator {...args} />
    </ThemeScope>
  ),
};

/** A bad prop shows an inline message naming it. */
export const BadProps: Story = {
  args: { count: 0 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'count must be an integer from 1 to 256; got 0.',
    );
  },
};

/** A model that is not there (HTTP 404): a message saying so, with a Retry button. */
/** Tagged `expected-errors`: its 404 is the point (the story visitor allows its console errors and failed requests). */
export const MissingModel: Story = {
  tags: ['expected-errors'],
  args: { model: '/kit-assets/models/missing/model.json' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 30_000 });
    await expect(alert).toHaveTextContent(/The model could not be loaded: .*HTTP 404/);
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Generate' })).toBeDisabled();
  },
};

async function modelReady(canvasElement: HTMLElement) {
  const figure = within(canvasElement).getAllByRole('figure')[0]!;
  await waitFor(() => expect(figure).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
  return figure;
}

/** Interaction test with the real model: type "gold", press Enter, a result labelled "gold" appears. */
export const GeneratesGold: Story = {
  args: { prompt: '', count: 2, steps: 2 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await modelReady(canvasElement);
    await userEvent.type(canvas.getByLabelText('Prompt'), 'gold{Enter}');
    const result = await canvas.findByRole('figure', {
      name: /^"gold" · 2 steps of DDIM · guidance 3 · seed 0 · 2 samples$/,
    });
    await waitFor(() => expect(result).toHaveAttribute('data-status', 'done'), { timeout: 60_000 });
    await expect(result).toHaveAccessibleDescription(/^done in \d+\.\d s$/);
    await expect(within(result).getByRole('img')).toBeInTheDocument();
  },
};

/** Interaction test: words the model does not know are listed under the field. */
export const UnknownWords: Story = {
  args: { prompt: '' },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await modelReady(canvasElement);
    const field = canvas.getByLabelText('Prompt');
    await userEvent.type(field, 'gold zzqxv');
    await expect(field).toHaveAccessibleDescription(/^Unknown to the model: zzqxv\./);
    await userEvent.clear(field);
    await userEvent.type(field, 'gold');
    await expect(field).toHaveAccessibleDescription('');
  },
};

/** Interaction test: two results compared side by side. */
export const CompareTwo: Story = {
  args: { prompt: 'gold', count: 2, steps: 2 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await modelReady(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(canvas.getByRole('checkbox', { name: 'Compare' })).toBeInTheDocument(), {
      timeout: 60_000,
    });
    const field = canvas.getByLabelText('Prompt');
    await userEvent.clear(field);
    await userEvent.type(field, 'water{Enter}');
    await waitFor(() => expect(canvas.getAllByRole('checkbox', { name: 'Compare' })).toHaveLength(2), {
      timeout: 60_000,
    });
    // Newest first: water, then gold.
    const items = canvas.getAllByRole('listitem');
    await expect(items[0]).toHaveTextContent(/^"water"/);
    await expect(items[1]).toHaveTextContent(/^"gold"/);
    for (const box of canvas.getAllByRole('checkbox', { name: 'Compare' })) await userEvent.click(box);
    const comparison = canvas.getByRole('region', { name: 'Side-by-side comparison' });
    const figures = within(comparison).getAllByRole('figure');
    await expect(figures.map((f) => f.getAttribute('aria-label')?.split(' · ')[0])).toEqual(['"water"', '"gold"']);
  },
};

/**
 * Interaction test: Cancel stops a long generation at once and marks it cancelled. Kept last in the file: the
 * engine Worker (as of this writing) reads the abort message only once the cancelled run has finished its
 * steps, so a later story on the same shared Worker would wait for them.
 */
export const CancelStops: Story = {
  args: { prompt: 'tree', count: 2, steps: 400 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await modelReady(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    const result = await canvas.findByRole('figure', { name: /^"tree"/ });
    await waitFor(() => expect(result).toHaveAccessibleDescription(/^step [1-9]\d* of 400$/), { timeout: 30_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(result).toHaveAttribute('data-status', 'cancelled');
    await expect(result).toHaveAccessibleDescription(/^cancelled after \d+ of 400 steps; partial images discarded$/);
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    const statusText = () =>
      canvasElement.ownerDocument.getElementById(result.getAttribute('aria-describedby')!)?.textContent;
    const stoppedAt = statusText();
    await new Promise((r) => setTimeout(r, 500));
    // Nothing arrives after the cancel.
    await expect(result).toHaveAttribute('data-status', 'cancelled');
    await expect(statusText()).toBe(stoppedAt);
    await expect(within(result).queryByRole('img')).toBeNull();
  },
};

/**
 * A model without a text encoder (a tiny unconditional RGB `UNet2DModel`): the figure says, under the prompt
 * field, that the model cannot take prompts, and Generate samples what the model can make. Click an image, or
 * choose one with the arrow keys and press Enter, to see it enlarged.
 */
export const ModelWithoutTextEncoder: Story = {
  args: {
    model: '/kit-fixtures/diffusers/unconditional/model.json',
    prompt: '',
    count: 9,
    steps: 10,
    generateOnLoad: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/has no text encoder, so it cannot take prompts/, {}, { timeout: 60_000 });
  },
};
