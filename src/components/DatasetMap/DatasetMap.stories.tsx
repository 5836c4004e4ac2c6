import type { Meta, StoryObj } from '@storybook/react-vite';
import axe from 'axe-core';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { ScoreFieldPlot } from '../ScoreFieldPlot/ScoreFieldPlot';
import { schemaArgTypes } from '../shared/props/schemaArgTypes';
import { DatasetMap } from './DatasetMap';
import { datasetMapSchema } from './DatasetMap.schema';
import { DATASET_MAP_RADICALS, datasetMapEntries, datasetMapPoints } from './datasetMapData';

const entries = datasetMapEntries();
/** The first glyph of the water radical, e.g. for a selection. */
const FIRST_WATER = entries.findIndex((e) => e.radical === 85);

const meta = {
  title: 'Components/DatasetMap',
  component: DatasetMap,
  args: { onSelect: fn() },
  argTypes: schemaArgTypes(datasetMapSchema),
  parameters: {
    docs: {
      description: {
        component:
          'The 400 real glyphs shipped with the kit (a sample of the training data of its model), placed in 2-D by ' +
          '**UMAP** (McInnes et al. 2018) of their 32 × 32 pixels. The projection is computed once, at build time, by ' +
          '`scripts/build-dataset-map.mjs` with umap-js and a seeded generator, so the map is the same everywhere and ' +
          'costs the browser nothing. UMAP keeps neighbours: glyphs that look alike land close together, so glyphs ' +
          'whose radical sits in the same place of the square (water on the left, grass on top) gather in ' +
          'neighbourhoods. Distances between far-apart clusters mean little. Colours mark the six radicals of the ' +
          "model's radical test (each a CSS variable `--dk-radical-<number>`); others are grey. Point at a glyph, or " +
          'focus the map and use the arrow keys (each moves to the nearest glyph in that direction), to see it with ' +
          'its definition; Enter, Space or a click selects it. `datasetMapPoints()` returns the same map as ' +
          '`[x, y]` points scaled to [−2, 2], ready to be the data of ScoreFieldPlot.',
      },
    },
  },
} satisfies Meta<typeof DatasetMap>;

export default meta;
type Story = StoryObj<typeof meta>;

/** All 400 shipped glyphs, coloured by the six test radicals. */
export const Default: Story = {};

/** A glyph selected from the start (the first water-radical glyph): a ring marks it and the caption names it. */
export const Selected: Story = { args: { selected: FIRST_WATER } };

/** Only two radicals coloured: water (氵, on the left of the square) and grass (艹, on top). */
export const WaterAndGrass: Story = {
  args: { radicals: DATASET_MAP_RADICALS.filter((r) => r.radical === 85 || r.radical === 140), pointRadius: 5 },
};

/**
 * The map as data for ScoreFieldPlot: `datasetMapPoints()` gives the 400 points scaled to [-2, 2], which the
 * plot turns into a kernel density estimate, noises to t and draws with its exact score.
 */
export const AsScoreFieldData: Story = {
  render: () => (
    <ScoreFieldPlot
      data={{ points: datasetMapPoints(), bandwidth: 0.08, label: 'the 400 training glyphs, mapped by UMAP' }}
      t={20}
      sampleCount={400}
      gridSize={20}
    />
  ),
  play: async ({ canvasElement }) => {
    const figure = within(canvasElement).getByRole('figure');
    await expect(figure).toHaveAttribute('data-data', 'kde');
    await expect(figure).toHaveAccessibleName(/the 400 training glyphs, mapped by UMAP/);
  },
};

/** Dark theme through `ThemeScope`: only CSS variables change (water, grass and fire follow the theme's accents). */
export const Dark: Story = {
  args: { selected: FIRST_WATER },
  render: (args) => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <DatasetMap {...args} />
    </ThemeScope>
  ),
};

/** A bad prop shows an inline message naming it, instead of a figure. */
export const BadProps: Story = {
  args: { pointRadius: 0 },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('pointRadius must be a number from 1 to 20; got 0.');
    await expect(within(canvasElement).queryByRole('listbox')).toBeNull();
  },
};

const cxOf = (el: Element) => Number(el.getAttribute('cx'));
const cyOf = (el: Element) => Number(el.getAttribute('cy'));

/** Interaction test: the keyboard moves between nearest glyphs, shows each in the tooltip, and Enter selects. */
export const KeyboardNavigation: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    const figure = canvas.getByRole('figure');
    const listbox = canvas.getByRole('listbox', { name: 'Glyphs on the map' });
    await expect(figure).toHaveAccessibleName('The training glyphs, mapped by similarity (UMAP)');
    await expect(figure).toHaveAccessibleDescription(/Scatter plot of 400 glyphs placed by UMAP/);
    await expect(canvas.getAllByRole('option')).toHaveLength(400);

    await step('focus puts the cursor on a glyph and shows it', async () => {
      listbox.focus();
      await waitFor(() => expect(figure).toHaveAttribute('data-active'));
      const active = Number(figure.getAttribute('data-active'));
      await expect(listbox).toHaveAttribute(
        'aria-activedescendant',
        canvasElement.querySelectorAll('[role="option"]')[active]!.id,
      );
      const tooltip = canvasElement.querySelector('[data-part="tooltip"]')!;
      await expect(tooltip).toHaveTextContent(entries[active]!.definition);
      // The glyph is drawn: the canvas has ink (pixels different from its paper).
      const glyph = tooltip.querySelector('canvas')!;
      const px = glyph.getContext('2d')!.getImageData(0, 0, glyph.width, glyph.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < px.length; i += 4) colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
      await expect(colours.size).toBeGreaterThan(2);
    });

    await step('ArrowRight moves to a glyph further right, ArrowUp to one higher up', async () => {
      const options = canvasElement.querySelectorAll('[role="option"]');
      const before = Number(figure.getAttribute('data-active'));
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(() => expect(figure.getAttribute('data-active')).not.toBe(String(before)));
      const right = Number(figure.getAttribute('data-active'));
      await expect(cxOf(options[right]!)).toBeGreaterThan(cxOf(options[before]!));
      await userEvent.keyboard('{ArrowUp}');
      await waitFor(() => expect(figure.getAttribute('data-active')).not.toBe(String(right)));
      const up = Number(figure.getAttribute('data-active'));
      await expect(cyOf(options[up]!)).toBeLessThan(cyOf(options[right]!));
    });

    await step('Enter selects the glyph under the cursor', async () => {
      const active = Number(figure.getAttribute('data-active'));
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(figure).toHaveAttribute('data-selected', String(active)));
      await expect(args.onSelect).toHaveBeenLastCalledWith(entries[active], active);
      await expect(canvas.getAllByRole('option', { selected: true })).toHaveLength(1);
      await expect(canvasElement.querySelector('[data-part="selection"]')).toHaveTextContent(
        `Selected ${entries[active]!.char}:`,
      );
    });

    await step('Escape hides the tooltip; no axe violations', async () => {
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(canvasElement.querySelector('[data-part="tooltip"]')).toBeNull());
      const result = await axe.run(canvasElement);
      await expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  },
};

/** Interaction test: pointing at a glyph shows its definition; a click selects it. */
export const HoverAndClick: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement, args }) => {
    const figure = within(canvasElement).getByRole('figure');
    const svg = canvasElement.querySelector<SVGSVGElement>('svg[role="listbox"]')!;
    const target = FIRST_WATER;
    const circle = canvasElement.querySelectorAll('[role="option"]')[target]!;
    // The map may be shown scaled (its viewBox): a point at (cx, cy) of the map is at rect + (cx, cy) * scale.
    const rect = svg.getBoundingClientRect();
    const s = rect.width / svg.viewBox.baseVal.width;
    const at = { clientX: rect.left + (cxOf(circle) + 1) * s, clientY: rect.top + cyOf(circle) * s };
    // The nearest glyph to the pointer is the target itself, or one even nearer (points can overlap).
    fireEvent.pointerMove(svg, at);
    await waitFor(() => expect(figure).toHaveAttribute('data-active'));
    const hovered = Number(figure.getAttribute('data-active'));
    const options = canvasElement.querySelectorAll('[role="option"]');
    const distance = (i: number) =>
      Math.hypot(cxOf(options[i]!) - (cxOf(circle) + 1), cyOf(options[i]!) - cyOf(circle));
    await expect(distance(hovered)).toBeLessThanOrEqual(distance(target) + 0.01);
    await expect(canvasElement.querySelector('[data-part="tooltip"]')).toHaveTextContent(entries[hovered]!.definition);
    fireEvent.click(svg, at);
    await waitFor(() => expect(figure).toHaveAttribute('data-selected', String(hovered)));
    await expect(args.onSelect).toHaveBeenCalledWith(entries[hovered], hovered);
    // Far from every glyph (the empty corner outside the margin), nothing is picked.
    fireEvent.pointerMove(svg, { clientX: rect.left + 1, clientY: rect.top + 1 });
    await waitFor(() => expect(canvasElement.querySelector('[data-part="tooltip"]')).toBeNull());
  },
};
