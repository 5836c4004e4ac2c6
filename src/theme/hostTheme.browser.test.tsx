import { afterEach, describe, expect, it } from 'vitest';
import { NoiseScheduleChart } from '../components/NoiseScheduleChart';
import { Button } from '../components/shared/ui/controls';
import { mount } from '../components/shared/testing/testHelpers.browser';
import { readThemeColor } from './theme';
import { ThemeScope } from './ThemeScope';

/** A host page's theme stylesheet, as Docusaurus (Infima) or Starlight write theirs, on <html>. */
function hostStyles(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  return style;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  delete document.documentElement.dataset.theme;
});

function mountChart() {
  const view = mount(<NoiseScheduleChart aria-label="chart" />);
  cleanups.push(view.unmount);
  return view.host.querySelector<HTMLElement>('.dk-figure')!;
}

describe('figures take on the host page theme with no author CSS', () => {
  it('Docusaurus: --ifm-* and html[data-theme], switched both ways', () => {
    const style = hostStyles(`
      html { --ifm-font-color-base: rgb(10, 20, 30); --ifm-color-scheme: light; }
      html[data-theme='dark'] { --ifm-font-color-base: rgb(227, 227, 227); }`);
    cleanups.push(() => style.remove());
    document.documentElement.dataset.theme = 'light';
    const figure = mountChart();
    expect(getComputedStyle(figure).color).toBe('rgb(10, 20, 30)');
    expect(getComputedStyle(figure).colorScheme).toBe('light');
    document.documentElement.dataset.theme = 'dark';
    expect(getComputedStyle(figure).color).toBe('rgb(227, 227, 227)');
    expect(getComputedStyle(figure).colorScheme).toBe('dark');
  });

  it('Starlight: --sl-* under :root[data-theme]', () => {
    const style = hostStyles(`
      :root { --sl-color-text: rgb(200, 201, 202); --sl-color-gray-6: rgb(40, 41, 42); }
      :root[data-theme='light'] { --sl-color-text: rgb(50, 51, 52); --sl-color-gray-6: rgb(240, 241, 242); }`);
    cleanups.push(() => style.remove());
    document.documentElement.dataset.theme = 'dark';
    const view = mount(<Button>Go</Button>);
    cleanups.push(view.unmount);
    const figure = mountChart();
    expect(getComputedStyle(figure).color).toBe('rgb(200, 201, 202)');
    document.documentElement.dataset.theme = 'light';
    expect(getComputedStyle(figure).color).toBe('rgb(50, 51, 52)');
  });

  it("the author's --dk-* wins over the host's variables", () => {
    const style = hostStyles(`html { --ifm-font-color-base: rgb(10, 20, 30); --dk-text: rgb(1, 2, 3); }`);
    cleanups.push(() => style.remove());
    expect(getComputedStyle(mountChart()).color).toBe('rgb(1, 2, 3)');
  });

  it("with no host theme, a figure follows the reader's colour scheme, and its own light-dark() defaults", () => {
    const figure = mountChart();
    expect(getComputedStyle(figure).colorScheme).toBe('light dark');
    // Headless Chromium prefers light: the light default.
    expect(getComputedStyle(figure).color).toBe('rgb(27, 31, 36)');
  });

  it('a ThemeScope sets the scheme and the tokens for what it holds, whatever the page says', () => {
    document.documentElement.dataset.theme = 'light';
    const view = mount(
      <ThemeScope theme="dark">
        <NoiseScheduleChart />
      </ThemeScope>,
    );
    cleanups.push(view.unmount);
    const figure = view.host.querySelector<HTMLElement>('.dk-figure')!;
    expect(getComputedStyle(figure).colorScheme).toBe('dark');
    expect(getComputedStyle(figure).color).toBe('rgb(232, 234, 237)');
  });

  it('canvas drawing reads the resolved colour through the same chain (host variable, light-dark)', () => {
    const style = hostStyles(`html { --ifm-color-primary: rgb(5, 6, 7); }`);
    cleanups.push(() => style.remove());
    const figure = mountChart();
    expect(readThemeColor(figure.firstElementChild, 'accent')).toBe('rgb(5, 6, 7)');
    expect(readThemeColor(figure.firstElementChild, 'accent2')).toBe('rgb(217, 72, 15)');
    // The probe leaves nothing behind.
    expect(figure.querySelectorAll('span[style*="display: none"]').length).toBe(0);
  });
});

describe("the kit's stylesheet", () => {
  it('is adopted once however many figures mount, and gives controls a 24 px target at least', () => {
    mountChart();
    mountChart();
    const sheets = document.adoptedStyleSheets.filter((s) =>
      [...s.cssRules].some((r) => r.cssText.startsWith('.dk-button')),
    );
    expect(sheets.length).toBe(1);
    const view = mount(
      <div className="dk-figure">
        <Button>Resample</Button>
      </div>,
    );
    cleanups.push(view.unmount);
    const button = view.host.querySelector('button')!;
    expect(button.getBoundingClientRect().height).toBeGreaterThanOrEqual(24);
    expect(getComputedStyle(button).borderTopLeftRadius).toBe('6px');
  });
});
