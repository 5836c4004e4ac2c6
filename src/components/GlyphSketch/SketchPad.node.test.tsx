import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SketchPad } from './SketchPad';

const noop = () => {};

describe('SketchPad on the server', () => {
  it('renders the labelled pad, its canvas and its toolbar without touching window or document', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const html = renderToString(
      <SketchPad value={new Float32Array(1024)} onChange={noop} tool="draw" onToolChange={noop} label="Sketch" />,
    );
    expect(html).toContain('role="application"');
    expect(html).toContain('aria-label="Sketch"');
    expect(html).toMatch(/<canvas[^>]*width="320" height="320"/);
    expect(html).toContain('Start from a glyph');
    expect(html).toMatch(/<button[^>]*data-action="clear"/);
  });

  it('renders the mask variant over a base, disabled, without a toolbar', () => {
    const html = renderToString(
      <SketchPad
        value={new Float32Array(1024)}
        base={new Float32Array(1024).fill(1)}
        variant="mask"
        onChange={noop}
        tool="erase"
        onToolChange={noop}
        label="Mask"
        toolbar={false}
        disabled
      />,
    );
    expect(html).toContain('data-variant="mask"');
    expect(html).toContain('aria-disabled="true"');
    expect(html).not.toContain('Start from a glyph');
  });
});
