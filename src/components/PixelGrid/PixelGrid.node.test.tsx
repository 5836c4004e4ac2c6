import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { listGlyphs } from '../../data/glyphs';
import { ThemeScope } from '../../theme/ThemeScope';
import { PixelGrid } from './PixelGrid';
import { PIXEL_GRID_CSS } from './pixelGridCss';

const WATER = listGlyphs().find((g) => g.radical === 85)!.char;

describe('PixelGrid on the server', () => {
  it('renders a small grid as SVG with its values written in the cells', () => {
    const image = { width: 3, height: 2, data: [0, 0.5, 1, 0.25, 0.75, 2] };
    const html = renderToString(<PixelGrid image={image} label="Tiny" />);
    expect(html).toContain('role="figure"');
    expect(html).toContain('data-renderer="svg"');
    expect(html).toContain('>Tiny<');
    expect((html.match(/<rect /g) ?? []).length).toBe(6);
    // 2 is outside [0, 1]: white in colour, but written exactly.
    expect(html).toContain('>2.00<');
    expect(html).toContain('>0.25<');
    expect(html).toContain('A 3 by 2 pixel grid of an image');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('tabindex="0"');
  });

  it('renders a glyph noised to t on a canvas, with the noise described', () => {
    const html = renderToString(<PixelGrid glyph={WATER} t={250} seed={4} />);
    expect(html).toContain('data-renderer="canvas"');
    expect(html).toContain('<canvas');
    expect(html).toContain(`Pixel grid of the glyph ${WATER}`);
    expect(html).toContain('data-t="250"');
    expect(html).toMatch(/Noised to timestep 250 of 1000 with the linear schedule \(seed 4\)/);
  });

  it('renders an inline message naming the prop for bad props', () => {
    for (const [props, prop] of [
      [{ glyph: WATER, t: 5000 }, 't'],
      [{ image: { width: 2, height: 2, data: [1] } }, 'image.data'],
      [{ glyph: WATER, downsample: 5 }, 'downsample'],
      [{ glyph: WATER, size: -1 }, 'size'],
      [{ glyph: WATER, colorMap: 'rainbow' }, 'colorMap'],
    ] as const) {
      const html = renderToString(<PixelGrid {...(props as object)} />);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
    }
  });

  it('passes rest props and className, and themes through CSS variables', () => {
    const html = renderToString(
      <ThemeScope theme="dark">
        <PixelGrid glyph={0} className="x" data-testid="pg" />
      </ThemeScope>,
    );
    expect(html).toContain('class="dk-figure dk-pixel-grid x"');
    expect(html).toContain('data-testid="pg"');
    // The surface's look is the kit's stylesheet's, from the theme's variables.
    expect(html).toContain('class="dk-pixel-grid-surface"');
    expect(PIXEL_GRID_CSS).toMatch(/\.dk-pixel-grid-surface \{[^}]*var\(--dk-border/);
  });
});
