import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PixelGrid } from './PixelGrid';
import { pixelRgba } from './pixelColor';
import { boxDownsample, checkPixelImage } from './pixelImage';
import { resolveSource } from './usePixelGrid';

// A 2 x 1 RGBA image, planes [C, H, W]: pixel 0 opaque red, pixel 1 half-transparent blue.
const rgba = { width: 2, height: 1, channels: 4, data: [1, 0, /* G */ 0, 0, /* B */ 0, 1, /* A */ 1, 0.5] };

describe('PixelGrid with RGB and RGBA images', () => {
  it('reads the channels of each pixel from its planes', () => {
    expect(pixelRgba(rgba.data, 0, 2, 4, 0, 1)).toEqual([255, 0, 0, 255]);
    expect(pixelRgba(rgba.data, 1, 2, 4, 0, 1)).toEqual([0, 0, 255, 128]);
    // Three channels are opaque; two are grey + alpha.
    expect(pixelRgba([0.2, 0.4, 0.6], 0, 1, 3, 0, 1)).toEqual([51, 102, 153, 255]);
    expect(pixelRgba([0.2, 0], 0, 1, 2, 0, 1)).toEqual([51, 51, 51, 0]);
  });

  it('checks data against channels x width x height and names the field', () => {
    expect(checkPixelImage('image', rgba)).toBeNull();
    expect(checkPixelImage('image', { ...rgba, channels: 3 })?.message).toMatch(
      /image.data must hold channels x width x height = 3 x 2 x 1 = 6 values; got 8/,
    );
    expect(checkPixelImage('image', { ...rgba, channels: 5 })?.prop).toBe('image.channels');
  });

  it('downsamples channel by channel', () => {
    const image = { width: 2, height: 2, channels: 2, data: [0, 1, 1, 0, /* second plane */ 1, 1, 1, 1] };
    expect(Array.from(boxDownsample(image, 2).data)).toEqual([0.5, 1]);
    const source = resolveSource({ image, range: [0, 1], downsample: 2 });
    expect(source.problem).toBeNull();
    expect(source.problem === null && source.channels).toBe(2);
  });

  it('renders RGBA cells on the server with their colour and opacity, and says what the image is', () => {
    const html = renderToString(createElement(PixelGrid, { image: rgba, renderer: 'svg', label: 'Colour' }));
    expect(html).toContain('fill="rgb(255 0 0)"');
    expect(html).toContain('fill-opacity="0.5019607843137255"');
    expect(html).toContain('A 2 by 1 pixel grid of an RGBA image');
    // No values written in colour cells.
    expect(html).not.toContain('<text');
  });
});
