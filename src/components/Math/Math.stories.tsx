import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ThemeScope } from '../../theme/ThemeScope';
import { GuidanceField } from '../GuidanceField/GuidanceField';
import { Math as TeX } from './Math';

const meta = {
  title: 'Components/Math',
  component: TeX,
  args: {
    tex: '\\nabla_x \\log p_t(x) = -\\frac{\\hat\\epsilon_\\theta(x_t, t)}{\\sqrt{1 - \\bar\\alpha_t}}',
    display: false,
  },
  parameters: {
    docs: {
      description: {
        component:
          'A formula typeset with KaTeX, from the separate entry `diffusion-kit/math` (KaTeX is an optional peer ' +
          'dependency that no other import loads). Import `katex/dist/katex.min.css` once. It renders to a string ' +
          'with no state or effect, so it works on the server and in React server components; the output carries ' +
          'MathML for screen readers. Use it in figure captions: `label={<>Guided score <Math tex="..." /></>}`.',
      },
    },
  },
} satisfies Meta<typeof TeX>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Inline, in a sentence. */
export const Inline: Story = {
  render: (args) => (
    <p>
      The score of the noised data, <TeX {...args} />, is what the network learns.
    </p>
  ),
};

/** A display formula: forward noising in one jump. */
export const Display: Story = {
  args: {
    display: true,
    tex: 'x_t = \\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\epsilon, \\qquad \\epsilon \\sim \\mathcal N(0, I)',
  },
};

/** In a figure's caption, which names the figure (the MathML gives it a readable accessible name). */
export const InACaption: Story = {
  render: () => (
    <ThemeScope theme="dark" style={{ padding: 16 }}>
      <GuidanceField
        guidanceScale={4}
        trajectoryCount={12}
        label={
          <>
            Guided score <TeX tex="\nabla \log p_t(x) + w\,(\nabla \log p_t(x \mid y) - \nabla \log p_t(x))" /> at{' '}
            <TeX tex="w = 4" />
          </>
        }
      />
    </ThemeScope>
  ),
  play: async ({ canvasElement }) => {
    const figure = within(canvasElement).getByRole('figure');
    await expect(figure.querySelectorAll('.katex').length).toBe(2);
    await expect(figure).toHaveAccessibleName(/Guided score/);
  },
};

/** A formula KaTeX cannot parse shows its source in the error colour; a bad prop shows a message. */
export const Errors: Story = {
  render: () => (
    <p>
      <TeX tex="\frac{1}{" /> and <TeX tex={42 as never} />
    </p>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.katex-error')).not.toBeNull();
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'tex must be a string of at most 2000 characters; got 42.',
    );
  },
};
