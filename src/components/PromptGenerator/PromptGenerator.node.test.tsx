import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PromptGenerator } from './PromptGenerator';

describe('PromptGenerator on the server', () => {
  it('renders the labelled figure with its form and a loading status, without a Worker', () => {
    const html = renderToString(
      <PromptGenerator prompt="gold" guidanceScale={4} steps={12} seed={9} count={4} scheduler="euler" />,
    );
    expect(html).toContain('role="figure"');
    expect(html).toContain('Generate glyphs from a prompt');
    // startWhen 'visible' (the default): the model loads only once the figure is in view, never on the server.
    expect(html).toContain('data-state="idle"');
    expect(html).toMatch(/role="status"[^>]*>Not started</);
    expect(renderToString(<PromptGenerator startWhen="mount" />)).toMatch(/role="status"[^>]*>Loading model…</);
    // The kit's controls: native elements (attributes in any order).
    const tag = (name: string, ...attrs: string[]) =>
      new RegExp(`<${name}${attrs.map((a) => `(?=[^>]*\\s${a}[\\s>/])`).join('')}[^>]*>`);
    expect(html).toMatch(tag('input', 'type="text"', 'value="gold"'));
    expect(html).toMatch(/<button(?=[^>]*type="submit")(?=[^>]*disabled="")[^>]*>Generate<\/button>/);
    expect(html).toMatch(/<button(?=[^>]*type="button")(?=[^>]*disabled="")[^>]*>Cancel<\/button>/);
    expect(html).toMatch(tag('input', 'type="number"', 'value="4"'));
    expect(html).toMatch(tag('input', 'value="12"'));
    expect(html).toMatch(tag('input', 'value="9"'));
    expect(html).toMatch(/<option value="euler" selected="">Euler<\/option>/);
    expect(html).toContain('Randomise seed');
    expect(html).toContain('Single step');
  });

  it('renders an inline message naming the prop for bad props', () => {
    for (const [props, prop] of [
      [{ steps: 0 }, 'steps'],
      [{ startWhen: true }, 'startWhen'],
      [{ count: 100 }, 'count'],
      [{ seed: 0.5 }, 'seed'],
      [{ mode: 'many' }, 'mode'],
      [{ scheduler: { _class_name: 'DDIMScheduler' } }, 'scheduler'],
      [{ maxResults: 0 }, 'maxResults'],
      [{ guidanceScale: -2 }, 'guidanceScale'],
    ] as const) {
      const html = renderToString(<PromptGenerator {...(props as object)} />);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
    }
  });

  it('passes rest props and className through', () => {
    const html = renderToString(<PromptGenerator className="mine" data-testid="pg" />);
    expect(html).toContain('class="dk-figure dk-prompt-generator mine"');
    expect(html).toContain('data-testid="pg"');
  });
});
