import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { GuidanceField } from './GuidanceField';
import { guidanceFieldSchema } from './GuidanceField.schema';

const meta = {
  title: 'Components/GuidanceField',
  component: GuidanceField,
  argTypes: schemaArgTypes(guidanceFieldSchema),
  parameters: {
    docs: {
      description: {
        component:
          'Classifier-free guidance (Ho & Salimans 2022), **exactly**, in 2-D. The data is a labelled gaussian ' +
          'mixture: each class y is a few gaussians, p(x | y) their mixture and p(x) = Σ_y p(y) p(x | y) the mixture ' +
          'of all. Noising keeps both mixtures, so at every t the densities pₜ(x), pₜ(x | y) and their scores are ' +
          'known in closed form. A guided sampler follows ∇ log pₜ(x) + w (∇ log pₜ(x | y) − ∇ log pₜ(x)): w = 0 is ' +
          'the unconditional score, w = 1 the conditional one, and for w > 1 the extra (w − 1) ∇ log pₜ(y | x) ' +
          '(the implicit classifier) pushes away from the other classes. The arrows are that guided score; the ' +
          'paths run the probability-flow ODE (DDIM, η = 0) with it from the **same** noise for every w and class. ' +
          'The squares are where they end, the rings where the same noise ends at w = 1, the plus the class mean ' +
          'and the cross the centre of the end points: drag w towards 10 and watch the samples leave the class ' +
          'bulk for its far tail. Keyboard: the w slider steps 0.1 (Shift or PageUp/PageDown: 1), the t slider 1 ' +
          '(Shift or PageUp/PageDown: a tenth of the schedule); Home/End go to the ends.',
      },
    },
  },
} satisfies Meta<typeof GuidanceField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Three classes; guidance w = 3 towards the top one ('circle'). */
export const ThreeClusters: Story = {};

/** The conditional distribution: the heatmap is p(x | y) for the chosen class, at a little noise. */
export const ConditionalSlice: Story = { args: { density: 'conditional', t: 150, show: { trajectories: false } } };

/** Strong guidance (w = 8): the ends overshoot the class, away from the other two. */
export const StrongGuidance: Story = { args: { guidanceScale: 8, density: 'guided' } };

/** The two moons, one class each: guidance towards the lower moon. */
export const TwoMoons: Story = { args: { data: 'two-moons', classIndex: 1, guidanceScale: 5 } };

/** The 8-gaussian ring in four classes of two modes. */
export const RingQuarters: Story = { args: { data: 'ring-quarters', classIndex: 1, guidanceScale: 6, t: 100 } };

/** Your own classes: two overlapping blobs, where guidance has the most to separate. */
export const CustomClasses: Story = {
  args: {
    data: {
      label: 'two overlapping blobs',
      classes: [
        {
          label: 'cats',
          components: [
            {
              mean: [-0.6, 0],
              cov: [
                [0.5, 0.2],
                [0.2, 0.4],
              ],
            },
            { mean: [-1.4, 1], cov: 0.1 },
          ],
        },
        {
          label: 'dogs',
          weight: 2,
          components: [
            { mean: [0.6, 0.2], cov: 0.4 },
            { mean: [1.2, -1], cov: 0.15 },
          ],
        },
      ],
    },
    guidanceScale: 4,
  },
};

/** Dark theme through `ThemeScope`: only CSS variables change. */
export const Dark: Story = {
  args: { guidanceScale: 6, t: 300 },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <GuidanceField {...args} />
    </ThemeScope>
  ),
};

/** A bad prop shows an inline message naming it, instead of a figure. */
export const BadProps: Story = {
  args: { guidanceScale: 12 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('guidanceScale must be a number from 0 to 10; got 12');
  },
};

/** Interaction test: w and t from the keyboard, the class from the radio buttons; description and picture follow. */
export const KeyboardControls: Story = {
  args: { guidanceScale: 1, t: 0, onGuidanceScaleChange: fn(), onTChange: fn(), onClassChange: fn() },
  tags: ['!autodocs'],
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    const field = canvasElement.querySelector<HTMLCanvasElement>('canvas[data-layer="field"]')!;
    await expect(figure).toHaveAccessibleName("Classifier-free guidance towards class 'circle' at w = 1, t = 0");
    await expect(figure).toHaveAccessibleDescription(/at w = 1 \(the conditional score\)/);

    await step('arrow keys step w by 0.1, Shift+arrow and PageUp by 1, End to 10', async () => {
      const w = canvas.getByRole('slider', { name: 'Guidance w' });
      const before = field.toDataURL();
      w.focus();
      await userEvent.keyboard('{ArrowRight}{ArrowRight}');
      await waitFor(() => expect(figure).toHaveAttribute('data-guidance', '1.2'));
      await expect(args.onGuidanceScaleChange).toHaveBeenLastCalledWith(1.2);
      await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}{PageUp}');
      await waitFor(() => expect(figure).toHaveAttribute('data-guidance', '3.2'));
      await userEvent.keyboard('{End}');
      await waitFor(() => expect(figure).toHaveAttribute('data-guidance', '10'));
      await expect(figure).toHaveAccessibleDescription(/pushes the samples past the class, into its tail/);
      await expect(field.toDataURL()).not.toBe(before);
    });

    await step('the t slider moves the path heads and the noise level', async () => {
      const t = canvas.getByRole('slider', { name: 'Timestep t' });
      t.focus();
      await userEvent.keyboard('{ArrowRight}{Shift>}{ArrowRight}{/Shift}');
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '101'));
      await expect(args.onTChange).toHaveBeenLastCalledWith(101);
      await expect(figure).toHaveAccessibleDescription(/noised to t = 101 of 999/);
    });

    await step('another class from the radio group (arrow keys move within it)', async () => {
      // The radios are drawn as segments: the reader clicks the segment (the radio's label).
      const square = canvas.getByRole('radio', { name: 'square' });
      await userEvent.click(square.closest('label')!);
      await waitFor(() => expect(figure).toHaveAttribute('data-class', '1'));
      await expect(args.onClassChange).toHaveBeenLastCalledWith(1);
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(() => expect(figure).toHaveAttribute('data-class', '2'));
      await expect(figure).toHaveAccessibleName("Classifier-free guidance towards class 'triangle' at w = 10, t = 101");
    });

    await step('hovering reads the density, the class probability and the guided score', async () => {
      const rect = field.getBoundingClientRect();
      fireEvent.pointerMove(field, { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 4 });
      const hover = canvasElement.querySelector('[data-part="hover"]')!;
      await waitFor(() => expect(hover).toHaveTextContent(/log p\(x\) = .* p\(y \| x\) = .* guided score = \(/));
    });
  },
};

/** Interaction test: the heatmap and layer switches. */
export const LayerControls: Story = {
  args: { guidanceScale: 5 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Heatmap/ }), 'conditional');
    await waitFor(() => expect(figure).toHaveAttribute('data-density', 'conditional'));
    await expect(figure).toHaveAccessibleDescription(/the class density p_t\(x \| y\)/);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Heatmap/ }), 'guided');
    await waitFor(() => expect(figure).toHaveAccessibleDescription(/guided \(tilted\) density/));
    await userEvent.click(canvas.getByRole('checkbox', { name: /flow paths/ }));
    await waitFor(() => expect(figure).not.toHaveAccessibleDescription(/probability-flow paths/));
    await expect(canvasElement.querySelector('[data-part="legend"]')).toBeNull();
    await userEvent.click(canvas.getByRole('checkbox', { name: /guided score arrows/ }));
    await waitFor(() => expect(figure).not.toHaveAccessibleDescription(/Arrows on/));
  },
};
