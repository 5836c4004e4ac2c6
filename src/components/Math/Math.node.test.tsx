import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Math as TeX, renderTex } from './index';
import { themeVar } from '../../theme/theme';

const render = (node: React.ReactElement) => renderToString(node);

describe('Math on the server', () => {
  it('typesets TeX into KaTeX markup: HTML for the eye, MathML for screen readers', () => {
    const html = render(<TeX tex="\nabla_x \log p_t(x)" />);
    expect(html).toMatch(/^<span class="dk-math">/);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<mi mathvariant="normal">∇</mi>');
    expect(html).toContain('class="katex-html" aria-hidden="true"');
    // The source is kept as the MathML annotation.
    expect(html).toContain('<annotation encoding="application/x-tex">\\nabla_x \\log p_t(x)</annotation>');
  });

  it('typesets a display formula', () => {
    const html = render(<TeX display tex="x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \epsilon" />);
    expect(html).toContain('data-display="true"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('display="block"');
  });

  it('shows a formula KaTeX cannot parse as its source, in the error colour, without throwing', () => {
    const html = render(<TeX tex="\frac{1}{" />);
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{1}{');
    expect(html).toContain(`color:${themeVar('error')}`);
    expect(themeVar('error')).toMatch(/^var\(--dk-error, light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)\)$/);
  });

  it('writes no link, script or markup from the formula', () => {
    const html = renderTex('\\href{javascript:alert(1)}{x} <script>alert(1)</script> \\url{https://example.com}');
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toContain('<script');
    // The source survives only as text (the MathML annotation), never as an attribute.
    expect(html).not.toMatch(/\bhref=/);
    expect(html).not.toMatch(/="javascript:/);
    expect(html).toContain('<annotation encoding="application/x-tex">\\href{javascript:alert(1)}{x} &lt;script&gt;');
  });

  it('bounds macro expansion (a formula from anywhere cannot hang the page)', () => {
    // 16,384 x's once expanded: unbounded, KaTeX would typeset them all (some 180,000 characters of markup).
    const bomb =
      '\\def\\a{xxxxxxxx}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c\\c\\c\\c\\c}\\d\\d\\d\\d';
    const html = renderTex(bomb);
    // The work is bounded by counting, not timing: the expansion stops at the limit and nothing expanded is typeset.
    expect(html).toContain('katex-error');
    expect(html).toContain('Too many expansions');
    expect(html.match(/x/g)?.length ?? 0).toBeLessThan(100);
    expect(html.length).toBeLessThan(10 * bomb.length);
  });

  it('spreads the host attributes and merges className', () => {
    const html = render(<TeX tex="w" className="mine" id="m" aria-label="w" />);
    expect(html).toContain('class="dk-math mine"');
    expect(html).toContain('id="m"');
    expect(html).toContain('aria-label="w"');
  });

  it('shows an inline message naming a bad prop', () => {
    const bad = render(<TeX tex={42 as never} />);
    expect(bad).toContain('role="alert"');
    expect(bad).toContain('data-prop="tex"');
    expect(bad).toContain('tex must be a string of at most 2000 characters; got 42.');
    expect(render(<TeX tex={'x'.repeat(2001)} />)).toContain('got 2001 characters');
    expect(render(<TeX tex="x" display={'yes' as never} />)).toContain('data-prop="display"');
  });
});
