import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThemeScope } from '../../theme/ThemeScope';
import { AttentionMap } from './AttentionMap';

describe('AttentionMap on the server', () => {
  it('renders the labelled figure, its controls and a loading status, without a Worker', () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const html = renderToString(<AttentionMap prompt="gold tree" count={4} steps={12} seed={3} cellSize={40} />);
    expect(html).toContain('role="figure"');
    expect(html).toMatch(/aria-labelledby="[^"]+-label"/);
    expect(html).toMatch(/aria-describedby="[^"]+-desc"/);
    expect(html).toContain('Where each word of the prompt acts');
    expect(html).toContain('Where each word of the prompt &quot;gold tree&quot; acts: 4 images');
    // startWhen 'visible' (the default): nothing starts on the server; the browser starts it once in view.
    expect(html).toContain('data-state="idle"');
    expect(html).toMatch(/role="status"[^>]*>Not started</);
    expect(html).toContain('The model starts when this figure scrolls into view.');
    const mounted = renderToString(<AttentionMap startWhen="mount" />);
    expect(mounted).toContain('data-state="loading"');
    expect(mounted).toMatch(/role="status"[^>]*>Loading model…</);
    expect(html).toContain('role="toolbar"');
    // 2 x 2 cells of 40 px with a 2 px gap
    expect(html).toMatch(/<canvas[^>]*width="82" height="82"/);
    for (const name of ['Step back', 'Step forward'])
      expect(html).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*>${name}</button>`));
    expect(html).toMatch(/<label[^>]*>Heatmap opacity<\/label><input[^>]*type="range"[^>]*value="0.6"/);
    expect(html).toMatch(/<option value="viridis" selected="">viridis<\/option>/);
    expect(html).toContain('0 of 12 computed');
  });

  it('renders an inline message naming the prop for bad props', () => {
    for (const [props, prop] of [
      [{ steps: 0 }, 'steps'],
      [{ startWhen: 'later' }, 'startWhen'],
      [{ count: 0 }, 'count'],
      [{ count: 40, steps: 100 }, 'steps'],
      [{ prompt: '...' }, 'prompt'],
      [{ opacity: -0.1 }, 'opacity'],
      [{ colorMap: 'rainbow' }, 'colorMap'],
      [{ scale: 'global' }, 'scale'],
      [{ base: 'noise' }, 'base'],
      [{ word: 1.5 }, 'word'],
      [{ scheduler: 'pndm' }, 'scheduler'],
      [{ cellSize: 4 }, 'cellSize'],
    ] as const) {
      const html = renderToString(<AttentionMap {...(props as object)} />);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
    }
  });

  it('passes rest props, className and theme variables through', () => {
    const html = renderToString(
      <ThemeScope theme="dark">
        <AttentionMap className="mine" data-testid="am" />
      </ThemeScope>,
    );
    // dk-figure: the kit's stylesheet gives the figure the theme's colours and type (var(--dk-text), ...).
    expect(html).toContain('class="dk-figure dk-attention-map mine"');
    expect(html).toContain('data-testid="am"');
  });
});
