import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { getGlyph, glyphSizes, listGlyphs } from '../../data/glyphs';
import { ThemeScope } from '../../theme/ThemeScope';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { Slider } from '../shared/ui/controls';
import { PixelGrid, type PixelGridProps } from './PixelGrid';
import { pixelGridSchema } from './PixelGrid.schema';

/** The first shipped 32 x 32 glyph built on a Kangxi radical (water 85, grass 140, speech 149, metal 167, tree 75). */
function withRadical(radical: number, size = 32): string {
  return (listGlyphs(size).find((g) => g.radical === radical) ?? listGlyphs(size)[0]!).char;
}
const WATER = withRadical(85);
const GRASS = withRadical(140);
const SPEECH = withRadical(149);
const METAL = withRadical(167);
const TREE = withRadical(75);
/** A shipped 128 x 128 glyph (the render the 32 x 32 ones are box-downsampled from), if any. */
const LARGE = glyphSizes().includes(128) ? withRadical(149, 128) : null;

/** A 128 x 128 image: the shipped 128 x 128 glyph, or a 32 x 32 one with each pixel repeated 4 x 4. */
function largeImage() {
  if (LARGE) {
    const g = getGlyph(LARGE, { size: 128 })!;
    return { width: 128, height: 128, data: g.data };
  }
  const g = getGlyph(SPEECH)!;
  const data = new Float32Array(128 * 128);
  for (let y = 0; y < 128; y++) for (let x = 0; x < 128; x++) data[y * 128 + x] = g.data[(y >> 2) * 32 + (x >> 2)]!;
  return { width: 128, height: 128, data };
}

const meta = {
  title: 'Components/PixelGrid',
  component: PixelGrid,
  args: { glyph: WATER },
  argTypes: schemaArgTypes(pixelGridSchema),
  parameters: {
    docs: {
      description: {
        component:
          'An image as a grid of pixel values: an `image` ({ data, width, height }, values in `range`) or one of the ' +
          'real glyphs shipped with the kit (`glyph`, by character or index; ink = 1 on a 0 background). Small grids ' +
          'with large cells are SVG with the values written in the cells; large grids are one canvas. Hover or focus ' +
          'the grid (Tab, then arrow keys, Home/End) to read a cell: its coordinates and value appear in a tooltip and ' +
          'are announced to screen readers.\n\n' +
          '**Noising.** With a timestep `t`, the grid shows x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε in closed form (the engine’s ' +
          '`addNoise`), with ᾱ from `schedule` (a diffusers `beta_schedule` name or `scheduler_config` object) and ε ' +
          'drawn from `seed`, the same ε at every t. The image is first mapped from `range` to [−1, 1], the range the ' +
          'model is trained on, noised there, and mapped back to `range` for display. Noised values often leave the ' +
          'range: their colour clamps to the end of the colour map, but the value written is exact.',
      },
    },
  },
} satisfies Meta<typeof PixelGrid>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A shipped 32 x 32 glyph (one built on the water radical) on a canvas. */
export const Glyph: Story = {};

/** An 8 x 8 grid (a tree-radical glyph, box-downsampled by 4) drawn in SVG with the values in the cells. */
export const ValuesInCells: Story = { args: { glyph: TREE, downsample: 4 } };

/** The same glyph noised to t = 250 (linear schedule): values leave [0, 1] and are written exactly. */
export const Noised: Story = { args: { glyph: TREE, downsample: 4, t: 250, seed: 1 } };

/** In the model's units, [-1, 1], with a diverging colour map. */
export const SignedRange: Story = { args: { glyph: METAL, range: [-1, 1], colorMap: 'diverging', t: 100, size: 512 } };

/**
 * A 128 x 128 glyph on a canvas, and the same image box-downsampled by 4 to 32 x 32 (as the training data are made).
 */
export const LargeImage: Story = {
  args: { glyph: undefined, image: largeImage() },
  render: (args) => (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
      <PixelGrid {...args} label="128 x 128" />
      <PixelGrid {...args} downsample={4} label="box-downsampled to 32 x 32" />
    </div>
  ),
};

function NoiseSlider(args: PixelGridProps) {
  const [t, setT] = useState(args.t ?? 0);
  return (
    // The kit's type for the story's own slider (a page's control, outside the figure).
    <div className="dk-figure">
      <div className="dk-controls">
        <label className="dk-field">
          timestep t {t}
          <Slider min={0} max={999} value={t} onChange={(e) => setT(e.currentTarget.valueAsNumber)} />
        </label>
      </div>
      <PixelGrid {...args} t={t} />
    </div>
  );
}

/** Drag t: the same noise grows as the signal fades. */
export const NoiseOverTime: Story = { args: { t: 0, glyph: GRASS }, render: (args) => <NoiseSlider {...args} /> };

/** Dark theme through `ThemeScope`. */
export const Dark: Story = {
  args: { glyph: SPEECH, downsample: 4, t: 50 },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <PixelGrid {...args} />
    </ThemeScope>
  ),
};

/** A bad prop (t beyond the schedule) shows an inline message naming it. */
export const BadProps: Story = {
  args: { t: 1000 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      't must be an integer from 0 to 999; got 1000',
    );
  },
};

/** Interaction test: the keyboard moves a cell cursor whose value is announced; t changes the values. */
export const KeyboardAndNoise: Story = {
  args: { glyph: TREE, downsample: 4, t: 0, seed: 2 },
  tags: ['!autodocs'],
  render: (args) => <NoiseSlider {...args} />,
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    await expect(figure).toHaveAccessibleName(`Pixel grid of the glyph ${TREE}, t = 0`);
    await expect(figure).toHaveAccessibleDescription(/8 by 8 pixel grid/);
    await expect(figure).toHaveAttribute('data-renderer', 'svg');
    const live = figure.querySelector('[data-part="live"]')!;

    await step('arrow keys move the cursor and announce the cell', async () => {
      await userEvent.tab(); // the t slider
      await userEvent.tab(); // the grid
      await expect(canvas.getByRole('application')).toHaveFocus();
      await waitFor(() => expect(live).toHaveTextContent(/^x 0, y 0: value/));
      await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
      await waitFor(() => expect(live).toHaveTextContent(/^x 2, y 1: value/));
      await userEvent.keyboard('{End}');
      await waitFor(() => expect(live).toHaveTextContent(/^x 7, y 1: value/));
      await expect(figure.querySelector('[data-part="tooltip"]')).toHaveTextContent(/x 7, y 1/);
    });

    await step('changing t changes the values, not the clean value', async () => {
      const tooltip = () => figure.querySelector('[data-part="tooltip"]')!.textContent!;
      const before = tooltip();
      fireEvent.change(canvas.getByLabelText(/timestep t/), { target: { value: '600' } });
      await waitFor(() => expect(figure).toHaveAttribute('data-t', '600'));
      const after = tooltip();
      await expect(after).not.toBe(before);
      await expect(after.split('clean value')[1]).toBe(before.split('clean value')[1]);
    });
  },
};

/** Interaction test: hovering a cell shows its coordinates and value. */
export const Hover: Story = {
  args: { glyph: WATER, downsample: 4 },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const surface = within(canvasElement).getByRole('application');
    const box = surface.getBoundingClientRect();
    // 8 x 8 cells (48 px, or smaller on a narrow page) inside a 1 px border: the middle of cell (3, 5).
    const cell = (box.width - 2) / 8;
    fireEvent.pointerMove(surface, { clientX: box.left + 1 + 3.5 * cell, clientY: box.top + 1 + 5.5 * cell });
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-part="tooltip"]')).toHaveTextContent(/^x 3, y 5: value/),
    );
  },
};

/** A 16 x 16 RGBA image, planes [C, H, W] as a model's tensors hold them: a hue sweep fading out to the right. */
const rgbaSweep = (() => {
  const w = 16;
  const plane = w * w;
  const data = new Float32Array(4 * plane);
  for (let y = 0; y < w; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const hue = ((x + y) / (2 * w)) * 2 * Math.PI;
      data[i] = 0.5 + 0.5 * Math.cos(hue);
      data[plane + i] = 0.5 + 0.5 * Math.cos(hue - (2 * Math.PI) / 3);
      data[2 * plane + i] = 0.5 + 0.5 * Math.cos(hue + (2 * Math.PI) / 3);
      data[3 * plane + i] = 1 - x / w;
    }
  }
  return { width: w, height: w, channels: 4, data };
})();

/**
 * RGB and RGBA images (`channels` 3 or 4): each cell takes its own colour; alpha lets the page show through. Noise is
 * added to every channel.
 */
export const ColourImage: Story = {
  args: { image: rgbaSweep, glyph: undefined, range: [0, 1], t: 150, label: 'An RGBA image, noised to t = 150' },
};
