import { scaleLinear, scaleLog } from 'd3-scale';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartAxis, type ChartAxisProps } from './ChartAxis';

/** The axis rendered on the server, as attributes and text of its <text> and <line> elements in document order. */
function render(props: ChartAxisProps) {
  const html = renderToStaticMarkup(
    <svg>
      <ChartAxis {...props} />
    </svg>,
  );
  const attrs = (s: string): Record<string, string> =>
    Object.fromEntries([...s.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const texts = [...html.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m): Record<string, string> => ({
    ...attrs(m[1]!),
    text: m[2]!,
  }));
  const lines = [...html.matchAll(/<line([^>]*)>/g)].map((m) => attrs(m[1]!));
  return { html, texts, lines, labels: texts.map((t) => t.text) };
}

describe('ChartAxis', () => {
  it('labels a linear bottom axis from the scale’s ticks and tickFormat, under its tick marks', () => {
    const scale = scaleLinear([-3, 3], [0, 300]);
    const { html, texts, lines, labels } = render({
      orientation: 'bottom',
      scale,
      top: 200,
      numTicks: 5,
      stroke: 'red',
      tickLabel: { fill: 'blue', fontSize: 11 },
    });
    expect(html).toContain('transform="translate(0, 200)"');
    // ticks(5) steps by 1; d3's default format (precision for 10 ticks) writes one decimal and a true minus sign.
    expect(labels).toEqual(['−3.0', '−2.0', '−1.0', '0.0', '1.0', '2.0', '3.0']);
    // Each label is centred under its tick, tick length (8) + font size (11) below the line, shifted down 0.25em.
    expect(texts[1]).toMatchObject({
      x: '50',
      y: '19',
      dy: '0.25em',
      'text-anchor': 'middle',
      fill: 'blue',
      'font-size': '11',
    });
    // Tick marks (one per tick, 8 px down), then the axis line across the range, half a pixel along.
    expect(lines).toHaveLength(8);
    expect(lines[6]).toMatchObject({ x1: '300', y1: '0', x2: '300', y2: '8', stroke: 'red' });
    expect(lines[7]).toMatchObject({ x1: '0.5', y1: '0', x2: '300.5', y2: '0', stroke: 'red' });
  });

  it('labels a log left axis with the decades and the mantissas d3 keeps, right-aligned left of the ticks', () => {
    const scale = scaleLog([1, 1000], [300, 0]);
    const { texts, lines, labels } = render({
      orientation: 'left',
      scale,
      numTicks: 3,
      tickLength: 6,
      tickLabel: { dx: -3, dy: 3 },
    });
    // ticks(3) of three decades: 1, 10, 100, 1000; with the default format 1000 is 1k.
    expect(labels).toEqual(['1', '10', '100', '1k']);
    expect(texts.map((t) => Number(t.y))).toEqual([300, 200, 100, 0].map((v) => expect.closeTo(v, 9)));
    // The default text: the theme's textXs (11 px) in the current colour.
    expect(texts[0]).toMatchObject({
      x: '-6',
      dx: '-3',
      dy: '3',
      'text-anchor': 'end',
      fill: 'currentColor',
      'font-size': '11',
    });
    expect(lines[1]).toMatchObject({ x1: '0', x2: '-6', stroke: 'currentColor' });
    expect(Number(lines[1]!.y1)).toBeCloseTo(200, 9);
    expect(lines.at(-1)).toMatchObject({ x1: '0', y1: '300.5', x2: '0', y2: '0.5' });
    // More ticks on a log scale: every mantissa is ticked, d3's format leaves some unlabelled.
    const dense = render({ orientation: 'left', scale, numTicks: 10 }).labels;
    expect(dense.slice(0, 10)).toEqual(['1', '2', '3', '', '', '', '', '', '', '10']);
  });

  it('takes tick values and a format of its own, and places the axis labels as the figures had them', () => {
    const x = scaleLog([1, 32], [0, 500]).clamp(true);
    const bottom = render({
      orientation: 'bottom',
      scale: x,
      tickValues: [1, 2, 4, 8, 16, 32],
      tickFormat: (v) => `${v} steps`,
      label: 'steps',
      labelOffset: 10,
      labelText: { fontSize: 12, fill: 'green' },
    });
    expect(bottom.labels).toEqual(['1 steps', '2 steps', '4 steps', '8 steps', '16 steps', '32 steps', 'steps']);
    // Below the tick labels: tick length 8 + offset 10 + tick font size 11 (the default, textXs) + its own size 12.
    expect(bottom.texts.at(-1)).toMatchObject({
      x: '250',
      y: '41',
      'text-anchor': 'middle',
      fill: 'green',
      'font-size': '12',
    });
    const y = scaleLinear([0, 1], [200, 0]);
    const left = render({ orientation: 'left', scale: y, numTicks: 2, label: 'density', labelOffset: 30 });
    // Turned -90°: x runs up the axis (minus the middle of the range), y is left of the ticks.
    expect(left.texts.at(-1)).toMatchObject({ x: '-100', y: '-38', transform: 'rotate(-90)', text: 'density' });
    expect(render({ orientation: 'left', scale: y, numTicks: 2 }).html).not.toContain('rotate');
  });
});
