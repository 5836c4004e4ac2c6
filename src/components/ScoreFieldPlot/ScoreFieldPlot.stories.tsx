import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { ScoreFieldPlot } from '../../three';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { scoreFieldPlotSchema } from './ScoreFieldPlot.schema';

const meta = {
  title: 'Components/ScoreFieldPlot',
  component: ScoreFieldPlot,
  argTypes: schemaArgTypes(scoreFieldPlotSchema),
  parameters: {
    docs: {
      description: {
        component:
          'A 2-D data distribution noised to timestep t, with its **exact** score. The data is a gaussian ' +
          'mixture (a preset, your own `{ components }`, or a kernel density estimate of your points). Forward ' +
          'noising q(xₜ | x₀) = N(√ᾱₜ x₀, (1 − ᾱₜ) I) keeps a mixture a mixture: component k becomes ' +
          'N(√ᾱₜ μₖ, ᾱₜ Σₖ + (1 − ᾱₜ) I). So the heatmap is the true density of xₜ, and the arrows are the true ' +
          'score ∇ log qₜ(x) = Σₖ rₖ(x) · (−Cₖ⁻¹ (x − mₖ)), with rₖ the responsibilities: what a perfectly ' +
          'trained network would predict (ε̂ = −√(1 − ᾱₜ) · score). Arrows all have the same length so the ' +
          'direction reads everywhere; their width shows the magnitude. The probability-flow paths (Song et al. ' +
          '2021) run the deterministic DDIM update with this exact score from N(0, I) back to the data. Drag t ' +
          '(or focus the slider and use the arrow keys; Shift or PageUp/PageDown step 100) to watch the data ' +
          'dissolve into N(0, I) and the field straighten into −x. The 3-D view loads three.js only when chosen.',
      },
    },
  },
} satisfies Meta<typeof ScoreFieldPlot>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The 8-gaussian ring, clean (t = 0): arrows point into the nearest mode. */
export const Ring: Story = {};

/** The ring noised to t = 200: modes widen and the field between them smooths. */
export const RingNoised: Story = { args: { t: 200 } };

/** Two moons, made of 16 elongated gaussians. */
export const TwoMoons: Story = { args: { data: 'two-moons', t: 100 } };

/** A checkerboard: one gaussian per dark square. */
export const Checker: Story = { args: { data: 'checker', t: 50, densityScale: 'log' } };

/** A spiral of 14 gaussians stretched along the curve. */
export const Spiral: Story = { args: { data: 'spiral', t: 80 } };

/** Two correlated blobs, as contour lines. */
export const TwoBlobsContours: Story = { args: { data: 'two-blobs', t: 150, show: { density: 'contours' } } };

// A smiley drawn as points: the plot takes them as a kernel density estimate (Scott's rule).
const smiley: Array<[number, number]> = [
  ...Array.from(
    { length: 28 },
    (_, i) => [2.2 * Math.cos((2 * Math.PI * i) / 28), 2.2 * Math.sin((2 * Math.PI * i) / 28)] as [number, number],
  ),
  [-0.8, 0.8],
  [-0.7, 0.9],
  [0.8, 0.8],
  [0.7, 0.9],
  ...Array.from({ length: 9 }, (_, i) => {
    const a = Math.PI * (1.15 + (0.7 * i) / 8);
    return [1.2 * Math.cos(a), 0.2 + 1.2 * Math.sin(a)] as [number, number];
  }),
];

/** Your own points, as a kernel density estimate: one isotropic gaussian per point (here h = 0.18). */
export const KdeFromPoints: Story = {
  args: { data: { points: smiley, bandwidth: 0.18, label: 'smiley drawn with 41 points' }, t: 30, densityScale: 'log' },
};

/** Probability-flow paths from N(0, I) to the data; the dots show where each path is at t. */
export const Trajectories: Story = {
  args: { data: 'two-moons', t: 600, show: { trajectories: true, samples: false }, trajectoryCount: 40 },
};

/** The density as a 3-D surface with the score arrows on it (three.js, loaded on demand). */
export const ThreeD: Story = { args: { view: '3d', t: 100, gridSize: 20 } };

/** Dark theme through `ThemeScope`: only CSS variables change. */
export const Dark: Story = {
  args: { data: 'spiral', t: 120, show: { density: 'contours', trajectories: true } },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <ScoreFieldPlot {...args} />
    </ThemeScope>
  ),
};

/** A bad prop shows an inline message naming it, instead of a figure. */
export const BadProps: Story = {
  args: { t: 5000 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('t must be an integer from 0 to 999; got 5000');
  },
};

/** Interaction test: the t slider moves with the keyboard; the description, readout and picture follow. */
export const KeyboardT: Story = {
  args: { t: 200, onTChange: fn() },
  tags: ['!autodocs'],
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await expect(figure).toHaveAccessibleName('Score field of the 8-gaussian ring at t = 200');
    await expect(figure).toHaveAccessibleDescription(/noised to t = 200 of 999/);
    const slider = canvas.getByRole('slider', { name: 'Timestep t' });
    const readout = canvasElement.querySelector('[data-part="readout"]')!;
    const before = readout.textContent;
    const field = canvasElement.querySelector<HTMLCanvasElement>('canvas[data-layer="field"]')!;
    const pixelsBefore = field.toDataURL();

    await step('arrow keys step t by 1', async () => {
      slider.focus();
      await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '203'));
      await expect(figure).toHaveAccessibleDescription(/noised to t = 203 of 999/);
      await expect(readout.textContent).not.toBe(before);
      await expect(readout).toHaveTextContent('t = 203');
      await expect(args.onTChange).toHaveBeenLastCalledWith(203);
      await expect(field.toDataURL()).not.toBe(pixelsBefore);
    });

    await step('Shift+arrow and PageDown step a tenth of the schedule; Home goes to 0', async () => {
      await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '303'));
      await userEvent.keyboard('{PageDown}');
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '203'));
      await userEvent.keyboard('{Home}');
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '0'));
      await expect(figure).toHaveAccessibleName('Score field of the 8-gaussian ring at t = 0');
    });

    await step('hovering reads the exact density and score', async () => {
      const rect = field.getBoundingClientRect();
      fireEvent.pointerMove(field, { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 });
      const hover = canvasElement.querySelector('[data-part="hover"]')!;
      await waitFor(() => expect(hover).toHaveTextContent(/x = -?0\.0\d, y = -?0\.0\d · q = .* score = \(/));
    });
  },
};

/** Interaction test: the 3-D view loads lazily and renders a WebGL canvas. */
export const ThreeDRenders: Story = {
  args: { view: '3d', t: 100, gridSize: 16, densityResolution: 64 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const figure = within(canvasElement).getByRole('figure');
    await expect(figure).toHaveAttribute('data-view', '3d');
    await waitFor(() => expect(figure.querySelector('canvas')).not.toBeNull(), { timeout: 15_000 });
    const group = within(figure).getByRole('group', { name: /3-D surface of the density/ });
    await waitFor(() => expect(group).toHaveAttribute('data-state', 'ready'), { timeout: 15_000 });
    await expect(figure).toHaveAccessibleDescription(/3-D surface whose height is the density/);
    // Turning with the keyboard keeps it alive.
    group.focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowUp}');
    await expect(figure.querySelector('canvas')).not.toBeNull();
  },
};

/** Interaction test: switching layers and view from the controls. */
export const ControlsInteraction: Story = {
  args: { t: 300 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await userEvent.click(canvas.getByRole('checkbox', { name: /flow paths/ }));
    await waitFor(() => expect(figure).toHaveAccessibleDescription(/16 probability-flow paths/));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: /Density/ }), 'contours');
    await waitFor(() => expect(figure).toHaveAccessibleDescription(/density contours/));
    await userEvent.click(canvas.getByRole('checkbox', { name: /log/ }));
    await waitFor(() => expect(figure).toHaveAccessibleDescription(/log-density contours/));
    // The View choice's radios are drawn as segments: the reader clicks the segment (the radio's label).
    await userEvent.click(canvas.getByRole('radio', { name: '3-D' }).closest('label')!);
    await waitFor(() => expect(figure).toHaveAttribute('data-view', '3d'));
    await userEvent.click(canvas.getByRole('radio', { name: '2-D' }).closest('label')!);
    await waitFor(() => expect(figure.querySelector('canvas[data-layer="field"]')).not.toBeNull());
  },
};
