import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GlyphSketch } from './GlyphSketch';

describe('GlyphSketch on the server', () => {
  it('renders the labelled figure, the pad, the mode choice and the controls, without a Worker', () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const html = renderToString(<GlyphSketch prompt="gold" strength={0.4} steps={10} count={2} />);
    expect(html).toContain('class="dk-figure dk-glyph-sketch"');
    expect(html).toContain('Draw, and the model finishes it');
    expect(html).toContain('Finish a sketch: the model turns the sketch on the pad into 2 glyphs for &quot;gold&quot;');
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('aria-label="Sketch of a glyph"');
    expect(html).toContain('Finish my sketch');
    expect(html).toMatch(/<input[^>]*type="range"[^>]*value="0.4"/);
    // Live by default (the shipped student, 8 steps): floor(8 x 0.4) = 3; no Generate button.
    expect(html).toContain('data-live="true"');
    expect(html).toContain('0.40: 3 of 8 steps');
    expect(html).not.toMatch(/>Generate</);
    expect(html).toContain('The glyphs are drawn again a moment after each change.');
    // Without a live model, the figure's own steps on Generate.
    const full = renderToString(<GlyphSketch prompt="gold" strength={0.4} steps={10} liveModel={false} />);
    expect(full).toContain('data-live="false"');
    expect(full).toContain('0.40: 4 of 10 steps');
    expect(full).toMatch(/<button[^>]*disabled=""[^>]*>Generate<\/button>/);
    // A model of the host's own: no shipped student unless it names one.
    expect(renderToString(<GlyphSketch model="/m/model.json" />)).toContain('data-live="false"');
    const repaint = renderToString(<GlyphSketch mode="repaint" glyph="苕" startWhen="mount" />);
    expect(repaint).toContain('data-state="loading"');
    expect(repaint).toContain('aria-label="Mask of the cells to repaint"');
    expect(repaint).not.toContain('Strength');
  });

  it('renders an inline message naming the prop for bad props', () => {
    for (const [props, prop] of [
      [{ strength: -0.1 }, 'strength'],
      [{ mode: 'erase' }, 'mode'],
      [{ glyph: 'A' }, 'glyph'],
      [{ count: 17 }, 'count'],
    ] as const) {
      const html = renderToString(<GlyphSketch {...(props as object)} />);
      expect(html, JSON.stringify(props)).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
    }
  });
});
