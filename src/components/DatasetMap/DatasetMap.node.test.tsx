import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ThemeScope } from '../../theme/ThemeScope';
import { DatasetMap } from './DatasetMap';
import { datasetMapEntries } from './datasetMapData';

describe('DatasetMap on the server', () => {
  it('renders the 400 shipped glyphs as named options of a listbox, with the legend and a description', () => {
    const html = renderToString(<DatasetMap />);
    expect(html).toContain('role="figure"');
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('data-count="400"');
    expect(html).toContain('role="listbox"');
    expect(html).toContain('tabindex="0"');
    expect((html.match(/role="option"/g) ?? []).length).toBe(400);
    expect((html.match(/<circle /g) ?? []).length).toBe(400); // no hover or selection rings yet
    // Every option is named by its glyph; check one by hand.
    const water = datasetMapEntries().find((e) => e.radical === 85)!;
    expect(html).toContain(
      `aria-label="${water.char}: ${water.definition.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}; radical 85 (water)"`,
    );
    expect(html).toMatch(/Scatter plot of 400 glyphs placed by UMAP/);
    expect(html).toMatch(/water \(radical 85\): 24/);
    expect(html).toContain('256 others in grey');
    // The legend: 6 radicals and the grey rest, with their counts.
    const text = html.replace(/<!-- -->/g, '');
    for (const [name, radical] of [
      ['metal', 167],
      ['water', 85],
      ['tree', 75],
      ['grass', 140],
      ['speech', 149],
      ['fire', 86],
    ] as const) {
      expect(text).toContain(`${name} <span class="dk-dataset-map-count">(${radical}) · 24</span>`);
    }
    expect(text).toContain('other <span class="dk-dataset-map-count">· 256</span>');
    expect(html).toContain('Colours: radicals');
    // No tooltip and no canvas on the server: they appear only on hover or focus.
    expect(html).not.toContain('data-part="tooltip"');
    expect(html).not.toContain('<canvas');
  });

  it('shows a selected glyph in words and marks its option', () => {
    const e = datasetMapEntries()[7]!;
    const html = renderToString(<DatasetMap selected={7} />);
    expect(html).toContain('data-selected="7"');
    expect(html).toContain(`Selected ${e.char}:`);
    expect((html.match(/aria-selected="true"/g) ?? []).length).toBe(1);
    expect(html).toContain('data-part="selected-ring"');
  });

  it('renders an inline message naming the prop for bad props', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const [props, prop, text] of [
      [{ width: Number.NaN }, 'width', 'width must be a number from 160 to 4096; got NaN.'],
      [{ pointRadius: -2 }, 'pointRadius', 'pointRadius must be a number from 1 to 20; got -2.'],
      [{ data: [] }, 'data', 'data must hold from 1 to 5000 glyphs; got none.'],
      [{ selected: 400 }, 'selected', 'selected must be an integer from 0 to 399; got 400.'],
      [{ selected: 1.5 }, 'selected', 'selected must be an integer from 0 to 399; got 1.5.'],
    ] as const) {
      const html = renderToString(<DatasetMap {...(props as object)} />);
      expect(html).toContain('role="alert"');
      expect(html).toContain(`data-prop="${prop}"`);
      expect(html).toContain(text);
      expect(html).not.toContain('role="listbox"');
    }
    warn.mockRestore();
  });

  it('themes only through CSS variables and passes rest props and className to the root', () => {
    const html = renderToString(
      <ThemeScope theme="dark">
        <DatasetMap className="mine" data-testid="map" width={300} height={200} showLegend={false} />
      </ThemeScope>,
    );
    expect(html).toContain('--dk-background:#14171c');
    expect(html).toContain('class="dk-figure dk-dataset-map mine"');
    expect(html).toContain('data-testid="map"');
    expect(html).toContain('var(--dk-radical-85, var(--dk-accent, #2f6fde))');
    expect(html).not.toContain('data-part="legend"');
    expect(html).toContain('viewBox="0 0 300 200"'); // laid out at 300 x 200, shown at most that wide
  });
});
